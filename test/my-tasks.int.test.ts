// Issue 14 待办: myTasks through the gateway with real tokens — one share application's steps appear on the list of
// whoever must act and leave it once done; a county user never sees a city task; counts and due-time order hold.
import { codes, eventually, gql, ok, uniqueCode, type DemoUser } from './support';

const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL, provider 420600-gaj
const CREATE = 'mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { id } }';
const SUBMIT = 'mutation($id: ID!) { submitShareApplication(id: $id) { id } }';
const DECIDE = 'mutation($id: ID!, $stage: ApprovalStage!, $approve: Boolean!) { decideShareApplication(id: $id, stage: $stage, approve: $approve) { id } }';
const TASKS = `query($first: Int) { myTasks(first: $first) { total overdue provisional unavailable counts { type count }
  items { type id stage title departmentId departmentName regionCode deadline { dueAt workingDays provisional overdue calendarVersion } } } }`;

type Task = { type: string; id: string; stage: string | null; departmentId: string; departmentName: string | null; regionCode: string; deadline: { dueAt: string; workingDays: number | null; provisional: boolean } | null };
async function tasksOf(user: DemoUser): Promise<{ total: number; unavailable: string[]; counts: Array<{ type: string; count: number }>; items: Task[] }> {
  return (await ok(user, TASKS, { first: 200 })).myTasks;
}
const stageOf = async (user: DemoUser, id: string) => (await tasksOf(user)).items.find((t) => t.id === id)?.stage ?? null;
/** Waits until the approval workflow has opened the step (its activity wrote it), as seen on the user's list. */
const appears = (user: DemoUser, id: string, stage: string) => eventually(() => stageOf(user, id), (s) => s === stage, 150);
const leaves = (user: DemoUser, id: string) => eventually(() => stageOf(user, id), (s) => s === null, 150);

test('one application\'s life: provider review → filing → delivery each on the list of who must act, gone once decided', async () => {
  const { createShareApplication: a } = await ok('city-wjw-user', CREATE, { input: {
    resourceId: POP, requestedItems: ['姓名', '公民身份号码'], scenario: '出生医学证明办理', purpose: '待办测试', usageMode: 'VERIFY',
    periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: uniqueCode('tasks'),
  } });
  expect(await stageOf('city-gaj-approver', a.id)).toBeNull(); // a draft waits on nobody but its author
  await ok('city-wjw-user', SUBMIT, { id: a.id });

  expect(await appears('city-gaj-approver', a.id, 'PROVIDER_REVIEW')).toBe('PROVIDER_REVIEW');
  const review = (await tasksOf('city-gaj-approver')).items.find((t) => t.id === a.id)!;
  expect(review).toMatchObject({ type: 'SHARE_DECISION', departmentId: '420600-gaj', regionCode: '420600', deadline: { workingDays: 5 } });
  expect(review.departmentName).toBeTruthy(); // catalog's register names the department
  expect(Date.parse(review.deadline!.dueAt)).toBeGreaterThan(Date.now());
  // Not the operator's yet, never the consumer's, never a county approver's or a county authority's.
  for (const other of ['city-operator', 'city-wjw-user', 'county-gaj-approver', 'county-authority', 'county-operator'] as DemoUser[]) {
    expect(await stageOf(other, a.id)).toBeNull();
  }

  await ok('city-gaj-approver', DECIDE, { id: a.id, stage: 'PROVIDER_REVIEW', approve: true });
  expect(await appears('city-operator', a.id, 'FILING')).toBe('FILING');
  expect(await leaves('city-gaj-approver', a.id)).toBeNull();
  expect(await stageOf('county-operator', a.id)).toBeNull();

  await ok('city-operator', DECIDE, { id: a.id, stage: 'FILING', approve: true });
  expect(await appears('city-gaj-admin', a.id, 'DELIVERY')).toBe('DELIVERY');
  expect(await leaves('city-operator', a.id)).toBeNull();

  await ok('city-gaj-admin', DECIDE, { id: a.id, stage: 'DELIVERY', approve: true });
  expect(await leaves('city-gaj-admin', a.id)).toBeNull();

  // 000 §24: the grant's data-use agreement now waits on the consumer department, not on the provider; signed, it leaves.
  const grantId = (await eventually(() => ok('city-wjw-user', 'query($id: ID!) { shareApplication(id: $id) { grantId } }', { id: a.id }),
    (r) => !!r.shareApplication.grantId, 150)).shareApplication.grantId as string;
  const sign = () => tasksOf('city-wjw-user').then((t) => t.items.find((i) => i.type === 'AGREEMENT_SIGN' && i.id === grantId) ?? null);
  expect(await eventually(sign, (t) => t !== null, 150)).toMatchObject({ departmentId: '420600-wjw', deadline: null });
  expect((await tasksOf('city-gaj-admin')).items.some((i) => i.id === grantId)).toBe(false);
  await ok('city-wjw-user', 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id } }', { g: grantId });
  expect(await eventually(sign, (t) => t === null, 150)).toBeNull();

  // 已办: each decided step is in its decider's history and its department's, never in another department's.
  const DONE = 'query($scope: DoneTaskScope) { myDoneTasks(scope: $scope, first: 200) { total items { type id stage outcome doneBy department { id name } } } }';
  const doneOf = async (user: DemoUser, scope = 'MINE') =>
    ((await ok(user, DONE, { scope })).myDoneTasks.items as Array<{ type: string; id: string; stage: string; outcome: string; doneBy: string; department: { id: string; name: string } }>)
      .filter((d) => d.id === a.id);
  const decided = await eventually(() => doneOf('city-gaj-approver'), (d) => d.length === 1, 150);
  expect(decided[0]).toMatchObject({ type: 'SHARE_DECISION', stage: 'PROVIDER_REVIEW', outcome: 'APPROVED', doneBy: 'city-gaj-approver', department: { id: '420600-gaj' } });
  expect(decided[0].department.name).toBeTruthy();
  expect((await eventually(() => doneOf('city-operator'), (d) => d.length === 1, 150))[0]).toMatchObject({ stage: 'FILING' });
  expect((await eventually(() => doneOf('city-gaj-admin', 'DEPARTMENT'), (d) => d.length === 2, 150)).map((d) => d.stage).sort()).toEqual(['DELIVERY', 'PROVIDER_REVIEW']);
  expect(await doneOf('city-wjw-user')).toEqual([]);
  expect(await doneOf('city-scjg-admin', 'DEPARTMENT')).toEqual([]);
  expect(await doneOf('county-gaj-approver')).toEqual([]);
}, 180_000);

test('counts add up, items come earliest due first, every subgraph answered; the public has no staff list', async () => {
  for (const user of ['city-authority', 'city-operator', 'city-gaj-admin', 'county-authority'] as DemoUser[]) {
    const t = await tasksOf(user);
    expect(t.unavailable).toEqual([]);
    expect(t.counts.reduce((n, c) => n + c.count, 0)).toBe(t.total);
    const due = t.items.map((i) => (i.deadline ? Date.parse(i.deadline.dueAt) : Infinity));
    expect(due).toEqual([...due].sort((x, y) => x - y));
    // Region scope: a county caller's items are all of its own county.
    if (user.startsWith('county-')) expect(t.items.every((i) => i.regionCode === '420683')).toBe(true);
  }
  expect(codes(await gql('city-public', TASKS, { first: 10 }))).toEqual(['FORBIDDEN']);
  const bad = await gql('city-authority', TASKS, { first: 0 });
  expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  expect(bad.errors?.[0].extensions?.field).toBe('first');
});
