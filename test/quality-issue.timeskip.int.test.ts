// The quality issue's fix deadline on the Java time-skipping test server: "3 working days" across a weekend and a
// holiday runs in seconds. Real activities against the run's real quality database; no mocks.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { addWorkingDays, chinaDate, workingDayDeadline } from '@gov/working-days';
import { FIX_WORKING_DAYS, issueFixedSignal, issueVerdictSignal, qualityIssueStateQuery, qualityIssueWorkflowId } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { eventually, ok, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind resourceId } } } }';
const kindsOf = async (user: DemoUser, id: string) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
  .filter((e) => e.node.resourceId === id).map((e) => e.node.kind).sort();
import { ROOT, timeSkippingEnvironment } from './stack';

const { service: quality } = require(join(ROOT, 'services/quality/dist/server.js')) as { service: ServiceModule };
const { issueSteps } = require(join(ROOT, 'services/quality/dist/domain/issues.js'));

let PREFIX = 'timeskip-quality-';
let run = 0;
beforeEach(() => { PREFIX = `timeskip-quality-${++run}-`; });
let env: TestWorkflowEnvironment;
let ds: DataSource;
beforeEach(async () => { env = await timeSkippingEnvironment(); });
afterEach(async () => { await env?.teardown(); });
beforeAll(async () => { ds = await dataSourceFor(quality).initialize(); });
afterAll(async () => { await ds?.destroy(); });

async function openIssue(source: 'INSPECTION' | 'CONSUMER'): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO quality_issue (id, resource_id, department_id, region_code, source, reporter_department_id, description, status, opened_at, created_by, working_days)
     VALUES (?, '00000000-0000-4000-8000-000004206000', '420600-gaj', '420600', ?, '420600-wjw', '时间跳跃测试', 'OPEN', CURRENT_TIMESTAMP(3), 'test', ?)`,
    [id, source, FIX_WORKING_DAYS[source]],
  );
  return id;
}
interface Row { status: string; round: number; overdue: number; escalatedAt: Date | null; deadline: Date | null; deadlineDay: string | null; official: number | null; reopens: number }
async function row(id: string): Promise<Row> {
  const [r] = await ds.query(`SELECT status, round, overdue, escalated_at AS escalatedAt, deadline, deadline_day AS deadlineDay, deadline_official AS official,
    reopen_count AS reopens FROM quality_issue WHERE id = ?`, [id]);
  return r as Row;
}
const settled = <T>(read: () => Promise<T>, ok: (v: T) => boolean) => eventually(read, ok, 150);

async function withWorkers(fn: () => Promise<void>): Promise<void> {
  const workflowWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')) });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}quality`, activities: issueSteps(ds) });
  await workflowWorker.runUntil(activityWorker.runUntil(fn));
}

/** Moves the test server's clock to 10:00 China time on the next 31 December: 元旦 and a weekend follow. */
async function toNewYearsEve(): Promise<number> {
  const now = await env.currentTimeMs();
  let y = new Date(now).getUTCFullYear();
  let target = Date.parse(`${y}-12-31T02:00:00Z`);
  if (target <= now) target = Date.parse(`${++y}-12-31T02:00:00Z`);
  await env.sleep(target - now);
  return env.currentTimeMs();
}

async function start(issueId: string, workingDays: number) {
  return env.client.workflow.start('qualityIssueWorkflow', { workflowId: qualityIssueWorkflowId(issueId), taskQueue: `${PREFIX}workflows`, args: [{ issueId, workingDays }] });
}

test('000 §14: 3 working days from New Year\'s Eve skip 元旦 and the weekend; a silent department is escalated at the deadline and can still fix', async () => {
  const id = await openIssue('INSPECTION');
  await withWorkers(async () => {
    const startedAt = await toNewYearsEve();
    const handle = await start(id, FIX_WORKING_DAYS.INSPECTION);
    const r1 = await settled(() => row(id), (r) => r.round === 1 && r.deadline !== null);
    const due = workingDayDeadline(startedAt, 3);
    expect(r1.deadline?.toISOString()).toBe(due.toISOString());
    expect(r1.deadlineDay).toBe(addWorkingDays(chinaDate(startedAt), 3));
    // 元旦 (1 January) and the weekend around it are no working days: the third one is at least five calendar days on.
    expect((Date.parse(r1.deadlineDay!) - Date.parse(chinaDate(startedAt))) / 86_400_000).toBeGreaterThanOrEqual(5);
    expect(r1.official).not.toBeNull(); // the row says whether the calendar behind the day is the State Council's

    await env.sleep(due.getTime() - (await env.currentTimeMs()) - 60_000);
    expect((await row(id)).overdue).toBe(0);
    await env.sleep(120_000);
    const late = await settled(() => row(id), (r) => r.overdue === 1);
    expect(late.escalatedAt).not.toBeNull();
    expect((await handle.query(qualityIssueStateQuery)).overdueRounds).toEqual([1]);
    // Issue 14: the department was given the task, reminded one working day ahead and told of the escalation, as was
    // the authority of its region; nobody else.
    expect(await eventually(() => kindsOf('city-gaj-admin', id), (k) => k.length === 3, 200)).toEqual(['ESCALATION', 'REMINDER', 'TASK']);
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);
    for (const other of ['county-authority', 'city-scjg-admin', 'city-wjw-user'] as DemoUser[]) expect(await kindsOf(other, id)).toEqual([]);

    // Still open after escalation: the department fixes, the platform verifies by hand (no rule to re-run).
    await ds.query("UPDATE quality_issue SET status = 'FIXED' WHERE id = ?", [id]);
    await handle.signal(issueFixedSignal, { round: 1, actor: 'city-gaj-admin' });
    await settled(async () => (await handle.query(qualityIssueStateQuery)).phase, (p) => p === 'VERIFYING');
    await handle.signal(issueVerdictSignal, { round: 1, accepted: true, actor: 'city-operator', note: '已核验' });
    expect(await handle.result()).toEqual({ rounds: 1, overdueRounds: [1] });
    expect(await row(id)).toMatchObject({ status: 'VERIFIED', overdue: 1 });
  });
});

test('004 §24: a consumer\'s flag gets 5 working days; a refused fix reopens the issue with a new 5-day deadline from the reopening', async () => {
  const id = await openIssue('CONSUMER');
  await withWorkers(async () => {
    const startedAt = await toNewYearsEve();
    const handle = await start(id, FIX_WORKING_DAYS.CONSUMER);
    const r1 = await settled(() => row(id), (r) => r.round === 1 && r.deadline !== null);
    expect(r1.deadline?.toISOString()).toBe(workingDayDeadline(startedAt, 5).toISOString());

    await env.sleep(86_400_000); // a day later the department answers
    await ds.query("UPDATE quality_issue SET status = 'FIXED' WHERE id = ?", [id]);
    await handle.signal(issueFixedSignal, { round: 1, actor: 'city-gaj-admin' });
    await settled(async () => (await handle.query(qualityIssueStateQuery)).phase, (p) => p === 'VERIFYING');
    await handle.signal(issueVerdictSignal, { round: 1, accepted: false, actor: 'city-operator', note: '更正后仍与户籍不一致' });
    const r2 = await settled(() => row(id), (r) => r.round === 2 && r.status === 'REOPENED');
    const reopenedAt = (await handle.query(qualityIssueStateQuery)).deadline;
    expect(r2).toMatchObject({ status: 'REOPENED', reopens: 1, overdue: 0 });
    expect(r2.deadline?.toISOString()).toBe(reopenedAt);
    expect(r2.deadline!.getTime()).toBeGreaterThan(r1.deadline!.getTime() - 1);
    await handle.terminate('test over');
  });
});

test('issue 14: a reopened round that runs late is escalated again, and each late round reaches the authority and the department', async () => {
  const id = await openIssue('CONSUMER');
  await withWorkers(async () => {
    const handle = await start(id, FIX_WORKING_DAYS.CONSUMER);
    const r1 = await settled(() => row(id), (r) => r.round === 1 && r.deadline !== null);
    await env.sleep(r1.deadline!.getTime() - (await env.currentTimeMs()) + 60_000);
    await settled(async () => (await handle.query(qualityIssueStateQuery)).overdueRounds, (o) => o.length === 1);
    // Fixed late, the fix refused: round 2 with a new deadline, which runs late as well.
    await ds.query("UPDATE quality_issue SET status = 'FIXED' WHERE id = ?", [id]);
    await handle.signal(issueFixedSignal, { round: 1, actor: 'city-gaj-admin' });
    await settled(async () => (await handle.query(qualityIssueStateQuery)).phase, (p) => p === 'VERIFYING');
    await handle.signal(issueVerdictSignal, { round: 1, accepted: false, actor: 'city-operator', note: '仍不一致' });
    const r2 = await settled(() => row(id), (r) => r.round === 2 && r.status === 'REOPENED' && r.deadline !== null && r.deadline.getTime() > r1.deadline!.getTime());
    await env.sleep(r2.deadline!.getTime() - (await env.currentTimeMs()) + 60_000);
    expect(await settled(async () => (await handle.query(qualityIssueStateQuery)).overdueRounds, (o) => o.length === 2)).toEqual([1, 2]);
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 2, 200)).toEqual(['ESCALATION', 'ESCALATION']);
    expect(await eventually(() => kindsOf('city-gaj-admin', id), (k) => k.length === 6, 200))
      .toEqual(['ESCALATION', 'ESCALATION', 'REMINDER', 'REMINDER', 'TASK', 'TASK']);
    expect(await row(id)).toMatchObject({ overdue: 1, round: 2 });
    await handle.terminate('test over');
  });
});
