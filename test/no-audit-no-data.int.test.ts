// "No audit record, no data" (004 §33) with the transactional outbox (issue 9 §5), end to end with real processes: a
// private stack of security, catalog, sharing and open-data on throwaway databases, called directly with real tokens.
// - Security stopped: reads and writes across three subgraphs still succeed; their records wait in each service's
//   outbox, and reach the chain, once each and verifiable, when security is back.
// - The outbox itself cannot be written: a read answers AUDIT_UNAVAILABLE with no data; a write is rolled back.
import { randomUUID } from 'node:crypto';
import { commonConfig, databaseName, graphqlRequest, type ServiceName } from '@gov/kit';
import { entry } from './catalog-helpers';
import { PrivateStack } from './private-stack';
import { tokenOf, uniqueCode, type DemoUser } from './support';

const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL, provider 420600-gaj (demo data)
const SERVICES = ['security', 'catalog', 'sharing', 'open-data'] as const;
type Svc = (typeof SERVICES)[number];

const OPEN_LIST = 'query L($first: Int!) { openDatasets(first: $first) { edges { node { id name } } } }';
const CREATE_ENTRY = 'mutation C($input: DataResourceInput!) { createDataResource(input: $input) { id code } }';
const READ_ENTRY = 'query G($id: ID!) { dataResource(id: $id) { id status } }';
const CREATE_APP = 'mutation A($input: ShareApplicationInput!) { createShareApplication(input: $input) { id status } }';
const RECORDS = 'query R($filter: AuditRecordFilter, $first: Int!) { auditRecords(filter: $filter, first: $first) { totalCount edges { node { seq action source actor departmentId requestId occurredAt at } } } }';
const VERIFY = 'query V($from: Float, $to: Float) { verifyAuditChain(fromSeq: $from, toSeq: $to) { ok checked firstBrokenSeq } }';

const stack = new PrivateStack('nand', [...SERVICES], { AUDIT_TIMEOUT_MS: '2000' });
const url = (s: Svc) => stack.url(s);

async function outboxPending(s: Svc): Promise<number> {
  return ((await (await fetch(url(s).replace(/graphql$/, 'audit-outbox'))).json()) as { pending: number }).pending;
}

async function call(s: Svc, as: DemoUser | null, query: string, variables: Record<string, unknown>, requestId: string) {
  return graphqlRequest<Record<string, any>>(url(s), query, variables, as ? await tokenOf(as) : undefined, { 'x-request-id': requestId }); // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function recordsOf(requestId: string) {
  const res = await call('security', 'city-authority', RECORDS, { filter: { requestId }, first: 10 }, `check-${randomUUID()}`);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.auditRecords as { totalCount: number; edges: Array<{ node: Record<string, any> }> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function sql<T = Record<string, unknown>>(statement: string, params: unknown[] = []): Promise<T[]> {
  const mysql = await import('mysql2/promise');
  const c = commonConfig().mysql;
  const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
  try { return (await conn.query(statement, params))[0] as T[]; } finally { await conn.end(); }
}
const db = (s: Svc) => `\`${databaseName(s as ServiceName, stack.env.GOV_DB_PREFIX)}\``;

describe('004 §33 no audit record, no data — with the outbox', () => {
  beforeAll(() => stack.start({ seedEnv: { SHARING_DEMO_ROWS: '20' } }), 180_000);
  afterAll(() => stack.destroy(), 60_000);

  test('004 §33: security up: a read leaves exactly one QUERY record of its request, with the source time', async () => {
    const requestId = `nand-${randomUUID()}`;
    const res = await call('open-data', null, OPEN_LIST, { first: 5 }, requestId);
    expect(res.errors).toBeUndefined();
    expect(res.data!.openDatasets.edges.length).toBeGreaterThan(0);
    let recs = await recordsOf(requestId);
    for (let i = 0; i < 100 && recs.edges.length === 0; i++) { await new Promise((r) => setTimeout(r, 100)); recs = await recordsOf(requestId); }
    expect(recs.totalCount).toBe(1);
    expect(recs.edges[0].node).toMatchObject({ action: 'QUERY', source: 'open-data', actor: 'anonymous', requestId });
    expect(new Date(recs.edges[0].node.occurredAt).getTime()).toBeLessThanOrEqual(new Date(recs.edges[0].node.at).getTime());
  });

  test('004 §33: security stopped — 20 reads and 20 writes across three subgraphs succeed; back up, the chain receives each record once and verifies', async () => {
    const drafts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await call('catalog', 'city-gaj-admin', CREATE_ENTRY, { input: entry(uniqueCode('NAND')) }, `nand-setup-${randomUUID()}`);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      drafts.push(r.data!.createDataResource.id);
    }
    await stack.kill('security');

    const reads: string[] = [];
    const writes: string[] = [];
    const createdCodes: string[] = [];
    for (let i = 0; i < 10; i++) {
      const id = `nand-read-${randomUUID()}`;
      const res = await call('open-data', null, OPEN_LIST, { first: 3 }, id);
      expect({ id, errors: res.errors }).toEqual({ id, errors: undefined });
      expect(res.data!.openDatasets.edges.length).toBeGreaterThan(0);
      reads.push(id);
    }
    for (let i = 0; i < 10; i++) {
      const id = `nand-read-${randomUUID()}`;
      const res = await call('catalog', 'city-assessor', READ_ENTRY, { id: drafts[i % drafts.length] }, id); // a draft read is audited (ACCESS)
      expect({ id, errors: res.errors }).toEqual({ id, errors: undefined });
      expect(res.data!.dataResource.status).toBe('DRAFT');
      reads.push(id);
    }
    for (let i = 0; i < 10; i++) {
      const id = `nand-write-${randomUUID()}`;
      const code = uniqueCode('NANDW');
      const res = await call('catalog', 'city-gaj-admin', CREATE_ENTRY, { input: entry(code) }, id);
      expect({ id, errors: res.errors }).toEqual({ id, errors: undefined });
      createdCodes.push(code);
      writes.push(id);
    }
    for (let i = 0; i < 10; i++) {
      const id = `nand-write-${randomUUID()}`;
      const input = { resourceId: POP, requestedItems: ['姓名'], scenario: '出生医学证明办理', purpose: '核验新生儿父母身份（审计测试）', usageMode: 'VERIFY',
        periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: `nand-${randomUUID()}` };
      const res = await call('sharing', 'city-wjw-user', CREATE_APP, { input }, id);
      expect({ id, errors: res.errors }).toEqual({ id, errors: undefined });
      writes.push(id);
    }
    // Queued, not lost: each service's outbox holds its records while security is down.
    expect(await outboxPending('open-data')).toBeGreaterThanOrEqual(10);
    expect(await outboxPending('catalog')).toBeGreaterThanOrEqual(20);
    expect(await outboxPending('sharing')).toBeGreaterThanOrEqual(10);

    stack.spawnService('security');
    await stack.ready('security');
    for (let i = 0; i < 200; i++) {
      const pending = await Promise.all((['open-data', 'catalog', 'sharing'] as const).map(outboxPending));
      if (pending.every((n) => n === 0)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seqs: number[] = [];
    for (const requestId of [...reads, ...writes]) {
      const recs = await recordsOf(requestId);
      expect({ requestId, records: recs.totalCount }).toEqual({ requestId, records: 1 });
      seqs.push(recs.edges[0].node.seq);
    }
    expect(new Set(seqs).size).toBe(40);
    const v = await call('security', 'city-authority', VERIFY, { from: Math.min(...seqs), to: Math.max(...seqs) }, `nand-verify-${randomUUID()}`);
    expect(v.data!.verifyAuditChain).toMatchObject({ ok: true, firstBrokenSeq: null });
  }, 120_000);

  test('004 §33: the outbox cannot be written — a read answers AUDIT_UNAVAILABLE with no data; a write is rolled back', async () => {
    await sql(`RENAME TABLE ${db('open-data')}.audit_outbox TO ${db('open-data')}.audit_outbox_off, ${db('catalog')}.audit_outbox TO ${db('catalog')}.audit_outbox_off`);
    try {
      const read = await call('open-data', null, OPEN_LIST, { first: 5 }, `nand-${randomUUID()}`);
      expect(read.data?.openDatasets ?? null).toBeNull();
      expect(read.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);

      const code = uniqueCode('NANDRB');
      const write = await call('catalog', 'city-gaj-admin', CREATE_ENTRY, { input: entry(code) }, `nand-${randomUUID()}`);
      expect(write.data?.createDataResource ?? null).toBeNull();
      expect(write.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
      expect(await sql(`SELECT id FROM ${db('catalog')}.data_resource WHERE code = ?`, [code])).toHaveLength(0); // no half row
    } finally {
      await sql(`RENAME TABLE ${db('open-data')}.audit_outbox_off TO ${db('open-data')}.audit_outbox, ${db('catalog')}.audit_outbox_off TO ${db('catalog')}.audit_outbox`);
    }
    // Restored: data flows again with its record.
    const again = await call('open-data', null, OPEN_LIST, { first: 5 }, `nand-${randomUUID()}`);
    expect(again.errors).toBeUndefined();
  }, 60_000);
});
