// Issue 14 待办 / 已办 across the graph, through the gateway with real tokens: items of catalog (entry reviews, demands to
// answer), sharing (reclassification opinions and decisions), quality (objection steps), security (drills due) and
// projects (steps) appear on the list of whoever must act — never on a county user's for a city item — and leave it once done; the step then shows in the actor's history (myDoneTasks),
// and in its department's, never in another department's. `first` limits the items, the counts stay total.
import { createEntry, publishedEntry, REVIEW, SUBMIT } from './catalog-helpers';
import { codes, eventually, gql, ok, uniqueCode, type DemoUser } from './support';

const TASKS = `query($first: Int) { myTasks(first: $first) { total overdue provisional unavailable counts { type count }
  items { type id stage title departmentId departmentName regionCode deadline { dueAt workingDays provisional overdue calendarVersion } } } }`;
const DONE = `query($scope: DoneTaskScope, $first: Int) { myDoneTasks(scope: $scope, first: $first) { total
  items { type id stage title departmentId regionCode outcome doneAt doneBy department { id name } } } }`;

type Task = { type: string; id: string; stage: string | null; departmentId: string; departmentName: string | null; regionCode: string;
  deadline: { dueAt: string; workingDays: number | null; provisional: boolean; overdue: boolean; calendarVersion: string } | null };
type Done = { type: string; id: string; stage: string | null; outcome: string | null; doneBy: string; departmentId: string; department: { id: string; name: string } };

const itemOf = async (user: DemoUser, type: string, id: string): Promise<Task | null> =>
  ((await ok(user, TASKS, { first: 200 })).myTasks.items as Task[]).find((t) => t.type === type && t.id === id) ?? null;
const appears = (user: DemoUser, type: string, id: string) => eventually(() => itemOf(user, type, id), (t) => t !== null, 150) as Promise<Task>;
const leaves = (user: DemoUser, type: string, id: string) => eventually(() => itemOf(user, type, id), (t) => t === null, 150);
const doneOf = async (user: DemoUser, id: string, scope = 'MINE'): Promise<Done[]> =>
  ((await ok(user, DONE, { scope, first: 200 })).myDoneTasks.items as Done[]).filter((d) => d.id === id);
/** The done item is written when the actor's audit record is chained (the outbox relay ships it): wait for it. */
const doneAppears = (user: DemoUser, id: string, scope = 'MINE') => eventually(() => doneOf(user, id, scope), (d) => d.length > 0, 150);

const nameOf = async (departmentId: string): Promise<string> =>
  ((await ok('city-authority', 'query { departments { id name } }')).departments as Array<{ id: string; name: string }>).find((d) => d.id === departmentId)!.name;

test('000 §9: a submitted catalog entry waits on the city authority only; its review moves to the reviewer\'s history', async () => {
  const id = await createEntry('city-gaj-admin', {}, 'TSK');
  await ok('city-gaj-admin', SUBMIT, { id });
  // The review workflow records the deadline just after the submission.
  const review = await eventually(() => itemOf('city-authority', 'CATALOG_REVIEW', id), (t) => !!t?.deadline, 150) as Task;
  expect(review).toMatchObject({ departmentId: '420600-gaj', regionCode: '420600', departmentName: await nameOf('420600-gaj') });
  expect(review.deadline?.workingDays).toBeGreaterThan(0);
  for (const other of ['county-authority', 'city-gaj-admin', 'city-operator'] as DemoUser[]) expect(await itemOf(other, 'CATALOG_REVIEW', id)).toBeNull();

  await ok('city-authority', REVIEW, { id, approve: true, comment: '同意' });
  expect(await leaves('city-authority', 'CATALOG_REVIEW', id)).toBeNull();
  const [done] = await doneAppears('city-authority', id);
  expect(done).toMatchObject({ type: 'CATALOG_REVIEW', outcome: 'APPROVED', doneBy: 'city-authority', departmentId: '420600-gaj', department: { id: '420600-gaj', name: await nameOf('420600-gaj') } });
  expect(await doneOf('county-authority', id, 'DEPARTMENT')).toEqual([]); // a county authority never sees a city actor's work
  expect((await doneOf('city-gaj-admin', id, 'DEPARTMENT'))).toEqual([]); // the authority did it, not the department
}, 120_000);

test('000 §17: a demand waits on the holder\'s administrator until answered, then shows in its history and its department\'s', async () => {
  const raised = await ok('city-wjw-user', `mutation($input: DemandInputType!) { raiseDemand(input: $input) { id } }`, {
    input: { holderDepartmentId: '420600-gaj', title: `待办需求-${uniqueCode('D')}`, description: '办理出生医学证明需核验户籍登记', items: ['姓名', '户号'] },
  });
  const id = raised.raiseDemand.id as string;
  // The workflow records the answer deadline just after the demand is raised.
  const task = await eventually(() => itemOf('city-gaj-admin', 'DEMAND_ANSWER', id), (t) => !!t?.deadline, 150) as Task;
  expect(task).toMatchObject({ stage: 'OPEN', departmentId: '420600-gaj', deadline: { provisional: expect.any(Boolean) } });
  expect(task.deadline?.workingDays).toBeGreaterThan(0);
  for (const other of ['city-gaj-approver', 'city-wjw-user', 'county-gaj-admin', 'city-authority'] as DemoUser[]) expect(await itemOf(other, 'DEMAND_ANSWER', id)).toBeNull();

  await ok('city-gaj-admin', 'mutation($id: ID!, $body: String!) { postDemandMessage(id: $id, body: $body) { status } }', { id, body: '可以提供，请确认字段' });
  expect(await leaves('city-gaj-admin', 'DEMAND_ANSWER', id)).toBeNull();
  const [done] = await doneAppears('city-gaj-admin', id);
  expect(done).toMatchObject({ type: 'DEMAND_ANSWER', stage: 'OPEN', outcome: 'ANSWERED', doneBy: 'city-gaj-admin' });
  expect(await doneAppears('city-authority', id, 'DEPARTMENT')).toHaveLength(1); // the city authority sees its region's work
  expect(await doneOf('city-wjw-user', id)).toEqual([]);
  expect(await doneOf('county-authority', id, 'DEPARTMENT')).toEqual([]);
  expect(codes(await gql('city-wjw-user', DONE, { scope: 'DEPARTMENT' }))).toEqual(['FORBIDDEN']); // a department's history is its administrator's
}, 120_000);

test('000 §26: each objection step waits on its party — the authority orders, the department decides, the authority answers', async () => {
  const resource = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'TSKO');
  const filed = await ok('city-public', 'mutation($input: ObjectionInput!) { fileObjection(input: $input) { id } }', {
    input: { resourceId: resource, objectorName: '王某', ground: 'WRONG', description: '出生日期有误' },
  });
  const id = filed.fileObjection.id as string;
  expect((await appears('city-authority', 'OBJECTION_SUSPEND', id)).deadline).toBeNull();
  expect(await itemOf('county-authority', 'OBJECTION_SUSPEND', id)).toBeNull();
  expect(await itemOf('city-gaj-admin', 'OBJECTION_DECIDE', id)).toBeNull();

  await ok('city-authority', 'mutation($id: ID!) { suspendObjectedData(id: $id) { status } }', { id });
  expect(await leaves('city-authority', 'OBJECTION_SUSPEND', id)).toBeNull();
  const decide = await appears('city-gaj-admin', 'OBJECTION_DECIDE', id);
  expect(decide).toMatchObject({ stage: 'SUSPENDED', deadline: { workingDays: 5 } });
  expect(await itemOf('city-scjg-admin', 'OBJECTION_DECIDE', id)).toBeNull();

  await ok('city-gaj-admin', 'mutation($id: ID!) { decideObjection(id: $id, decision: FIX, finding: "已更正出生日期") { status } }', { id });
  expect(await leaves('city-gaj-admin', 'OBJECTION_DECIDE', id)).toBeNull();
  await appears('city-authority', 'OBJECTION_ANSWER', id);
  await ok('city-authority', 'mutation($id: ID!) { answerObjection(id: $id, answer: "已更正，特此答复") { status } }', { id });
  expect(await leaves('city-authority', 'OBJECTION_ANSWER', id)).toBeNull();

  expect((await doneAppears('city-gaj-admin', id)).map((d) => [d.type, d.outcome])).toEqual([['OBJECTION_DECIDE', 'DECIDED']]);
  const authority = await eventually(() => doneOf('city-authority', id), (d) => d.length === 2, 150);
  expect(authority.map((d) => d.type).sort()).toEqual(['OBJECTION_ANSWER', 'OBJECTION_SUSPEND']);
}, 120_000);

test('003 §32(二): a plan never drilled is an overdue drill of its department (calendar days), gone once drilled', async () => {
  const plan = await ok('city-gaj-admin', 'mutation($input: EmergencyPlanInput!) { registerEmergencyPlan(input: $input) { id } }', {
    input: { title: `待办演练-${uniqueCode('E')}`, text: '发现即报告。' },
  });
  const id = plan.registerEmergencyPlan.id as string;
  const drill = await appears('city-gaj-admin', 'EMERGENCY_DRILL', id);
  expect(drill.deadline).toMatchObject({ overdue: true, workingDays: null, provisional: false, calendarVersion: 'calendar-days' });
  expect(await itemOf('county-gaj-admin', 'EMERGENCY_DRILL', id)).toBeNull();
  expect(await itemOf('city-authority', 'EMERGENCY_DRILL', id)).toBeNull();

  const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
  await ok('city-gaj-admin', 'mutation($input: EmergencyDrillInput!) { recordEmergencyDrill(input: $input) { id } }', {
    input: { planId: id, drilledOn: yesterday, participants: ['李四'], findings: '按时恢复', followUpActions: [] },
  });
  expect(await leaves('city-gaj-admin', 'EMERGENCY_DRILL', id)).toBeNull();
  expect((await doneAppears('city-gaj-admin', id)).map((d) => [d.type, d.outcome])).toEqual([['EMERGENCY_DRILL', 'DRILLED']]);
}, 120_000);

test('001 项目办法: each project step waits on its party — the owner files, the authority decides the plan', async () => {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 2; // declared well before 30 October of the year before
  const created = await ok('city-gaj-admin', 'mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { id } }', { input: {
    name: `待办项目-${uniqueCode('P')}`, description: '测试项目概要', year, budget: 800_000, kind: 'SELF_BUILT', fundingSource: '财政专项资金', basis: '测试依据',
    selfBuiltReason: '行业专网，须与省厅系统对接', yearlyInvestment: [{ year, amount: 800_000 }],
  } });
  const id = created.createDigitalProject.id as string;
  expect(await appears('city-gaj-admin', 'PROJECT_STEP', id)).toMatchObject({ stage: 'PLANNED', deadline: null });
  expect(await itemOf('city-authority', 'PROJECT_STEP', id)).toBeNull();

  await ok('city-gaj-admin', 'mutation($id: ID!) { submitDigitalProject(id: $id) { status } }', { id });
  expect(await leaves('city-gaj-admin', 'PROJECT_STEP', id)).toBeNull();
  const plan = await appears('city-authority', 'PROJECT_STEP', id);
  expect(plan).toMatchObject({ stage: 'SUBMITTED', departmentId: '420600-gaj' });
  expect(plan.deadline?.workingDays).toBeGreaterThan(0);
  expect(await itemOf('county-authority', 'PROJECT_STEP', id)).toBeNull();

  await ok('city-authority', 'mutation($id: ID!) { decideDigitalProject(id: $id, input: { step: PLAN, approve: true, comment: "同意" }) { status } }', { id });
  expect(await leaves('city-authority', 'PROJECT_STEP', id)).toBeNull();
  expect(await appears('city-gaj-admin', 'PROJECT_STEP', id)).toMatchObject({ stage: 'PLAN_APPROVED' });
  const [done] = await doneAppears('city-authority', id);
  expect(done).toMatchObject({ type: 'PROJECT_STEP', stage: 'SUBMITTED', outcome: 'ANNUAL_PLAN_APPROVED', doneBy: 'city-authority' });
}, 120_000);

test('001 §21: a reclassification request waits on the provider\'s opinion, then on the city authority\'s decision', async () => {
  const resource = await publishedEntry('city-gaj-admin', 'city-authority', { shareType: 'NOT_SHARED', notSharedBasis: '《出生医学证明管理办法》：仅限签发机构使用' }, 'TSKR');
  const asked = await ok('city-wjw-user', 'mutation($r: ID!, $why: String!) { requestReclassification(resourceId: $r, reason: $why) { id } }', { r: resource, why: '办理出生登记需核验' });
  const id = asked.requestReclassification.id as string;
  const opinion = await appears('city-gaj-approver', 'RECLASSIFICATION_OPINION', id);
  expect(opinion).toMatchObject({ stage: 'OPEN', departmentId: '420600-gaj' });
  expect(opinion.deadline?.workingDays).toBeGreaterThan(0);
  for (const other of ['city-scjg-admin', 'county-gaj-approver', 'city-wjw-user'] as DemoUser[]) expect(await itemOf(other, 'RECLASSIFICATION_OPINION', id)).toBeNull();
  expect(await itemOf('city-authority', 'RECLASSIFICATION_DECISION', id)).toBeNull(); // not before the opinion or its deadline

  await ok('city-gaj-approver', 'mutation($id: ID!) { giveReclassificationOpinion(id: $id, agree: false, opinion: "不同意") { status } }', { id });
  expect(await leaves('city-gaj-approver', 'RECLASSIFICATION_OPINION', id)).toBeNull();
  expect(await appears('city-authority', 'RECLASSIFICATION_DECISION', id)).toMatchObject({ stage: 'OPINION_GIVEN', deadline: null });
  expect(await itemOf('county-authority', 'RECLASSIFICATION_DECISION', id)).toBeNull();
  await ok('city-authority', 'mutation($id: ID!) { decideReclassification(id: $id, input: { approve: false, reason: "提供部门不同意" }) { status } }', { id });
  expect(await leaves('city-authority', 'RECLASSIFICATION_DECISION', id)).toBeNull();
  expect((await doneAppears('city-gaj-approver', id)).map((d) => [d.type, d.outcome])).toEqual([['RECLASSIFICATION_OPINION', 'DISAGREED']]);
  expect((await doneAppears('city-authority', id)).map((d) => [d.type, d.outcome])).toEqual([['RECLASSIFICATION_DECISION', 'REFUSED']]);
}, 120_000);

test('first limits the items; the counts, total and overdue are of everything; a source answers first too', async () => {
  for (let i = 0; i < 2; i++) await ok('city-gaj-admin', SUBMIT, { id: await createEntry('city-gaj-admin', {}, 'TSKF') }); // two reviews at least
  const pair = async () => {
    const [all, one] = await Promise.all([ok('city-authority', TASKS, { first: 200 }), ok('city-authority', TASKS, { first: 1 })]);
    return { all: all.myTasks, one: one.myTasks };
  };
  const { all, one } = await eventually(pair, (p) => p.all.total === p.one.total, 50);
  expect(all.total).toBeGreaterThan(1);
  expect(one.items).toHaveLength(1);
  expect(one.items[0]).toEqual(all.items[0]);
  expect(one.counts).toEqual(all.counts);
  expect([one.overdue, one.provisional]).toEqual([all.overdue, all.provisional]);
  expect(all.counts.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(all.total);

  const source = (await ok('city-authority', 'query { catalogPendingTasks(first: 1) { total items { id } counts { type count } } }')).catalogPendingTasks;
  expect(source.items.length).toBeLessThanOrEqual(1);
  expect(source.counts.reduce((n: number, c: { count: number }) => n + c.count, 0)).toBe(source.total);
  const bad = await gql('city-authority', 'query { sharingPendingTasks(first: 0) { total } }');
  expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
  expect(bad.errors?.[0].extensions?.field).toBe('first');
}, 60_000);
