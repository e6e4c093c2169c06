// The sharing exchange through the gateway with real Keycloak tokens: who reads applications, the approval driven by
// mutations, grants, VERIFY / QUERY delivery, revocation and expiry, flags, and the streaming bulk upload.
import { join } from 'node:path';
import { Connection, Client } from '@temporalio/client';
import ExcelJS from 'exceljs';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { maskValue } from '@gov/masking';
import type { DataSource } from 'typeorm';
import { codes, gql, ok, passCapabilityCheck, serviceToken, tokenOf, uniqueCode, type DemoUser } from './support';
import { ROOT } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { populationRow } = require(join(ROOT, 'services/sharing/dist/domain/demo.js')) as { populationRow(i: number): Record<string, string> };

const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL, HIGH, provider 420600-gaj
const LP = '00000000-0000-4000-8000-000004206001'; // UNCONDITIONAL, LOW, provider 420600-scjg
const APP_FIELDS = 'id status stage overdue grantId decisionReason consumerDepartmentId';
const CREATE = `mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { ${APP_FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitShareApplication(id: $id) { ${APP_FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $stage: ApprovalStage!, $approve: Boolean!, $reason: String) {
  decideShareApplication(id: $id, stage: $stage, approve: $approve, reason: $reason) { ${APP_FIELDS} } }`;
const READ = `query($id: ID!) { shareApplication(id: $id) { ${APP_FIELDS} } }`;
const SIGN = 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id signedBy } }';
const RECORDS = `query($g: ID!, $first: Int!, $after: String) { grantedRecords(grantId: $g, first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id fields { name value treatment } } } } }`;
const VERIFY = 'query($g: ID!, $fields: [FieldValueInput!]!) { verifyRecord(grantId: $g, fields: $fields) { match differingFields } }';

let ds: DataSource;
let temporal: Client;
beforeAll(async () => {
  ds = await dataSourceFor(sharing).initialize();
  temporal = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' }) });
});
afterAll(async () => {
  await ds?.destroy();
  await temporal?.connection.close();
});

function application(usageMode: string, items: string[], key = uniqueCode('k')) {
  return { resourceId: POP, requestedItems: items, scenario: '出生医学证明办理', purpose: '核验新生儿父母身份（测试）', usageMode, periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: key };
}


/** The whole 000 §17 path through the graph: consumer applies and submits, provider accepts, operator files, provider delivers. */
async function grantedApplication(usageMode: string, items: string[], extra: Record<string, unknown> = {}): Promise<{ id: string; grantId: string }> {
  const { createShareApplication: a } = await ok('city-wjw-user', CREATE, { input: { ...application(usageMode, items), ...extra } });
  await ok('city-wjw-user', SUBMIT, { id: a.id });
  await ok('city-gaj-approver', DECIDE, { id: a.id, stage: 'PROVIDER_REVIEW', approve: true });
  await ok('city-operator', DECIDE, { id: a.id, stage: 'FILING', approve: true });
  const { decideShareApplication: done } = await ok('city-gaj-admin', DECIDE, { id: a.id, stage: 'DELIVERY', approve: true });
  const final = done.status === 'GRANTED' ? done : (await ok('city-wjw-user', READ, { id: a.id })).shareApplication;
  expect(final).toMatchObject({ status: 'GRANTED' });
  return { id: a.id, grantId: final.grantId };
}

describe('share applications', () => {
  test('000 §17: a department cannot read another\'s applications; the provider sees one only once submitted', async () => {
    const { createShareApplication: a } = await ok('city-wjw-user', CREATE, { input: application('VERIFY', ['姓名', '公民身份号码']) });
    expect(codes(await gql('city-zrzy-user', READ, { id: a.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-approver', READ, { id: a.id }))).toEqual(['FORBIDDEN']); // a draft is the consumer's own
    const list = await ok('city-zrzy-user', 'query { shareApplications(first: 200) { edges { node { id consumerDepartmentId } } } }', {});
    expect(list.shareApplications.edges.every((e: { node: { consumerDepartmentId: string } }) => e.node.consumerDepartmentId !== '420600-wjw')).toBe(true);

    // Two concurrent submits: one approval workflow (its id is the business key).
    const [s1, s2] = await Promise.all([gql('city-wjw-user', SUBMIT, { id: a.id }), gql('city-wjw-user', SUBMIT, { id: a.id })]);
    expect(s1.errors).toBeUndefined();
    expect(s2.errors).toBeUndefined();
    let runs = 0;
    for await (const w of temporal.workflow.list({ query: `WorkflowId = 'share-application-${a.id}'` })) if (w.workflowId) runs++;
    expect(runs).toBe(1);
    expect((await ok('city-gaj-approver', READ, { id: a.id })).shareApplication).toMatchObject({ status: 'SUBMITTED', stage: 'PROVIDER_REVIEW' });
    expect(codes(await gql('city-zrzy-user', READ, { id: a.id }))).toEqual(['FORBIDDEN']);

    // Only the provider decides its step (to an unrelated department the application does not exist), the operator
    // may not take the provider's step, and a rejection needs a reason.
    expect(codes(await gql('city-scjg-admin', DECIDE, { id: a.id, stage: 'PROVIDER_REVIEW', approve: true }))).toEqual(['NOT_FOUND']);
    expect(codes(await gql('city-operator', DECIDE, { id: a.id, stage: 'PROVIDER_REVIEW', approve: true }))).toEqual(['FORBIDDEN']);
    const noReason = await gql('city-gaj-approver', DECIDE, { id: a.id, stage: 'PROVIDER_REVIEW', approve: false });
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    expect(noReason.errors?.[0].extensions?.field).toBe('reason');
    const rejected = await ok('city-gaj-approver', DECIDE, { id: a.id, stage: 'PROVIDER_REVIEW', approve: false, reason: '用途与共享条件不符' });
    expect(rejected.decideShareApplication).toMatchObject({ status: 'REJECTED', decisionReason: '用途与共享条件不符', grantId: null });
  });

  test('000 §16: an UNCONDITIONAL resource is subscribed to (a grant at once), not applied for', async () => {
    const res = await gql('city-wjw-user', CREATE, { input: { ...application('QUERY', ['企业名称']), resourceId: LP } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors?.[0].extensions?.field).toBe('resourceId');
    const key = uniqueCode('sub');
    const sub = `mutation($input: SubscriptionInput!) { subscribeToResource(input: $input) { id status items usageMode consumerDepartmentId } }`;
    const input = { resourceId: LP, items: ['统一社会信用代码', '企业名称'], scenario: '医疗机构登记核对', usageMode: 'QUERY', periodFrom: '2026-01-01', periodTo: '2027-06-30', idempotencyKey: key };
    const first = await ok('city-wjw-user', sub, { input });
    const again = await ok('city-wjw-user', sub, { input });
    expect(first.subscribeToResource).toMatchObject({ status: 'ACTIVE', consumerDepartmentId: '420600-wjw', items: ['统一社会信用代码', '企业名称'] });
    expect(again.subscribeToResource.id).toBe(first.subscribeToResource.id);
  });

  test('001 §21: a NOT_SHARED resource cannot be applied for; a reclassification request goes to the authority', async () => {
    const criminal = '00000000-0000-4000-8000-000004206004';
    expect(codes(await gql('city-wjw-user', CREATE, { input: { ...application('VERIFY', ['公民身份号码']), resourceId: criminal } }))).toEqual(['CONFLICT']);
    const r = await ok('city-wjw-user', 'mutation($r: ID!, $why: String!) { requestReclassification(resourceId: $r, reason: $why) { status providerDepartmentId } }',
      { r: criminal, why: '办理从业资格审查需核验无犯罪记录' });
    expect(r.requestReclassification).toEqual({ status: 'OPEN', providerDepartmentId: '420600-gaj' });
  });
});

describe('delivery', () => {
  test('004 §23: VERIFY answers match / no match and which fields differ — never record data; nothing after expiry', async () => {
    const { grantId } = await grantedApplication('VERIFY', ['姓名', '公民身份号码']);
    const person = populationRow(0);
    expect(codes(await gql('city-wjw-user', VERIFY, { g: grantId, fields: [{ name: '公民身份号码', value: person.公民身份号码 }] }))).toEqual(['CONFLICT']); // 000 §24
    await ok('city-wjw-user', SIGN, { g: grantId });
    await passCapabilityCheck('city-wjw-user', grantId);

    const same = await gql('city-wjw-user', VERIFY, { g: grantId, fields: [{ name: '公民身份号码', value: person.公民身份号码 }, { name: '姓名', value: person.姓名 }] });
    expect(same.data).toEqual({ verifyRecord: { match: true, differingFields: [] } });
    const wrongName = await ok('city-wjw-user', VERIFY, { g: grantId, fields: [{ name: '公民身份号码', value: person.公民身份号码 }, { name: '姓名', value: '不是此人' }] });
    expect(wrongName).toEqual({ verifyRecord: { match: false, differingFields: ['姓名'] } });
    const nobody = await ok('city-wjw-user', VERIFY, { g: grantId, fields: [{ name: '公民身份号码', value: '11010519491231002X' }, { name: '姓名', value: '张三' }] });
    expect(nobody).toEqual({ verifyRecord: { match: false, differingFields: ['公民身份号码'] } });
    // The answer's text holds none of the record's values.
    expect(JSON.stringify(same)).not.toContain(person.联系电话);
    expect(JSON.stringify(wrongName)).not.toContain(person.姓名);
    const ungranted = await gql('city-wjw-user', VERIFY, { g: grantId, fields: [{ name: '公民身份号码', value: person.公民身份号码 }, { name: '联系电话', value: person.联系电话 }] });
    expect(codes(ungranted)).toEqual(['BAD_USER_INPUT']);
    // Another department cannot use the grant: to it, the grant does not exist.
    expect(codes(await gql('city-zrzy-user', VERIFY, { g: grantId, fields: [{ name: '公民身份号码', value: person.公民身份号码 }] }))).toEqual(['NOT_FOUND']);

    // Past its period the grant delivers nothing, even before the expiry timer has run.
    await ds.query('UPDATE share_grant SET expires_at = ? WHERE id = ?', [new Date(Date.now() - 1000), grantId]);
    expect(codes(await gql('city-wjw-user', VERIFY, { g: grantId, fields: [{ name: '公民身份号码', value: person.公民身份号码 }] }))).toEqual(['FORBIDDEN']);
  });

  test('000 §18: a grant approved with clear text delivers the ID number in clear; asking for it needs a reason', async () => {
    const noReason = await gql('city-wjw-user', CREATE, { input: { ...application('QUERY', ['公民身份号码', '户号']), clearText: true } });
    expect(noReason.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'clearTextReason' });
    const { id, grantId } = await grantedApplication('QUERY', ['公民身份号码', '户号'], { clearText: true, clearTextReason: '户籍迁移需核对完整身份号码' });
    expect((await ok('city-gaj-approver', 'query($id: ID!) { shareApplication(id: $id) { clearText clearTextReason } }', { id })).shareApplication)
      .toEqual({ clearText: true, clearTextReason: '户籍迁移需核对完整身份号码' });
    await ok('city-wjw-user', SIGN, { g: grantId });
    await passCapabilityCheck('city-wjw-user', grantId);
    const page = (await ok('city-wjw-user', RECORDS, { g: grantId, first: 3 })).grantedRecords;
    for (const { node } of page.edges) {
      const idx = Number((node.fields[1].value as string).slice(-8));
      expect(node.fields[0]).toEqual({ name: '公民身份号码', value: populationRow(idx).公民身份号码, treatment: 'CLEAR' });
    }
  });

  test('000 §18: QUERY returns only granted items, treated by the grade policy, cursor-paginated; flags open quality issues (004 §24); nothing after revocation', async () => {
    const { grantId } = await grantedApplication('QUERY', ['公民身份号码', '户号']);
    await ok('city-wjw-user', SIGN, { g: grantId });
    await passCapabilityCheck('city-wjw-user', grantId);
    const p1 = (await ok('city-wjw-user', RECORDS, { g: grantId, first: 5 })).grantedRecords;
    expect(p1.totalCount).toBeGreaterThanOrEqual(300);
    expect(p1.edges).toHaveLength(5);
    for (const { node } of p1.edges) {
      expect(node.fields.map((f: { name: string }) => f.name)).toEqual(['公民身份号码', '户号']);
      // POP-BASE's ID number is a HIGH item: masked in a QUERY by the seed policy (region code and tail only, the
      // grant names no clear text); the household number is not sensitive.
      expect(node.fields[0]).toMatchObject({ name: '公民身份号码', treatment: 'MASKED' });
      expect(node.fields[0].value).toMatch(/^42\d{4}\*{8}\d{3}[\dX]$/);
      expect(node.fields[1]).toMatchObject({ name: '户号', treatment: 'CLEAR' });
      expect(node.fields[1].value).toMatch(/^H\d{14}$/);
    }
    const p2 = (await ok('city-wjw-user', RECORDS, { g: grantId, first: 5, after: p1.pageInfo.endCursor })).grantedRecords;
    const ids1 = new Set(p1.edges.map((e: { node: { id: string } }) => e.node.id));
    expect(p2.edges.some((e: { node: { id: string } }) => ids1.has(e.node.id))).toBe(false);
    const text = JSON.stringify([p1, p2]);
    for (const ungranted of ['姓名', '联系电话', '住址']) expect(text).not.toContain(ungranted);

    // A consumer flags a doubtful record: the provider sees it.
    const household = p1.edges[0].node.fields[1].value as string;
    const [{ k }] = await ds.query('SELECT JSON_UNQUOTE(JSON_EXTRACT(fields, \'$."户号"\')) AS h, record_key AS k FROM exchange_record WHERE resource_id = ? AND JSON_UNQUOTE(JSON_EXTRACT(fields, \'$."户号"\')) = ?', [POP, household]);
    expect(k).toMatch(/^[0-9a-f]{64}$/); // stored keys are HMAC-SM3 digests, not ID numbers
    const idx = Number(household.slice(-8));
    expect(p1.edges[0].node.fields[0].value).toBe(maskValue('ID_NUMBER', populationRow(idx).公民身份号码));
    const flag = await ok('city-wjw-user', 'mutation($g: ID!, $k: String!, $r: String!) { flagRecord(grantId: $g, recordKey: $k, reason: $r) { id providerDepartmentId qualityIssueId } }',
      { g: grantId, k: populationRow(idx).公民身份号码, r: '户号与户籍系统不一致' });
    expect(flag.flagRecord.providerDepartmentId).toBe('420600-gaj');
    const seen = await ok('city-gaj-admin', 'query { recordFlags { id reason } }', {});
    expect(seen.recordFlags.map((f: { id: string }) => f.id)).toContain(flag.flagRecord.id);
    // 004 §24: it is a quality issue for the provider, opened through quality's service-only mutation.
    expect(flag.flagRecord.qualityIssueId).toBe(flag.flagRecord.id);
    const issue = await ok('city-gaj-admin', 'query($id: ID!) { qualityIssue(id: $id) { status source departmentId reporterDepartmentId description } }', { id: flag.flagRecord.qualityIssueId });
    expect(issue.qualityIssue).toMatchObject({ status: 'OPEN', source: 'CONSUMER', departmentId: '420600-gaj', reporterDepartmentId: '420600-wjw' });
    expect(issue.qualityIssue.description).not.toContain(populationRow(idx).公民身份号码); // no ID number in clear
    const human = await gql('city-wjw-user', 'mutation($input: FlaggedRecordInput!) { reportFlaggedRecord(input: $input) { id } }', {
      input: { flagId: flag.flagRecord.id, resourceId: POP, departmentId: '420600-gaj', regionCode: '420600', reporterDepartmentId: '420600-wjw', description: 'x' } });
    expect(codes(human)).toEqual(['FORBIDDEN']);

    // Revoked: nothing more, for anyone.
    expect(codes(await gql('city-wjw-user', 'mutation($g: ID!) { revokeShareGrant(id: $g, reason: "x") { status } }', { g: grantId }))).toEqual(['FORBIDDEN']);
    const revoked = await ok('city-gaj-admin', 'mutation($g: ID!) { revokeShareGrant(id: $g, reason: "用途超出授权场景") { status revokedBy } }', { g: grantId });
    expect(revoked.revokeShareGrant).toEqual({ status: 'REVOKED', revokedBy: 'city-gaj-admin' });
    const after = await gql('city-wjw-user', RECORDS, { g: grantId, first: 5 });
    expect(codes(after)).toEqual(['FORBIDDEN']);
    expect(after.data?.grantedRecords ?? null).toBeNull(); // Query roots are nullable (partial answers): no data, field by field
  });
});

describe('the streaming bulk upload', () => {
  const url = () => `${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/exchange/resources/${POP}/records`;
  const count = async () => Number((await ds.query('SELECT COUNT(*) AS n FROM exchange_record WHERE resource_id = ?', [POP]))[0].n);
  async function upload(as: DemoUser, body: Buffer | string, format: string, key?: string) {
    const res = await fetch(`${url()}?format=${format}`, {
      method: 'POST', body, headers: { authorization: `Bearer ${await tokenOf(as)}`, ...(key ? { 'idempotency-key': key } : {}) },
    });
    return { status: res.status, body: await res.json() as { data?: { exchangeLoad: Record<string, any> }; errors?: Array<{ extensions: { code: string } }> } }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
  const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => populationRow(900_000 + from + i));
  const csv = (rs: Array<Record<string, string>>) => ['姓名,公民身份号码,联系电话,住址,户号', ...rs.map((r) => [r.姓名, r.公民身份号码, r.联系电话, r.住址, r.户号].join(','))].join('\n');

  test('001 §16: a bad row is reported with row and reason, and nothing of the upload is loaded', async () => {
    const before = await count();
    const rs = rows(0, 4);
    const bad = { ...rs[1], 公民身份号码: rs[1].公民身份号码.slice(0, 17) + (rs[1].公民身份号码.endsWith('0') ? '1' : '0') };
    const res = await upload('city-gaj-admin', csv([rs[0], bad, rs[2], rs[3]]), 'csv');
    expect(res.status).toBe(422);
    expect(res.body.data!.exchangeLoad).toMatchObject({ status: 'FAILED', rowCount: 0 });
    expect(res.body.data!.exchangeLoad.problems).toEqual([{ row: 2, field: '公民身份号码', reason: 'fails its check digit' }]);
    expect(await count()).toBe(before);
    const viaGraph = await ok('city-gaj-admin', 'query($id: ID!) { exchangeLoad(id: $id) { status problems { row field reason } } }', { id: res.body.data!.exchangeLoad.id });
    expect(viaGraph.exchangeLoad.status).toBe('FAILED');
  });

  test('001 §16: CSV, JSON lines and XLSX load in full; HIGH-sensitivity values are stored SM4-encrypted; only the provider loads', async () => {
    const before = await count();
    const c = await upload('city-gaj-admin', csv(rows(10, 3)), 'csv', uniqueCode('up'));
    expect(c.status).toBe(201);
    expect(c.body.data!.exchangeLoad).toMatchObject({ status: 'LOADED', rowCount: 3, problems: [] });

    const j = await upload('city-gaj-admin', rows(20, 2).map((r) => JSON.stringify(r)).join('\n'), 'jsonl');
    expect(j.body.data!.exchangeLoad).toMatchObject({ status: 'LOADED', rowCount: 2 });

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('人口');
    sheet.addRow(['姓名', '公民身份号码', '联系电话', '住址', '户号']);
    for (const r of rows(30, 2)) sheet.addRow([r.姓名, r.公民身份号码, r.联系电话, r.住址, r.户号]);
    const x = await upload('city-gaj-admin', Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx');
    expect(x.body.data!.exchangeLoad).toMatchObject({ status: 'LOADED', rowCount: 2 });
    expect(await count()).toBe(before + 7);

    const [stored] = await ds.query('SELECT fields FROM exchange_record WHERE load_id = ? LIMIT 1', [c.body.data!.exchangeLoad.id]);
    const f = typeof stored.fields === 'string' ? JSON.parse(stored.fields) : stored.fields;
    expect(f.公民身份号码).toMatch(/^sm4:/);
    expect(f.姓名).toMatch(/^sm4:/);
    expect(f.户号).toMatch(/^H/); // not sensitive: clear

    const other = await upload('city-scjg-admin', csv(rows(40, 1)), 'csv');
    expect(other.status).toBe(403);
    const user = await upload('city-wjw-user', csv(rows(40, 1)), 'csv');
    expect(user.status).toBe(403);
    expect(await count()).toBe(before + 7);
  });
});

describe('the internal record stream', () => {
  const url = (items?: string) => `${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/internal/exchange/resources/${POP}/records${items ? `?items=${encodeURIComponent(items)}` : ''}`;

  test('004 §33: other subgraphs read records only through the service-only stream (JSON lines, decrypted, audited)', async () => {
    const human = await fetch(url(), { headers: { authorization: `Bearer ${await tokenOf('city-gaj-admin')}` } });
    expect(human.status).toBe(403);
    const svc = await fetch(url('公民身份号码,户号'), { headers: { authorization: `Bearer ${await serviceToken('svc-platform')}` } });
    expect(svc.status).toBe(200);
    const lines = (await svc.text()).trim().split('\n').map((l) => JSON.parse(l) as { id: string; fields: Record<string, string> });
    expect(lines.length).toBeGreaterThanOrEqual(300); // every seeded record (other test files may be adding more meanwhile)
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    expect(Object.keys(lines[0].fields).sort()).toEqual(['公民身份号码', '户号'].sort());
    const seeded = populationRow(0).公民身份号码;
    expect(lines.some((l) => l.fields.公民身份号码 === seeded)).toBe(true); // decrypted for the platform's own services
  });
});
