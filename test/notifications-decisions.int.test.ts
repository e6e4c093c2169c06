// Issue 14 §4: the decisions and tasks the resolvers of catalog, quality, open data and projects produce reach the
// inbox of whom they concern (through the gateway, real tokens), and nobody else's: each notice rides on the audit
// record the mutation writes anyway.
import { eventually, ok, uniqueCode, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind title resourceType resourceId link readAt } } } }';
type Notice = { id: string; kind: string; title: string; resourceType: string; resourceId: string; link: string | null };
const about = async (user: DemoUser, id: string): Promise<Notice[]> =>
  ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: Notice }>).map((e) => e.node).filter((n) => n.resourceId === id);
/** The relay ships the outbox in the background: wait until the user has `n` notices about `id`. */
const waitFor = (user: DemoUser, id: string, n: number) => eventually(() => about(user, id), (l) => l.length >= n, 200);
const none = async (users: DemoUser[], id: string) => { for (const u of users) expect({ u, notices: await about(u, id) }).toEqual({ u, notices: [] }); };

const entry = () => ({
  code: uniqueCode('NTF'), name: '通知测试目录', description: '通知测试', category: 'DEPARTMENT', shareType: 'UNCONDITIONAL',
  openType: 'NOT_OPEN', notOpenReason: '测试数据', sensitivityGrade: 'LOW', items: [{ name: '名称', type: 'STRING', length: 50, sensitive: false }],
});
async function submittedEntry(): Promise<string> {
  const id = (await ok('city-gaj-admin', 'mutation($input: DataResourceInput!) { createDataResource(input: $input) { id } }', { input: entry() })).createDataResource.id as string;
  await ok('city-gaj-admin', 'mutation($id: ID!) { submitDataResource(id: $id) { id } }', { id });
  return id;
}
const REVIEW = 'mutation($id: ID!, $approve: Boolean!, $c: String) { reviewDataResource(id: $id, approve: $approve, comment: $c) { id status } }';

test('catalog (000 §9): the authority decides an entry; the submitting department is told, no other department', async () => {
  const id = await submittedEntry();
  await ok('city-authority', REVIEW, { id, approve: false, c: '通知测试：字段说明不全' });
  const [n] = await waitFor('city-gaj-admin', id, 1);
  expect(n).toEqual(expect.objectContaining({ kind: 'DECISION', resourceType: 'DataResource', resourceId: id }));
  expect(n.title).toContain('未通过');
  await none(['city-scjg-admin', 'county-gaj-admin', 'city-wjw-user'], id);
}, 60_000);

test('quality (000 §14): opened → the source department; fixed → the platform operator verifies; verified → the department', async () => {
  const POP = '00000000-0000-4000-8000-000004206000'; // seeded, 420600-gaj
  const issue = (await ok('city-operator', 'mutation($input: QualityIssueInput!) { reportQualityIssue(input: $input) { id } }', {
    input: { resourceId: POP, departmentId: '420600-gaj', description: '通知测试：疑义数据' },
  })).reportQualityIssue.id as string;
  expect((await waitFor('city-gaj-admin', issue, 1))[0]).toEqual(expect.objectContaining({ kind: 'TASK', resourceType: 'QualityIssue' }));
  await none(['city-operator', 'city-scjg-admin', 'county-gaj-admin'], issue);

  await ok('city-gaj-admin', 'mutation($id: ID!) { resolveQualityIssue(id: $id, explanation: "通知测试：已更正") { id } }', { id: issue });
  const [verify] = await waitFor('city-operator', issue, 1);
  expect(verify).toEqual(expect.objectContaining({ kind: 'TASK', resourceType: 'QualityIssue' }));
  expect(verify.title).toContain('待核验');
  await none(['county-operator'], issue);

  await ok('city-operator', 'mutation($id: ID!) { verifyQualityIssue(id: $id, accepted: true, note: "通知测试：已核验") { pending } }', { id: issue });
  const told = await waitFor('city-gaj-admin', issue, 2);
  expect(told.map((x) => x.kind).sort()).toEqual(['DECISION', 'TASK']);
  expect(told.find((x) => x.kind === 'DECISION')!.title).toContain('通过');
}, 90_000);

test('quality objection (000 §26): received → the authority; suspended → the department; decided → the authority; answered → the objector', async () => {
  const resource = await submittedEntry();
  await ok('city-authority', REVIEW, { id: resource, approve: true, c: null });
  await eventually(async () => (await ok('city-gaj-admin', 'query($id: ID!) { dataResource(id: $id) { status } }', { id: resource })).dataResource.status,
    (s) => s === 'PUBLISHED', 150);
  const id = (await ok('city-public', 'mutation($input: ObjectionInput!) { fileObjection(input: $input) { id } }', {
    input: { resourceId: resource, objectorName: '通知测试人', ground: 'WRONG', description: '通知测试：我的信息有误' },
  })).fileObjection.id as string;
  expect((await waitFor('city-authority', id, 1))[0]).toEqual(expect.objectContaining({ kind: 'TASK', resourceType: 'Objection' }));
  await none(['county-authority', 'city-gaj-admin'], id);

  await ok('city-authority', 'mutation($id: ID!) { suspendObjectedData(id: $id) { id } }', { id });
  expect((await waitFor('city-gaj-admin', id, 1))[0].kind).toBe('TASK');
  await ok('city-gaj-admin', 'mutation($id: ID!) { decideObjection(id: $id, decision: FIX, finding: "通知测试：已更正") { id } }', { id });
  expect((await waitFor('city-authority', id, 2)).map((x) => x.kind)).toEqual(['TASK', 'TASK']);
  await ok('city-authority', 'mutation($id: ID!) { answerObjection(id: $id, answer: "通知测试：已更正，感谢反馈") { id } }', { id });
  const [answered] = await waitFor('city-public', id, 1);
  expect(answered).toEqual(expect.objectContaining({ kind: 'DECISION', resourceType: 'Objection', link: '/portal/mine' }));
  await none(['county-public', 'city-scjg-admin'], id);
}, 120_000);

test('open data (003 §17): a complaint answered → the public user who filed it', async () => {
  const ds = (await ok('city-scjg-admin', 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }', {
    input: { name: `通知测试开放数据集 ${uniqueCode('OD')}`, openType: 'UNCONDITIONAL', formats: ['CSV'], dataType: '表格', openMode: 'DOWNLOAD', updateFrequency: 'MONTHLY', theme: '测试' },
  })).createOpenDataset.id as string;
  await ok('city-scjg-admin', 'mutation($id: ID!) { publishOpenDataset(id: $id) { id } }', { id: ds });
  const c = (await ok('city-public', 'mutation($input: OpenDataCaseInput!) { complainAboutOpenDataset(input: $input) { id } }', {
    input: { datasetId: ds, category: 'PRIVACY', description: '通知测试：涉及个人隐私', idempotencyKey: uniqueCode('ntf') },
  })).complainAboutOpenDataset.id as string;
  // The publisher is given the complaint to answer (its workflow's TASK) …
  expect((await waitFor('city-scjg-admin', c, 1)).map((x) => x.kind)).toEqual(['TASK']);
  await ok('city-scjg-admin', 'mutation($input: OpenDataCaseAnswerInput!) { answerOpenDataCase(input: $input) { id } }', {
    input: { id: c, answer: '通知测试：经核实不涉及个人隐私', outcome: 'RESTORE' },
  });
  const [n] = await waitFor('city-public', c, 1);
  expect(n).toEqual(expect.objectContaining({ kind: 'DECISION', resourceType: 'OpenDataCase', link: '/portal/mine' }));
  expect(n.title).toContain('投诉');
  await none(['county-public'], c);
  // … and the answer tells only the complainant: the publisher still has just its TASK.
  expect((await about('city-scjg-admin', c)).map((x) => x.kind)).toEqual(['TASK']);
}, 60_000);

test('projects (001 项目办法 §16): submitted → the authority decides (TASK); decided → the owner department (DECISION)', async () => {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
  const id = (await ok('city-gaj-admin', 'mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { id } }', {
    input: { name: `通知测试项目 ${uniqueCode('P')}`, year, budget: 100000, kind: 'SELF_BUILT', selfBuiltReason: '通知测试' },
  })).createDigitalProject.id as string;
  await ok('city-gaj-admin', 'mutation($id: ID!, $r: String) { submitDigitalProject(id: $id, urgentReason: $r) { id } }', { id, r: '通知测试：急需' });
  const [task] = await waitFor('city-authority', id, 1);
  expect(task).toEqual(expect.objectContaining({ kind: 'TASK', resourceType: 'DigitalProject' }));
  await none(['county-authority', 'city-gaj-admin'], id);

  await ok('city-authority', 'mutation($id: ID!, $input: DecisionInput!) { decideDigitalProject(id: $id, input: $input) { status } }', {
    id, input: { step: 'PLAN', approve: false, comment: '通知测试：不列入计划' },
  });
  const [decided] = await waitFor('city-gaj-admin', id, 1);
  expect(decided).toEqual(expect.objectContaining({ kind: 'DECISION', resourceType: 'DigitalProject' }));
  await none(['city-scjg-admin', 'county-gaj-admin'], id);
}, 60_000);
