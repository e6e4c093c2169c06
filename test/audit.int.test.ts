// kit's audit client against the real security subgraph, real Keycloak (svc-platform client credentials), real MariaDB.
import { randomUUID } from 'node:crypto';
import { auditAs, AuditUnavailableError, commonConfig, createAuditClient } from '@gov/kit';
import { codes, gatewayUrl, gql, serviceToken, tokenOf } from './support';

const RECORDS = `query Records($filter: AuditRecordFilter, $first: Int!) { auditRecords(filter: $filter, first: $first) {
  totalCount edges { node { id seq actor actorSub departmentId regionCode action resourceId grantId scenario items outcome requestId detail source hash prevHash } } } }`;
// A range: another suite edits rows directly to test tamper evidence, in parallel with this one.
const VERIFY = 'query Verify($from: Float, $to: Float) { verifyAuditChain(fromSeq: $from, toSeq: $to) { ok checked firstBrokenSeq } }';
const APPEND = 'mutation Append($input: AppendAuditRecordInput!) { appendAuditRecord(input: $input) { id seq } }';

const actor = { username: 'city-wjw-user', sub: 'sub-wjw', department: '420600-wjw', region: '420600' };

describe('004 §33 audit chain appended through kit (ctx.audit / auditAs)', () => {
  test('004 §33: one append = one chained record with actor, department, region, grant, scenario, items, outcome, request id', async () => {
    const resourceId = `res-${randomUUID().slice(0, 8)}`;
    const requestId = `req-${randomUUID()}`;
    await auditAs(actor, { action: 'QUERY', resourceId, grantId: 'grant-1', scenario: '医保核验', items: ['姓名', '公民身份号码'], detail: 'rows=3' },
      { requestId, source: 'open-data' });
    const res = await gql('city-authority', RECORDS, { filter: { resourceId }, first: 10 });
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.auditRecords.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({
      actor: 'city-wjw-user', actorSub: 'sub-wjw', departmentId: '420600-wjw', regionCode: '420600', action: 'QUERY', resourceId,
      grantId: 'grant-1', scenario: '医保核验', items: ['姓名', '公民身份号码'], outcome: 'SUCCESS', requestId, detail: 'rows=3', source: 'open-data',
    });
    expect(nodes[0].hash).toMatch(/^[0-9a-f]{64}$/);
    const v = await gql('city-authority', VERIFY, { from: nodes[0].seq, to: nodes[0].seq });
    expect(v.data!.verifyAuditChain).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  test('004 §33: a retried append with the same id is one record, not two', async () => {
    const token = await serviceToken('svc-platform');
    const { graphqlRequest } = await import('@gov/kit');
    const input = { id: randomUUID(), actor: 'city-wjw-user', actorSub: 'sub-wjw', departmentId: '420600-wjw', regionCode: '420600',
      action: 'DOWNLOAD', resourceId: `res-${randomUUID().slice(0, 8)}`, items: [], outcome: 'SUCCESS' };
    const url = process.env.SUBGRAPH_URL_SECURITY!;
    const a = await graphqlRequest(url, APPEND, { input }, token);
    const b = await graphqlRequest(url, APPEND, { input }, token);
    expect(a.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    const res = await gql('city-authority', RECORDS, { filter: { resourceId: input.resourceId }, first: 10 });
    expect(res.data!.auditRecords.edges).toHaveLength(1);
  });

  test('004 §33: the relays\' batch append chains a batch in its order, once however often it is resent, keeping the source time', async () => {
    const token = await serviceToken('svc-platform');
    const { graphqlRequest } = await import('@gov/kit');
    const resourceId = `res-${randomUUID().slice(0, 8)}`;
    const occurredAt = new Date(Date.now() - 3_600_000).toISOString(); // written to an outbox an hour ago, security was down
    const records = Array.from({ length: 5 }, (_, i) => ({ id: randomUUID(), actor: 'city-wjw-user', actorSub: 'sub-wjw', departmentId: '420600-wjw',
      regionCode: '420600', action: 'QUERY', resourceId, items: ['姓名'], outcome: 'SUCCESS', detail: `n=${i}`, source: 'open-data', requestId: `batch-${i}`, occurredAt }));
    const BATCH = 'mutation B($records: [AppendAuditRecordInput!]!) { appendAuditRecords(records: $records) }';
    const url = process.env.SUBGRAPH_URL_SECURITY!;
    const first = await graphqlRequest(url, BATCH, { records }, token);
    const again = await graphqlRequest(url, BATCH, { records: [...records.slice(3), ...records] }, token); // a lost answer: resent, overlapping
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    const res = await gql('city-authority', `query($filter: AuditRecordFilter, $first: Int!) { auditRecords(filter: $filter, first: $first) { edges { node { seq detail occurredAt } } } }`,
      { filter: { resourceId }, first: 20 });
    const nodes = res.data!.auditRecords.edges.map((e: { node: { seq: number; detail: string; occurredAt: string } }) => e.node).sort((a: { seq: number }, b: { seq: number }) => a.seq - b.seq);
    expect(nodes.map((n: { detail: string }) => n.detail)).toEqual(['n=0', 'n=1', 'n=2', 'n=3', 'n=4']);
    expect(new Set(nodes.map((n: { occurredAt: string }) => n.occurredAt))).toEqual(new Set([occurredAt]));
    const v = await gql('city-authority', VERIFY, { from: nodes[0].seq, to: nodes[4].seq });
    expect(v.data!.verifyAuditChain).toMatchObject({ ok: true, firstBrokenSeq: null });
    // a person cannot batch-append; a record without its source id is refused by name
    expect(codes(await gql('city-authority', BATCH, { records: records.slice(0, 1) }))).toEqual(['FORBIDDEN']);
    const noId = await graphqlRequest(url, BATCH, { records: [{ ...records[0], id: null }] }, token);
    expect(noId.errors?.[0]?.extensions?.field).toBe('records[0].id');
  });

  test('004 §33: 60 concurrent appends (group-committed in batches) are 60 records, one unbroken chain', async () => {
    const resourceId = `res-${randomUUID().slice(0, 8)}`;
    await Promise.all(Array.from({ length: 60 }, (_, i) => auditAs(actor, { action: 'QUERY', resourceId, detail: `n=${i}` }, { source: 'open-data' })));
    const res = await gql('city-authority', RECORDS, { filter: { resourceId }, first: 100 });
    const seqs: number[] = res.data!.auditRecords.edges.map((e: { node: { seq: number } }) => e.node.seq);
    expect(new Set(seqs).size).toBe(60);
    expect(new Set(res.data!.auditRecords.edges.map((e: { node: { detail: string } }) => e.node.detail)).size).toBe(60);
    const v = await gql('city-authority', VERIFY, { from: Math.min(...seqs), to: Math.max(...seqs) });
    expect(v.data!.verifyAuditChain).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  test('004 §33: a refused access is recorded too (outcome DENIED, best effort)', async () => {
    const { graphqlRequest } = await import('@gov/kit');
    const requestId = `denied-${randomUUID()}`;
    const res = await graphqlRequest(gatewayUrl(), RECORDS, { filter: {}, first: 1 }, await tokenOf('city-wjw-user'), { 'x-request-id': requestId });
    expect(codes(res)).toEqual(['FORBIDDEN']);
    let found: Record<string, unknown> | undefined;
    for (let i = 0; i < 50 && !found; i++) {
      const r = await gql('city-authority', RECORDS, { filter: { requestId }, first: 5 });
      found = r.data?.auditRecords.edges[0]?.node;
      if (!found) await new Promise((x) => setTimeout(x, 100));
    }
    expect(found).toMatchObject({ actor: 'city-wjw-user', departmentId: '420600-wjw', action: 'ACCESS', outcome: 'DENIED', items: ['auditRecords'], source: 'security' });
  });

  test('004 §33: only service accounts append; a person cannot write the audit log', async () => {
    const res = await gql('city-authority', APPEND, { input: { actor: 'x', actorSub: 'x', action: 'QUERY', items: [], outcome: 'SUCCESS' } });
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  test('004 §33: a county authority sees its own region, not the city', async () => {
    const resourceId = `res-${randomUUID().slice(0, 8)}`;
    await auditAs(actor, { action: 'ACCESS', resourceId }, { source: 'catalog' });
    const county = await gql('county-authority', RECORDS, { filter: { resourceId }, first: 10 });
    expect(county.data!.auditRecords.edges).toHaveLength(0);
  });

  test('no audit, no data: an unreachable security fails with AUDIT_UNAVAILABLE', async () => {
    const down = createAuditClient({ config: commonConfig(), source: 'open-data', securityUrl: 'http://127.0.0.1:1/graphql', timeoutMs: 500 });
    await expect(down.append(actor, 'req-x', { action: 'QUERY' })).rejects.toBeInstanceOf(AuditUnavailableError);
  });
});
