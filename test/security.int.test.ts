// Security subgraph against the real stack: tamper evidence, anchors (and their workflow), grade policy, agreements,
// incidents, retention, exports. Real Keycloak tokens, real MariaDB (the test edits rows directly to play the attacker).
import { randomUUID } from 'node:crypto';
import { Connection as TemporalConnection, Client as TemporalClient } from '@temporalio/client';
import { auditAs, commonConfig, databaseName, gradePolicySource, graphqlRequest } from '@gov/kit';
import { treatmentFor } from '@gov/masking';
import { isSm4Envelope, sm2Verify, sm3Hex } from '@gov/gm-crypto';
import { auditAnchorWorkflowId, workflowQueue } from '@gov/workflows';
import mysql from 'mysql2/promise';
import { auditDrained, codes, gql, serviceToken } from './support';

const actor = { username: 'city-wjw-user', sub: 'sub-wjw', department: '420600-wjw', region: '420600' };
const RECORDS = 'query R($filter: AuditRecordFilter, $first: Int!) { auditRecords(filter: $filter, first: $first) { totalCount edges { node { id seq action actor resourceId detail requestId } } } }';
const VERIFY = 'query V($from: Float, $to: Float) { verifyAuditChain(fromSeq: $from, toSeq: $to) { ok checked firstBrokenSeq firstBrokenId } }';

let db: mysql.Connection;
beforeAll(async () => {
  const c = commonConfig().mysql;
  db = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: databaseName('security') });
});
afterAll(() => db?.end());

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function appendOne(resourceId: string): Promise<{ id: string; seq: number }> {
  await auditAs(actor, { action: 'QUERY', resourceId, items: ['姓名'], detail: 'rows=1' }, { source: 'open-data' });
  const res = await gql('city-authority', RECORDS, { filter: { resourceId }, first: 1 });
  return res.data!.auditRecords.edges[0].node;
}

describe('004 §33 / 000 §25 tamper evidence', () => {
  test('000 §25: a row edited directly in the database is named by verifyAuditChain (seq and id), and verifies again once restored', async () => {
    const a = await appendOne(`tamper-${randomUUID().slice(0, 8)}`);
    const b = await appendOne(`tamper-${randomUUID().slice(0, 8)}`);
    const range = { from: a.seq, to: b.seq };
    expect((await gql('city-authority', VERIFY, range)).data!.verifyAuditChain).toMatchObject({ ok: true, firstBrokenSeq: null });
    const [[row]] = await db.query<mysql.RowDataPacket[]>('SELECT actor FROM audit_record WHERE id = ?', [a.id]);
    await db.query('UPDATE audit_record SET actor = ? WHERE id = ?', ['someone-else', a.id]);
    try {
      const v = await gql('city-authority', VERIFY, range);
      expect(v.data!.verifyAuditChain).toEqual({ ok: false, checked: 0, firstBrokenSeq: a.seq, firstBrokenId: a.id });
    } finally {
      await db.query('UPDATE audit_record SET actor = ? WHERE id = ?', [row.actor, a.id]);
    }
    expect((await gql('city-authority', VERIFY, range)).data!.verifyAuditChain).toMatchObject({ ok: true, checked: b.seq - a.seq + 1 });
  });

  test('000 §25: a deleted row is named by its seq', async () => {
    const a = await appendOne(`del-${randomUUID().slice(0, 8)}`);
    const b = await appendOne(`del-${randomUUID().slice(0, 8)}`);
    const [[row]] = await db.query<mysql.RowDataPacket[]>('SELECT * FROM audit_record WHERE id = ?', [a.id]);
    await db.query('DELETE FROM audit_record WHERE id = ?', [a.id]);
    try {
      const v = await gql('city-authority', VERIFY, { from: a.seq, to: b.seq });
      expect(v.data!.verifyAuditChain).toMatchObject({ ok: false, firstBrokenSeq: a.seq, firstBrokenId: null });
    } finally {
      await db.query('INSERT INTO audit_record SET ?', [{ ...row, items: typeof row.items === 'string' ? row.items : JSON.stringify(row.items) }]);
    }
  });
});

describe('000 §25 daily anchor (上链)', () => {
  test('000 §25: anchoring a day signs its SM3 Merkle root with SM2; it verifies on its own and against the records', async () => {
    await appendOne(`anchor-${randomUUID().slice(0, 8)}`);
    const day = chinaToday();
    const res = await gql('city-operator', 'mutation A($day: String!) { anchorAuditDay(day: $day) { id day complete recordCount merkleRoot signedPayload signature publicKeyPem } }', { day });
    expect(res.errors).toBeUndefined();
    const a = res.data!.anchorAuditDay;
    expect(a).toMatchObject({ day, complete: false });
    expect(a.recordCount).toBeGreaterThan(0);
    expect(a.signedPayload).toBe(`gov-audit-anchor|v1|${day}|partial|${a.signedPayload.split('|')[4]}|${a.signedPayload.split('|')[5]}|${a.recordCount}|${a.merkleRoot}`);
    expect(sm2Verify(a.signedPayload, a.signature, a.publicKeyPem)).toBe(true); // anyone can check it with the public key
    const VERIFY_ANCHOR = 'query V($day: String!) { verifyAuditAnchor(day: $day) { ok signatureValid recomputedRoot anchor { id merkleRoot lastSeq } } }';
    const v = await gql('city-authority', VERIFY_ANCHOR, { day });
    expect(v.data!.verifyAuditAnchor).toMatchObject({ ok: true, signatureValid: true });
    expect(v.data!.verifyAuditAnchor.recomputedRoot).toBe(v.data!.verifyAuditAnchor.anchor.merkleRoot);

    // A record covered by the anchor, altered afterwards (hash included): the anchor no longer matches.
    const lastSeq = v.data!.verifyAuditAnchor.anchor.lastSeq;
    const [[row]] = await db.query<mysql.RowDataPacket[]>('SELECT id, hash FROM audit_record WHERE seq = ?', [lastSeq]);
    await db.query('UPDATE audit_record SET hash = ? WHERE id = ?', ['f'.repeat(64), row.id]);
    try {
      const t = await gql('city-authority', VERIFY_ANCHOR, { day });
      expect(t.data!.verifyAuditAnchor).toMatchObject({ ok: false, signatureValid: true });
    } finally {
      await db.query('UPDATE audit_record SET hash = ? WHERE id = ?', [row.hash, row.id]);
    }
  });

  test('000 §25: a future day or a malformed day is refused naming the field', async () => {
    const res = await gql('city-operator', 'mutation A($day: String!) { anchorAuditDay(day: $day) { id } }', { day: '2999-01-01' });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.field).toBe('day');
    const bad = await gql('city-operator', 'mutation A($day: String!) { anchorAuditDay(day: $day) { id } }', { day: '2026-02-30' });
    expect(bad.errors![0].extensions!.field).toBe('day');
  });

  test('000 §25: the daily anchoring workflow (workflow id = the day) anchors through security’s activity', async () => {
    const connection = await TemporalConnection.connect({ address: commonConfig().temporal.address });
    try {
      const client = new TemporalClient({ connection, namespace: commonConfig().temporal.namespace });
      const day = chinaToday();
      const prefix = process.env.TEMPORAL_TASK_QUEUE_PREFIX ?? '';
      const result = await client.workflow.execute('auditAnchorWorkflow', {
        workflowId: `${prefix}${auditAnchorWorkflowId(day)}-${randomUUID().slice(0, 8)}`, taskQueue: workflowQueue(prefix), args: [{ day }],
        workflowExecutionTimeout: '1 minute',
      });
      expect(result).toMatchObject({ day });
      const list = await gql('city-assessor', 'query L($day: String!) { auditAnchors(day: $day) { id merkleRoot } }', { day });
      expect(list.data!.auditAnchors.map((x: { id: string }) => x.id)).toContain(result.anchorId);
    } finally {
      await connection.close();
    }
  });
});

describe('000 §24-25 grade policy stored in security', () => {
  const POLICY = 'query P { gradePolicy { grade usageMode itemSensitivity treatment updatedBy } }';
  const SET = 'mutation S($input: GradePolicyRuleInput!) { setGradePolicyRule(input: $input) { grade usageMode itemSensitivity treatment updatedBy } }';

  test('000 §24: seeded with every grade x usage mode x item sensitivity; services read it', async () => {
    const res = await graphqlRequest<{ gradePolicy: unknown[] }>(process.env.GATEWAY_URL!, POLICY, {}, await serviceToken('svc-platform'));
    expect(res.errors).toBeUndefined();
    expect(res.data!.gradePolicy).toHaveLength(48);
    expect(res.data!.gradePolicy).toContainEqual({ grade: 'MEDIUM', usageMode: 'PUSH', itemSensitivity: 'HIGH', treatment: 'WITHHELD', updatedBy: null });
  });

  test('000 §24: delivering subgraphs read it through kit; security unreachable = empty policy = every item withheld', async () => {
    const rules = await gradePolicySource(commonConfig())();
    expect(rules).toHaveLength(48);
    expect(treatmentFor(rules, { grade: 'MEDIUM', usageMode: 'QUERY', itemSensitivity: 'MEDIUM' })).toBe('MASKED');
    const down = await gradePolicySource(commonConfig(), { securityUrl: 'http://127.0.0.1:1/graphql' })();
    expect(down).toEqual([]);
    expect(treatmentFor(down, { grade: 'NONE', usageMode: 'QUERY', itemSensitivity: 'NONE' })).toBe('WITHHELD');
  });

  test('000 §24: the city authority edits a cell (audited); a county authority and a department cannot', async () => {
    const cell = { grade: 'LOW', usageMode: 'VERIFY', itemSensitivity: 'MEDIUM' };
    const res = await gql('city-authority', SET, { input: { ...cell, treatment: 'WITHHELD' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.setGradePolicyRule).toMatchObject({ ...cell, treatment: 'WITHHELD', updatedBy: 'city-authority' });
    await auditDrained();
    const audit = await gql('city-authority', RECORDS, { filter: { actor: 'city-authority', action: 'UPDATE' }, first: 5 });
    expect(audit.data!.auditRecords.edges.map((e: { node: { detail: string } }) => e.node.detail)).toContain('LOW/VERIFY/MEDIUM: MASKED -> WITHHELD');
    await gql('city-authority', SET, { input: { ...cell, treatment: 'MASKED' } });
    expect(codes(await gql('county-authority', SET, { input: { ...cell, treatment: 'CLEAR' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-admin', SET, { input: { ...cell, treatment: 'CLEAR' } }))).toEqual(['FORBIDDEN']);
  });
});

describe('000 §24 data-use and confidentiality agreements per grant', () => {
  const RECORD = 'mutation R($input: RecordAgreementInput!) { recordAgreement(input: $input) { id grantId textHash signedBy text } }';
  const GET = 'query G($grantId: String!) { agreementForGrant(grantId: $grantId) { id signedBy text textHash consumerDepartmentId } }';
  const text = '数据使用和保密协议：仅用于医保核验场景，不得向第三方提供。';

  test('000 §24: sharing records it (service only); the consumer reads it; it is SM4-encrypted at rest; recording again is a no-op', async () => {
    const token = await serviceToken('svc-platform');
    const input = { grantId: `grant-${randomUUID()}`, consumerDepartmentId: '420600-wjw', resourceId: 'res-pop', signedBy: '陈业务', text };
    const first = await graphqlRequest<{ recordAgreement: { id: string; textHash: string } }>(process.env.GATEWAY_URL!, RECORD, { input }, token);
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordAgreement.textHash).toBe(sm3Hex(text));
    const again = await graphqlRequest<{ recordAgreement: { id: string } }>(process.env.GATEWAY_URL!, RECORD, { input }, token);
    expect(again.data!.recordAgreement.id).toBe(first.data!.recordAgreement.id);
    const changed = await graphqlRequest(process.env.GATEWAY_URL!, RECORD, { input: { ...input, text: `${text}（修改）` } }, token);
    expect(codes(changed)).toEqual(['CONFLICT']);

    const mine = await gql('city-wjw-user', GET, { grantId: input.grantId });
    expect(mine.data!.agreementForGrant).toMatchObject({ signedBy: '陈业务', text, consumerDepartmentId: '420600-wjw' });
    expect(codes(await gql('city-zrzy-user', GET, { grantId: input.grantId }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-authority', RECORD, { input }))).toEqual(['FORBIDDEN']);

    const [[row]] = await db.query<mysql.RowDataPacket[]>('SELECT signed_by_enc, text_enc FROM data_use_agreement WHERE grant_id = ?', [input.grantId]);
    expect(isSm4Envelope(row.signed_by_enc)).toBe(true);
    expect(isSm4Envelope(row.text_enc)).toBe(true);
    expect(String(row.text_enc)).not.toContain('医保');
  });

  test('000 §24: neither text nor hash, or a hash that is not the text’s, is refused naming the field', async () => {
    const token = await serviceToken('svc-platform');
    const base = { grantId: `grant-${randomUUID()}`, consumerDepartmentId: '420600-wjw', resourceId: 'res-pop', signedBy: '陈业务' };
    const none = await graphqlRequest(process.env.GATEWAY_URL!, RECORD, { input: base }, token);
    expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const wrong = await graphqlRequest(process.env.GATEWAY_URL!, RECORD, { input: { ...base, text, textHash: 'a'.repeat(64) } }, token);
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'textHash' });
  });
});

describe('000 §24 security incidents', () => {
  const REPORT = 'mutation R($input: ReportIncidentInput!) { reportSecurityIncident(input: $input) { id status severity authorityNotifiedAt departmentId description } }';
  const CLOSE = 'mutation C($input: CloseIncidentInput!) { closeSecurityIncident(input: $input) { id status closedBy closureSummary } }';
  const NOTIFY = 'mutation N($id: ID!) { notifyAuthorityOfIncident(id: $id) { id authorityNotifiedAt } }';

  test('000 §24: a HIGH incident notifies the authority at once; the operator closes it; the description is encrypted at rest', async () => {
    const res = await gql('city-gaj-admin', REPORT, { input: { title: '疑似批量导出人口数据', description: '账号张三在非工作时间批量查询公民身份号码', severity: 'HIGH', emergencyPlan: '数据安全事件应急预案（二级响应）' } });
    expect(res.errors).toBeUndefined();
    const i = res.data!.reportSecurityIncident;
    expect(i).toMatchObject({ status: 'OPEN', severity: 'HIGH', departmentId: '420600-gaj', description: '账号张三在非工作时间批量查询公民身份号码' });
    expect(i.authorityNotifiedAt).not.toBeNull();
    const [[row]] = await db.query<mysql.RowDataPacket[]>('SELECT description_enc FROM security_incident WHERE id = ?', [i.id]);
    expect(isSm4Envelope(row.description_enc)).toBe(true);
    expect(codes(await gql('county-operator', CLOSE, { input: { id: i.id, summary: '已处置' } }))).toEqual(['FORBIDDEN']);
    const closed = await gql('city-operator', CLOSE, { input: { id: i.id, summary: '已停用账号并复核日志' } });
    expect(closed.data!.closeSecurityIncident).toMatchObject({ status: 'CLOSED', closedBy: 'city-operator' });
    expect(codes(await gql('city-operator', CLOSE, { input: { id: i.id, summary: '再次关闭' } }))).toEqual(['CONFLICT']);
  });

  test('000 §24: a LOW incident cannot be closed before the authority is notified', async () => {
    const res = await gql('county-gaj-admin', REPORT, { input: { title: '弱口令', description: '测试账号使用弱口令', severity: 'LOW', emergencyPlan: '一般事件处置流程' } });
    const id = res.data!.reportSecurityIncident.id;
    expect(res.data!.reportSecurityIncident.authorityNotifiedAt).toBeNull();
    expect(codes(await gql('county-operator', CLOSE, { input: { id, summary: '已修改口令' } }))).toEqual(['CONFLICT']);
    expect((await gql('county-gaj-admin', NOTIFY, { id })).data!.notifyAuthorityOfIncident.authorityNotifiedAt).not.toBeNull();
    expect((await gql('city-operator', CLOSE, { input: { id, summary: '已修改口令' } })).data!.closeSecurityIncident.status).toBe('CLOSED');
  });
});

describe('004 §33 retention: at least 2 years', () => {
  test('004 §33: archiving anything younger than 2 years is refused naming the field; nothing is deleted', async () => {
    const before = new Date(Date.now() - 365 * 86_400_000).toISOString();
    const res = await gql('city-authority', 'mutation A($input: ArchiveAuditInput!) { archiveAuditRecords(input: $input) { id } }', { input: { before } });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' });
    const old = await gql('city-authority', 'mutation A($input: ArchiveAuditInput!) { archiveAuditRecords(input: $input) { id } }', { input: { before: '2020-01-01T00:00:00Z' } });
    expect(old.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'before' }); // no live record is that old
    const purge = await gql('city-authority', 'mutation P($id: ID!) { purgeArchivedAuditRecords(archiveId: $id) { id } }', { id: randomUUID() });
    expect(codes(purge)).toEqual(['NOT_FOUND']);
    expect(codes(await gql('county-authority', 'mutation A($input: ArchiveAuditInput!) { archiveAuditRecords(input: $input) { id } }', { input: { before: '2020-01-01T00:00:00Z' } }))).toEqual(['FORBIDDEN']);
  });
});

describe('004 §33 queries and exports for the authority and auditors', () => {
  const EXPORT = 'query E($filter: AuditRecordFilter, $format: AuditExportFormat!) { exportAuditRecords(filter: $filter, format: $format) { filename mimeType rowCount sm3 contentBase64 } }';

  test('004 §33: who accessed resource X, as CSV and XLSX; the export is itself audited', async () => {
    const resourceId = `export-${randomUUID().slice(0, 8)}`;
    await appendOne(resourceId);
    await auditAs({ ...actor, username: 'city-zrzy-user', department: '420600-zrzy' }, { action: 'DOWNLOAD', resourceId }, { source: 'sharing' });
    const csv = await gql('city-authority', EXPORT, { filter: { resourceId }, format: 'CSV' });
    expect(csv.errors).toBeUndefined();
    const file = Buffer.from(csv.data!.exportAuditRecords.contentBase64, 'base64');
    expect(csv.data!.exportAuditRecords).toMatchObject({ rowCount: 2, sm3: sm3Hex(file) });
    const lines = file.toString('utf8').replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^seq,at,actor,actorSub,departmentId/);
    expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['city-wjw-user', 'city-zrzy-user']);
    const xlsx = await gql('city-authority', EXPORT, { filter: { resourceId }, format: 'XLSX' });
    expect(Buffer.from(xlsx.data!.exportAuditRecords.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    await auditDrained();
    const audited = await gql('city-authority', RECORDS, { filter: { actor: 'city-authority', action: 'EXPORT' }, first: 5 });
    expect(audited.data!.auditRecords.totalCount).toBeGreaterThan(0);
    expect(codes(await gql('city-assessor', EXPORT, { filter: { resourceId }, format: 'CSV' }))).toEqual(['FORBIDDEN']);
  });

  test('004 §33: what department Y read in a period, cursor-paginated', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++) await auditAs({ ...actor, department: '420600-scjg' }, { action: 'QUERY', resourceId: `page-${i}` }, { source: 'sharing' });
    const filter = { departmentId: '420600-scjg', action: 'QUERY', from, to: new Date(Date.now() + 60_000).toISOString() };
    const p1 = await gql('city-authority', 'query R($filter: AuditRecordFilter, $first: Int!, $after: String) { auditRecords(filter: $filter, first: $first, after: $after) { totalCount edges { node { seq } } pageInfo { hasNextPage endCursor } } }', { filter, first: 2 });
    expect(p1.data!.auditRecords.totalCount).toBeGreaterThanOrEqual(3);
    expect(p1.data!.auditRecords.pageInfo.hasNextPage).toBe(true);
    const p2 = await gql('city-authority', 'query R($filter: AuditRecordFilter, $first: Int!, $after: String) { auditRecords(filter: $filter, first: $first, after: $after) { edges { node { seq } } } }', { filter, first: 2, after: p1.data!.auditRecords.pageInfo.endCursor });
    const s1 = p1.data!.auditRecords.edges.map((e: { node: { seq: number } }) => e.node.seq);
    const s2 = p2.data!.auditRecords.edges.map((e: { node: { seq: number } }) => e.node.seq);
    expect(Math.min(...s1)).toBeGreaterThan(Math.max(...s2));
  });
});
