// Issue 14 §4, the rest of the decisions on a user's own request and the steps that leave something waiting on someone:
// a demand (000 §17) raised, disputed, arbitrated, refused or fulfilled; a digital project waiting on the region's
// development-reform commission or finance bureau (001 项目 §16-17); a reclassification request decided (001 §21); a
// showcase reviewed (003 §29). Through the gateway with real tokens; each notice rides on the audit record the mutation
// writes anyway, and reaches whom it concerns and nobody else.
import { publishedEntry } from './catalog-helpers';
import { eventually, ok, uniqueCode, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind title resourceType resourceId link } } } }';
type Notice = { id: string; kind: string; title: string; resourceType: string; resourceId: string; link: string | null };
const about = async (user: DemoUser, id: string): Promise<Notice[]> =>
  ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: Notice }>).map((e) => e.node).filter((n) => n.resourceId === id);
/** The relay ships the outbox in the background: wait until the user has `n` notices about `id`. */
const waitFor = (user: DemoUser, id: string, n: number) => eventually(() => about(user, id), (l) => l.length >= n, 200);
const none = async (users: DemoUser[], id: string) => { for (const u of users) expect({ u, notices: await about(u, id) }).toEqual({ u, notices: [] }); };

const RAISE = 'mutation($input: DemandInputType!) { raiseDemand(input: $input) { id status } }';
const POST = 'mutation($id: ID!, $body: String!) { postDemandMessage(id: $id, body: $body) { id status } }';
const CONCLUDE = 'mutation($id: ID!, $agreed: Boolean!, $note: String) { concludeDemandNegotiation(id: $id, agreed: $agreed, note: $note) { id status } }';
const ARBITRATE = 'mutation($id: ID!, $d: ArbitrationDecision!, $note: String!) { arbitrateDemand(id: $id, decision: $d, note: $note) { id status } }';
const FULFIL = 'mutation($id: ID!, $r: ID!) { fulfilDemand(id: $id, resourceId: $r) { id status } }';
const MOUNT = 'mutation($id: ID!, $input: MountInput!) { mountDataResource(id: $id, input: $input) { id mounted } }';

/** A demand of city-wjw-user to 420600-gaj, answered by the holder, then disputed by the holder (to the authority). */
async function disputedDemand(): Promise<string> {
  const id = (await ok('city-wjw-user', RAISE, { input: { holderDepartmentId: '420600-gaj', title: `通知测试需求-${uniqueCode('D')}`, description: '通知测试', items: ['姓名'] } })).raiseDemand.id as string;
  await ok('city-gaj-admin', POST, { id, body: '通知测试：户号涉及隐私' });
  await ok('city-gaj-admin', CONCLUDE, { id, agreed: false, note: '通知测试：户号不予提供' });
  return id;
}

test('demand (000 §17): raised → the holder; disputed → the authority and the asker; arbitrated → both departments; fulfilled → the asker', async () => {
  const id = await disputedDemand();
  const toHolder = await waitFor('city-gaj-admin', id, 1);
  expect(toHolder[0]).toEqual(expect.objectContaining({ kind: 'TASK', resourceType: 'Demand' }));
  expect(toHolder[0].title).toContain('待答复');
  const [toAuthority] = await waitFor('city-authority', id, 1);
  expect(toAuthority).toEqual(expect.objectContaining({ kind: 'TASK', resourceType: 'Demand', link: `/console/catalog?demand=${id}` }));
  expect(toAuthority.title).toContain('待协调');
  // The asker: the holder's answer, then the dispute.
  expect((await waitFor('city-wjw-user', id, 2)).map((n) => n.kind).sort()).toEqual(['DECISION', 'TASK']);
  await none(['county-authority', 'city-scjg-admin', 'county-wjw-user'], id);

  await ok('city-authority', ARBITRATE, { id, d: 'PROVIDE', note: '通知测试：提供姓名用于出生登记' });
  const arbitrated = (await waitFor('city-wjw-user', id, 3)).filter((n) => n.title.includes('协调结果'));
  expect(arbitrated).toEqual([expect.objectContaining({ kind: 'DECISION', resourceType: 'Demand' })]);
  expect(arbitrated[0].title).toContain('提供');
  expect((await waitFor('city-gaj-admin', id, 2)).filter((n) => n.title.includes('协调结果'))).toHaveLength(1);

  const resource = await publishedEntry('city-gaj-admin', 'city-authority', { name: '通知测试户籍信息' }, 'NTFD');
  await ok('city-gaj-admin', MOUNT, { id: resource, input: { kind: 'API', endpoint: 'https://exchange.example.gov/ntf' } });
  expect((await ok('city-gaj-admin', FULFIL, { id, r: resource })).fulfilDemand.status).toBe('FULFILLED');
  const fulfilled = (await waitFor('city-wjw-user', id, 4)).filter((n) => n.title.includes('已满足'));
  expect(fulfilled).toEqual([expect.objectContaining({ kind: 'DECISION', resourceType: 'Demand', resourceId: id })]);
  await none(['county-authority', 'city-scjg-admin', 'county-wjw-user'], id);
}, 120_000);

test('demand (000 §17): the authority refuses a disputed demand → the asker and both departments; a county authority hears nothing', async () => {
  const id = await disputedDemand();
  await waitFor('city-authority', id, 1);
  expect((await ok('city-authority', ARBITRATE, { id, d: 'NOT_PROVIDE', note: '通知测试：不予提供' })).arbitrateDemand.status).toBe('REFUSED');
  const refused = (await waitFor('city-wjw-user', id, 3)).filter((n) => n.title.includes('不予提供'));
  expect(refused).toEqual([expect.objectContaining({ kind: 'DECISION', resourceType: 'Demand' })]);
  expect((await waitFor('city-gaj-admin', id, 2)).filter((n) => n.title.includes('不予提供'))).toHaveLength(1);
  await none(['county-authority', 'county-gaj-admin', 'city-scjg-admin'], id);
}, 90_000);

test('projects (001 §16-17): technical review passed → the reform commission of the region decides (not the county\'s); reform approved → finance', async () => {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 2;
  const budget = 500_000;
  const id = (await ok('city-gaj-admin', 'mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { id } }', { input: {
    name: `通知测试项目 ${uniqueCode('P')}`, description: '通知测试', year, budget, kind: 'SELF_BUILT', fundingSource: '财政专项资金', basis: '通知测试',
    selfBuiltReason: '通知测试', yearlyInvestment: [{ year, amount: budget }],
  } })).createDigitalProject.id as string;
  const decide = (who: DemoUser, step: string) => ok(who, 'mutation($id: ID!, $input: DecisionInput!) { decideDigitalProject(id: $id, input: $input) { status } }', {
    id, input: { step, approve: true, comment: '通知测试' },
  }).then((r) => r.decideDigitalProject.status as string);
  await ok('city-gaj-admin', 'mutation($id: ID!) { submitDigitalProject(id: $id) { id } }', { id });
  expect(await decide('city-authority', 'PLAN')).toBe('PLAN_APPROVED');
  const resource = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'NTFP');
  await ok('city-gaj-admin', 'mutation($id: ID!, $input: ConstructionPlanInput!) { fileConstructionPlan(id: $id, input: $input) { status } }', {
    id, input: { plan: '通知测试建设方案', resourceIds: [resource], newSystem: true, sharingInterfaces: '通知测试接口' },
  });
  await none(['city-fgw-approver', 'city-czj-approver'], id);

  expect(await decide('city-authority', 'TECHNICAL_REVIEW')).toBe('APPROVAL_REVIEW');
  const [toReform] = await waitFor('city-fgw-approver', id, 1);
  expect(toReform).toEqual(expect.objectContaining({ resourceType: 'DigitalProject', link: `/console/projects?id=${id}` }));
  await none(['county-fgw-approver', 'city-czj-approver'], id);

  expect(await decide('city-fgw-approver', 'APPROVAL')).toBe('BUDGET_REVIEW');
  const [toFinance] = await waitFor('city-czj-approver', id, 1);
  expect(toFinance).toEqual(expect.objectContaining({ resourceType: 'DigitalProject' }));
  expect(toFinance.title).toContain('APPROVED_BY_REFORM');
  await none(['county-czj-approver'], id);
  expect(await about('city-fgw-approver', id)).toHaveLength(1); // the reform commission is not told again of its own step
}, 150_000);

test('reclassification (001 §21): the authority refuses → the user who asked; showcase (003 §29) rejected → its submitter', async () => {
  const NOT_SHARED = { shareType: 'NOT_SHARED', notSharedBasis: '《出生医学证明管理办法》：仅限签发机构使用' };
  const resourceId = await publishedEntry('city-gaj-admin', 'city-authority', NOT_SHARED, 'NTFR');
  const asked = (await ok('city-wjw-user', 'mutation($r: ID!, $why: String!) { requestReclassification(resourceId: $r, reason: $why) { id } }', { r: resourceId, why: '通知测试：统计分析' })).requestReclassification;
  await ok('city-gaj-approver', 'mutation($id: ID!, $agree: Boolean!, $opinion: String!) { giveReclassificationOpinion(id: $id, agree: $agree, opinion: $opinion) { id } }', {
    id: asked.id, agree: false, opinion: '通知测试：涉及个人隐私',
  });
  await ok('city-authority', 'mutation($id: ID!, $input: ReclassificationDecisionInput!) { decideReclassification(id: $id, input: $input) { status } }', {
    id: asked.id, input: { approve: false, reason: '通知测试：法律依据仍然有效' },
  });
  const [decided] = await waitFor('city-wjw-user', asked.id, 1);
  expect(decided).toEqual(expect.objectContaining({ kind: 'DECISION', resourceType: 'ReclassificationRequest' }));
  expect(decided.title).toContain('未通过');
  await none(['county-wjw-user', 'city-scjg-admin'], asked.id);

  const s = (await ok('city-public', 'mutation($input: ShowcaseInput!) { submitShowcase(input: $input) { id } }', { input: {
    name: `通知测试应用 ${uniqueCode('S')}`, description: '通知测试', link: 'https://example.org/ntf', datasetIds: ['00000000-0000-4000-8000-0000000d0003'], idempotencyKey: uniqueCode('ntf'),
  } })).submitShowcase.id as string;
  await ok('city-operator', 'mutation($input: ShowcaseReviewInput!) { reviewShowcase(input: $input) { id status } }', { input: { id: s, approve: false, note: '通知测试：链接无法访问' } });
  const [reviewed] = await waitFor('city-public', s, 1);
  expect(reviewed).toEqual(expect.objectContaining({ kind: 'DECISION', resourceType: 'OpenDataShowcase', link: '/portal/mine' }));
  expect(reviewed.title).toContain('未通过');
  await none(['county-public'], s);
}, 120_000);
