// Issue 14 §4 notifications through the gateway with real tokens: one share application's life tells the provider's
// deciders of each task and the applicant of the decision, nobody else; mark read is per user, own notices only and
// idempotent; a county user never sees a city notice. The notices come from the audit records the relay ships.
import { codes, eventually, gql, ok, uniqueCode, type DemoUser } from './support';

const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL, provider 420600-gaj
const CREATE = 'mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { id } }';
const SUBMIT = 'mutation($id: ID!) { submitShareApplication(id: $id) { id } }';
const DECIDE = 'mutation($id: ID!, $stage: ApprovalStage!, $approve: Boolean!) { decideShareApplication(id: $id, stage: $stage, approve: $approve) { id } }';
const INBOX = `query($first: Int, $unreadOnly: Boolean) { myNotifications(first: $first, unreadOnly: $unreadOnly) {
  totalCount unreadCount edges { node { id kind title resourceType resourceId link createdAt readAt } } } }`;
const MARK = 'mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) }';

type Notice = { id: string; kind: string; title: string; resourceType: string; resourceId: string; link: string | null; readAt: string | null };
type Inbox = { totalCount: number; unreadCount: number; edges: Array<{ node: Notice }> };
const inboxOf = async (user: DemoUser, unreadOnly = false): Promise<Inbox> => (await ok(user, INBOX, { first: 200, unreadOnly })).myNotifications;
const about = async (user: DemoUser, id: string): Promise<Notice[]> => (await inboxOf(user)).edges.map((e) => e.node).filter((n) => n.resourceId === id);
/** Waits until the user has `n` notices about the application (the relay ships the outbox in the background). */
const waitFor = (user: DemoUser, id: string, n: number) => eventually(() => about(user, id), (l) => l.length >= n, 200);

const OUTSIDERS: DemoUser[] = ['city-zrzy-user', 'city-scjg-admin', 'county-gaj-approver', 'county-gaj-admin', 'county-authority', 'county-operator', 'county-wjw-user'];

test("one application's life: a task for the provider's deciders at each of their steps, the decision for the applicant, nothing for others", async () => {
  const { createShareApplication: a } = await ok('city-wjw-user', CREATE, { input: {
    resourceId: POP, requestedItems: ['姓名', '公民身份号码'], scenario: '出生医学证明办理', purpose: '通知测试', usageMode: 'VERIFY',
    periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: uniqueCode('notify'),
  } });
  await ok('city-wjw-user', SUBMIT, { id: a.id });

  const review = await waitFor('city-gaj-approver', a.id, 1);
  expect(review).toEqual([expect.objectContaining({ kind: 'TASK', resourceType: 'ShareApplication', resourceId: a.id, readAt: null, link: expect.stringContaining(a.id) })]);
  expect(review[0].title).toContain('PROVIDER_REVIEW');
  // Addressed to the department's deciders: the admin of 420600-gaj sees the same notice.
  expect((await waitFor('city-gaj-admin', a.id, 1)).map((n) => n.id)).toEqual([review[0].id]);
  expect(await about('city-wjw-user', a.id)).toEqual([]); // nothing decided yet
  expect(await about('city-operator', a.id)).toEqual([]); // not its step yet

  await ok('city-gaj-approver', DECIDE, { id: a.id, stage: 'PROVIDER_REVIEW', approve: true });
  const filing = await waitFor('city-operator', a.id, 1);
  expect(filing).toEqual([expect.objectContaining({ kind: 'TASK' })]);
  expect(filing[0].title).toContain('FILING');

  await ok('city-operator', DECIDE, { id: a.id, stage: 'FILING', approve: true });
  const delivery = await waitFor('city-gaj-admin', a.id, 2);
  expect(delivery.map((n) => n.title).join(' ')).toContain('DELIVERY');

  await ok('city-gaj-admin', DECIDE, { id: a.id, stage: 'DELIVERY', approve: true });
  const decided = await waitFor('city-wjw-user', a.id, 1);
  expect(decided).toEqual([expect.objectContaining({ kind: 'DECISION', resourceId: a.id, readAt: null })]);
  expect(decided[0].title).toContain('通过');

  // The provider's approver saw the two steps of its department, never the operator's filing or the applicant's decision.
  expect((await about('city-gaj-approver', a.id)).map((n) => n.kind).sort()).toEqual(['TASK', 'TASK']);
  for (const other of OUTSIDERS) expect(await about(other, a.id)).toEqual([]);

  // Mark read: the applicant's own notice only; someone else's id changes nothing for it; twice is harmless.
  const before = await inboxOf('city-wjw-user');
  expect((await ok('city-gaj-approver', MARK, { ids: [decided[0].id] })).markNotificationsRead).toBe(0);
  expect((await about('city-wjw-user', a.id))[0].readAt).toBeNull();
  expect((await ok('city-wjw-user', MARK, { ids: [decided[0].id] })).markNotificationsRead).toBe(1);
  expect((await ok('city-wjw-user', MARK, { ids: [decided[0].id] })).markNotificationsRead).toBe(1);
  const after = await inboxOf('city-wjw-user');
  expect(after.unreadCount).toBe(before.unreadCount - 1);
  expect(after.totalCount).toBe(before.totalCount);
  expect((await about('city-wjw-user', a.id))[0].readAt).not.toBeNull();
  expect((await inboxOf('city-wjw-user', true)).edges.some((e) => e.node.id === decided[0].id)).toBe(false);

  // Read marks are per user: the admin marking the department's notice read leaves it unread for the approver.
  await ok('city-gaj-admin', MARK, { ids: [review[0].id] });
  expect((await about('city-gaj-approver', a.id)).find((n) => n.id === review[0].id)?.readAt).toBeNull();
}, 180_000);

const OD_DATASET = '00000000-0000-4000-8000-0000000d0004'; // conditionally open, publisher 420600-scjg
const APPLY = 'mutation($input: OpenDataApplicationInput!) { applyForOpenData(input: $input) { id } }';
const OD_DECIDE = 'mutation($input: OpenDataDecisionInput!) { decideOpenDataApplication(input: $input) { decisionPending } }';

test("an open-data application: a task for the publisher's deciders, the decision for the public applicant, nothing for others", async () => {
  const year = new Date().getUTCFullYear();
  const { applyForOpenData: a } = await ok('city-public', APPLY, { input: {
    datasetId: OD_DATASET, applicantKind: 'COMPANY', applicantName: '襄阳通知测试有限公司', demandType: '数据分析', description: '通知测试',
    domain: '市场监管', format: 'JSON', purpose: '通知测试', periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, idempotencyKey: uniqueCode('od-notify'),
  } });
  const task = await waitFor('city-scjg-admin', a.id, 1);
  expect(task).toEqual([expect.objectContaining({ kind: 'TASK', resourceType: 'OpenDataApplication', resourceId: a.id })]);
  for (const other of ['city-gaj-admin', 'county-scjg-admin', 'city-public'] as DemoUser[]) expect(await about(other, a.id)).toEqual([]);

  await ok('city-scjg-admin', OD_DECIDE, { input: { id: a.id, approve: false, reason: '申请用途与数据集开放条件不符' } });
  const decided = await waitFor('city-public', a.id, 1);
  expect(decided).toEqual([expect.objectContaining({ kind: 'DECISION', resourceId: a.id, link: '/portal/mine' })]);
  expect(decided[0].title).toContain('未通过');
  expect(await about('county-public', a.id)).toEqual([]);
  expect((await ok('city-public', MARK, { ids: [decided[0].id] })).markNotificationsRead).toBe(1);
}, 120_000);

test('the inbox refuses the anonymous and bad input naming the field', async () => {
  expect(codes(await gql(null, INBOX, { first: 10 }))).toEqual(['UNAUTHENTICATED']);
  const bad = await gql('city-gaj-admin', INBOX, { first: 0 });
  expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  expect(bad.errors?.[0].extensions?.field).toBe('first');
  const badId = await gql('city-gaj-admin', MARK, { ids: ['not-an-id'] });
  expect(codes(badId)).toEqual(['BAD_USER_INPUT']);
  expect(badId.errors?.[0].extensions?.field).toBe('ids[0]');
});
