// Issue 14: a deadline one working day ahead reminds the party who must act — on the right working day, across a weekend,
// once, and not at all when the decision came first; a second late step of the same application is escalated again.
// The share approval runs on the Java time-skipping test server with the real sharing activities; the inbox is read
// through the gateway with real Keycloak tokens.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { chinaDate, endOfChinaDay } from '@gov/working-days';
import { shareApprovalWorkflowId, stageDecisionSignal, type ApprovalStage, type ShareApprovalInput } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { eventually, ok, type DemoUser } from './support';
import { ROOT, timeSkippingEnvironment } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { approvalActivities } = require(join(ROOT, 'services/sharing/dist/activities/approval.activities.js'));

let PREFIX = 'timeskip-reminders-';
let run = 0;
let env: TestWorkflowEnvironment;
let ds: DataSource;
beforeEach(async () => { PREFIX = `timeskip-reminders-${randomUUID().slice(0, 6)}-${++run}-`; env = await timeSkippingEnvironment(); });
afterEach(async () => { await env?.teardown(); });
beforeAll(async () => { ds = await dataSourceFor(sharing).initialize(); });
afterAll(async () => { await ds?.destroy(); });

const WORKFLOWS = () => require.resolve(join(ROOT, 'workflows/dist/workflows.js'));
const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind resourceId } } } }';
const kindsOf = async (user: DemoUser, id: string) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
  .filter((e) => e.node.resourceId === id).map((e) => e.node.kind).sort();

async function submitted(wholeAuthorisation: boolean): Promise<ShareApprovalInput> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO share_application (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, region_code,
       requested_items, scenario, purpose, usage_mode, period_from, period_to, status, created_by, submitted_at, whole_authorisation)
     VALUES (?, '00000000-0000-4000-8000-000004206000', '420600-gaj', '420600', '420600-wjw', '420600', '["姓名"]', '出生医学证明办理', '核验', 'VERIFY',
       '2026-01-01', '2027-12-31', 'SUBMITTED', 'city-wjw-user', CURRENT_TIMESTAMP(3), ?)`, [id, wholeAuthorisation]);
  return { applicationId: id, consumerRegionCode: '420600', providerRegionCode: '420600', wholeAuthorisation };
}

interface Row { stage: string | null; overdue: number; overdueStages: Array<{ stage: string }> | string | null; deadline: Date | null }
async function row(id: string): Promise<Row> {
  const [r] = await ds.query('SELECT stage, overdue, overdue_stages AS overdueStages, stage_deadline AS deadline FROM share_application WHERE id = ?', [id]);
  return r as Row;
}
const stagesOf = (r: Row) => (typeof r.overdueStages === 'string' ? JSON.parse(r.overdueStages) : r.overdueStages ?? []).map((o: { stage: string }) => o.stage);
const settled = <T>(read: () => Promise<T>, okv: (v: T) => boolean) => eventually(read, okv, 150);

/** The workflow clock to this instant (the test server skips there). */
async function clockTo(at: number): Promise<void> {
  const now = await env.currentTimeMs();
  if (at > now) await env.sleep(at - now);
}

async function withWorkers(fn: () => Promise<void>): Promise<void> {
  const workflowWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: WORKFLOWS() });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}sharing`, activities: approvalActivities(ds) });
  await workflowWorker.runUntil(activityWorker.runUntil(fn));
}
const start = (input: ShareApprovalInput) => env.client.workflow.start('shareApprovalWorkflow', {
  workflowId: shareApprovalWorkflowId(input.applicationId), taskQueue: `${PREFIX}workflows`, args: [input],
});
type Handle = Awaited<ReturnType<typeof start>>;

/** The reminders the workflow sent (remindStage activities scheduled): the step and the China date of the workflow clock. */
async function remindersOf(handle: Handle): Promise<Array<{ stage: ApprovalStage; day: string }>> {
  const history = await handle.fetchHistory();
  const out: Array<{ stage: ApprovalStage; day: string }> = [];
  for (const e of history.events ?? []) {
    const a = e.activityTaskScheduledEventAttributes;
    if (a?.activityType?.name !== 'remindStage') continue;
    const payload = a.input?.payloads?.[0]?.data;
    const arg = JSON.parse(Buffer.from(payload as Uint8Array).toString('utf8')) as { stage: ApprovalStage };
    const seconds = Number(e.eventTime?.seconds ?? 0);
    out.push({ stage: arg.stage, day: chinaDate(seconds * 1000) });
  }
  return out;
}

async function decide(handle: Handle, id: string, stage: ApprovalStage): Promise<void> {
  await settled(() => row(id), (r) => r.stage === stage);
  await handle.signal(stageDecisionSignal, { stage, approve: true, actor: `actor-${stage.toLowerCase()}`, reason: null });
  await settled(() => row(id), (r) => r.stage !== stage);
}

// Friday 2026-12-04, 10:00 in China; Monday 12-07 and Tuesday 12-08 are ordinary working days.
const FRIDAY_10H = Date.UTC(2026, 11, 4, 2);

test('000 §17: a 2-working-day step opened on a Friday: reminded at the start of Tuesday (not on the weekend, not Monday), once, to its deciders only', async () => {
  const input = await submitted(true); // whole authorisation: the authority decides within 2 working days
  const id = input.applicationId;
  await clockTo(FRIDAY_10H);
  await withWorkers(async () => {
    const handle = await start(input);
    const opened = await settled(() => row(id), (r) => r.stage === 'AUTHORITY_DECISION' && r.deadline !== null);
    expect(opened.deadline!.toISOString()).toBe(endOfChinaDay('2026-12-08').toISOString());
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 1)).toEqual(['TASK']);

    // Saturday, Sunday and Monday pass: no reminder yet.
    await clockTo(endOfChinaDay('2026-12-07').getTime() - 60_000);
    expect(await remindersOf(handle)).toEqual([]);

    // Tuesday 00:01 in China: the reminder went, on Tuesday, to the authority that must decide.
    await clockTo(endOfChinaDay('2026-12-07').getTime() + 60_000);
    expect(await eventually(() => remindersOf(handle), (r) => r.length > 0, 150)).toEqual([{ stage: 'AUTHORITY_DECISION', day: '2026-12-08' }]);
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 2)).toEqual(['REMINDER', 'TASK']);

    // Later that Tuesday still once; the decision ends the step; nobody else was reminded of it.
    await clockTo(endOfChinaDay('2026-12-08').getTime() - 3_600_000);
    await decide(handle, id, 'AUTHORITY_DECISION');
    expect((await remindersOf(handle)).filter((r) => r.stage === 'AUTHORITY_DECISION')).toHaveLength(1);
    expect(await kindsOf('city-authority', id)).toEqual(['REMINDER', 'TASK']);
    for (const other of ['city-gaj-approver', 'city-wjw-user', 'county-authority'] as DemoUser[]) {
      expect((await kindsOf(other, id)).filter((k) => k === 'REMINDER')).toEqual([]);
    }
    // Replayed from its history the workflow issues the same commands (the reminder timer is in it).
    await Worker.runReplayHistory({ workflowsPath: WORKFLOWS() }, await handle.fetchHistory(), shareApprovalWorkflowId(id));
    await handle.terminate('test over');
  });
}, 180_000);

test('000 §17: a decision before the reminder day: no reminder for that step at all', async () => {
  const input = await submitted(true);
  const id = input.applicationId;
  await clockTo(FRIDAY_10H);
  await withWorkers(async () => {
    const handle = await start(input);
    await settled(() => row(id), (r) => r.stage === 'AUTHORITY_DECISION');
    await clockTo(Date.UTC(2026, 11, 7, 2)); // Monday 10:00
    await decide(handle, id, 'AUTHORITY_DECISION');
    await clockTo(endOfChinaDay('2026-12-07').getTime() + 60_000); // past the step's reminder instant (Tuesday 00:00)
    // The filing step the decision opened has its own reminder (to the platform operator); the decided step none.
    expect(await eventually(() => remindersOf(handle), (r) => r.length > 0, 150)).toEqual([{ stage: 'FILING', day: '2026-12-08' }]);
    expect(await kindsOf('city-authority', id)).toEqual(['TASK']);
    await handle.terminate('test over');
  });
}, 180_000);

test('000 §17: a second late step is escalated and notified too: overdue is per step, the late steps stay recorded', async () => {
  const input = await submitted(false); // provider review (5), filing (1), delivery (1)
  const id = input.applicationId;
  await clockTo(FRIDAY_10H);
  await withWorkers(async () => {
    const handle = await start(input);
    const first = await settled(() => row(id), (r) => r.stage === 'PROVIDER_REVIEW' && r.deadline !== null);
    await clockTo(first.deadline!.getTime() + 60_000);
    expect(await settled(() => row(id), (r) => r.overdue === 1)).toMatchObject({ stage: 'PROVIDER_REVIEW', overdue: 1 });
    await decide(handle, id, 'PROVIDER_REVIEW');

    const filing = await settled(() => row(id), (r) => r.stage === 'FILING' && r.deadline !== null);
    expect(filing.overdue).toBe(0); // the new step starts on time
    await clockTo(filing.deadline!.getTime() + 60_000);
    const late = await settled(() => row(id), (r) => r.overdue === 1);
    expect(late.stage).toBe('FILING');
    expect(stagesOf(late)).toEqual(['PROVIDER_REVIEW', 'FILING']);

    // The authority is told of both; the platform operator (FILING) of its own step: task, reminder, escalation.
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 2)).toEqual(['ESCALATION', 'ESCALATION']);
    expect(await eventually(() => kindsOf('city-operator', id), (k) => k.length === 3)).toEqual(['ESCALATION', 'REMINDER', 'TASK']);
    expect(await eventually(() => kindsOf('city-gaj-approver', id), (k) => k.length === 3)).toEqual(['ESCALATION', 'REMINDER', 'TASK']);

    await decide(handle, id, 'FILING');
    expect(await settled(() => row(id), (r) => r.stage === 'DELIVERY')).toMatchObject({ overdue: 0 });
    expect(stagesOf(await row(id))).toEqual(['PROVIDER_REVIEW', 'FILING']);
    await handle.terminate('test over');
  });
}, 180_000);
