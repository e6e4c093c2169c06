// The share-application approval on the Java time-skipping test server: "5 working days later" runs in seconds.
// Real activities against the run's real sharing database; no mocks.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { workingDayDeadline } from '@gov/working-days';
import {
  approvalStateQuery, disputeSignal, shareApprovalWorkflowId, stageDecisionSignal, withdrawSignal,
  type ApprovalStage, type ShareApprovalInput,
} from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { eventually, ok, type DemoUser } from './support';
import { ROOT, timeSkippingEnvironment } from './stack';

// Built code, as the workers run it in production.
const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { approvalActivities } = require(join(ROOT, 'services/sharing/dist/activities/approval.activities.js'));

// A queue pair per test: a test that fails never leaves its worker registered in the next one's way.
let PREFIX = 'timeskip-sharing-';
let run = 0;
beforeEach(() => { PREFIX = `timeskip-sharing-${++run}-`; });
let env: TestWorkflowEnvironment;
let ds: DataSource;

// A fresh time-skipping server per test: one test's leftover timers never hold another's clock.
beforeEach(async () => {
  env = await timeSkippingEnvironment();
});
afterEach(async () => { await env?.teardown(); });
beforeAll(async () => { ds = await dataSourceFor(sharing).initialize(); });
afterAll(async () => { await ds?.destroy(); });

async function submittedApplication(consumer = '420600-wjw', provider = '420600-gaj'): Promise<ShareApprovalInput> {
  const id = randomUUID();
  const consumerRegion = consumer.slice(0, 6);
  const providerRegion = provider.slice(0, 6);
  await ds.query(
    `INSERT INTO share_application (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, region_code,
       requested_items, scenario, purpose, usage_mode, period_from, period_to, status, created_by, submitted_at)
     VALUES (?, '00000000-0000-4000-8000-000004206000', ?, ?, ?, ?, '["姓名","公民身份号码"]', '出生医学证明办理', '核验', 'VERIFY',
       '2026-01-01', '2027-12-31', 'SUBMITTED', 'test', CURRENT_TIMESTAMP(3))`,
    [id, provider, providerRegion, consumer, consumerRegion],
  );
  return { applicationId: id, consumerRegionCode: consumerRegion, providerRegionCode: providerRegion, wholeAuthorisation: false };
}

interface Row { status: string; stage: string | null; overdue: number; escalatedAt: Date | null; deadline: Date | null; reason: string | null; grantId: string | null }
async function row(id: string): Promise<Row> {
  const [r] = await ds.query(
    `SELECT status, stage, overdue, escalated_at AS escalatedAt, stage_deadline AS deadline, decision_reason AS reason, grant_id AS grantId
     FROM share_application WHERE id = ?`, [id]);
  return r as Row;
}
async function grantsOf(applicationId: string): Promise<Array<{ id: string; status: string; items: string[] }>> {
  return ds.query('SELECT id, status, items FROM share_grant WHERE application_id = ?', [applicationId]);
}

/** Approval steps run several activities each: up to 15 s of polling, as before. */
const settled = <T>(read: () => Promise<T>, ok: (v: T) => boolean) => eventually(read, ok, 150);

async function withWorkers(fn: () => Promise<void>): Promise<void> {
  const workflowWorker = await Worker.create({
    connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
  });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}sharing`, activities: approvalActivities(ds) });
  await workflowWorker.runUntil(activityWorker.runUntil(fn));
}

async function start(input: ShareApprovalInput) {
  return env.client.workflow.start('shareApprovalWorkflow', { workflowId: shareApprovalWorkflowId(input.applicationId), taskQueue: `${PREFIX}workflows`, args: [input] });
}
type Handle = Awaited<ReturnType<typeof start>>;

/** The approval's outcome; the grant workflow it left running (a year-long timer) is ended so later tests skip time freely. */
async function outcomeOf(handle: Handle) {
  const outcome = await handle.result();
  if (outcome.grantId) await env.client.workflow.getHandle(`share-grant-${outcome.grantId}`).terminate('test over').catch((e) => console.error('terminate failed', e));
  return outcome;
}

/** Decide the open step once the workflow has opened it (its activity has written the stage). */
async function decide(handle: Handle, id: string, stage: ApprovalStage, approve = true, reason: string | null = null): Promise<void> {
  expect((await settled(() => row(id), (r) => r.stage === stage)).stage).toBe(stage);
  await handle.signal(stageDecisionSignal, { stage, approve, actor: `actor-${stage.toLowerCase()}`, reason });
  await settled(() => row(id), (r) => r.stage !== stage);
}

test('000 §17: the 5/1/1 path — provider accepts, platform files, provider delivers — ends in one grant of the requested items', async () => {
  const input = await submittedApplication();
  await withWorkers(async () => {
    const handle = await start(input);
    const started = (await handle.describe()).startTime.getTime();
    await settled(() => row(input.applicationId), (r) => r.stage === 'PROVIDER_REVIEW');
    expect((await handle.query(approvalStateQuery)).deadline).toBe(workingDayDeadline(started, 5).toISOString());
    await decide(handle, input.applicationId, 'PROVIDER_REVIEW');
    const filing = await settled(() => row(input.applicationId), (r) => r.stage === 'FILING');
    const filedAt = await env.currentTimeMs();
    expect(filing.deadline?.toISOString()).toBe(workingDayDeadline(filedAt, 1).toISOString());
    await decide(handle, input.applicationId, 'FILING');
    await decide(handle, input.applicationId, 'DELIVERY');
    // Read the grant before awaiting the result: awaiting lets the test server skip time, up to the grant's expiry.
    await settled(() => row(input.applicationId), (r) => r.status === 'GRANTED');
    const grants = await grantsOf(input.applicationId);
    expect(grants).toHaveLength(1);
    expect(grants[0].status).toBe('ACTIVE');
    const outcome = await outcomeOf(handle);
    expect(outcome).toMatchObject({ outcome: 'GRANTED', overdueStages: [], grantId: grants[0].id });
    expect(grants[0].items).toEqual(['姓名', '公民身份号码']);
    expect(await row(input.applicationId)).toMatchObject({ status: 'GRANTED', stage: null, overdue: 0, grantId: grants[0].id });
  });
});

test('000 §17: the provider rejects with a reason; undisputed within 5 working days the rejection is final, no grant', async () => {
  const input = await submittedApplication();
  await withWorkers(async () => {
    const handle = await start(input);
    await decide(handle, input.applicationId, 'PROVIDER_REVIEW', false, '申请事项与业务场景不符');
    expect(await settled(() => row(input.applicationId), (r) => r.status === 'REJECTED')).toMatchObject({ status: 'REJECTED', reason: '申请事项与业务场景不符' });
    expect(await outcomeOf(handle)).toMatchObject({ outcome: 'REJECTED' }); // the 5-day dispute window passes in skipped time
    expect(await grantsOf(input.applicationId)).toHaveLength(0);
    expect((await row(input.applicationId)).deadline).toBeNull();
  });
});

test('000 §17: a silent provider is escalated on the 5th working day\'s end, stays marked overdue, and can still accept', async () => {
  const input = await submittedApplication();
  await withWorkers(async () => {
    const handle = await start(input);
    const started = (await handle.describe()).startTime.getTime();
    const r0 = await settled(() => row(input.applicationId), (r) => r.stage === 'PROVIDER_REVIEW' && r.deadline !== null);
    expect(r0.deadline?.toISOString()).toBe(workingDayDeadline(started, 5).toISOString());

    await env.sleep(r0.deadline!.getTime() - (await env.currentTimeMs()) - 60_000);
    expect((await handle.query(approvalStateQuery)).overdueStages).toEqual([]);
    expect((await row(input.applicationId)).overdue).toBe(0);

    await env.sleep(120_000);
    expect((await handle.query(approvalStateQuery)).overdueStages).toEqual(['PROVIDER_REVIEW']);
    const escalated = await settled(() => row(input.applicationId), (r) => r.overdue === 1);
    expect(escalated).toMatchObject({ overdue: 1, status: 'SUBMITTED', stage: 'PROVIDER_REVIEW' });
    expect(escalated.escalatedAt).not.toBeNull();

    await decide(handle, input.applicationId, 'PROVIDER_REVIEW');
    await decide(handle, input.applicationId, 'FILING');
    await decide(handle, input.applicationId, 'DELIVERY');
    expect(await outcomeOf(handle)).toMatchObject({ outcome: 'GRANTED', overdueStages: ['PROVIDER_REVIEW'] });
    // `overdue` is the open step's (reset as filing opened); the record of lateness stays for assessment.
    const [late] = await ds.query('SELECT overdue, overdue_stages AS s FROM share_application WHERE id = ?', [input.applicationId]);
    expect(late.overdue).toBe(0);
    expect((typeof late.s === 'string' ? JSON.parse(late.s) : late.s).map((o: { stage: string }) => o.stage)).toEqual(['PROVIDER_REVIEW']);
  });
});

test('004 §22-23: under whole authorisation the authority decides within 2 working days, then filing and delivery', async () => {
  const input = { ...(await submittedApplication()), wholeAuthorisation: true };
  await withWorkers(async () => {
    const handle = await start(input);
    const started = (await handle.describe()).startTime.getTime();
    const r0 = await settled(() => row(input.applicationId), (r) => r.stage === 'AUTHORITY_DECISION');
    expect(r0.deadline?.toISOString()).toBe(workingDayDeadline(started, 2).toISOString());
    // A provider's decision is not a step of this path: ignored.
    await handle.signal(stageDecisionSignal, { stage: 'PROVIDER_REVIEW', approve: false, actor: 'provider', reason: 'no' });
    await decide(handle, input.applicationId, 'AUTHORITY_DECISION');
    await decide(handle, input.applicationId, 'FILING');
    await decide(handle, input.applicationId, 'DELIVERY');
    expect(await outcomeOf(handle)).toMatchObject({ outcome: 'GRANTED' });
    expect(await grantsOf(input.applicationId)).toHaveLength(1);
  });
});

test('000 §17: county → city — the county bureau accepts, then the city provider and the city bureau review', async () => {
  const input = await submittedApplication('420683-wjw', '420600-gaj');
  await withWorkers(async () => {
    const handle = await start(input);
    expect((await handle.query(approvalStateQuery)).path).toEqual(['COUNTY_ACCEPT', 'PROVIDER_REVIEW', 'CITY_AUTHORITY_REVIEW', 'FILING', 'DELIVERY']);
    for (const stage of ['COUNTY_ACCEPT', 'PROVIDER_REVIEW', 'CITY_AUTHORITY_REVIEW', 'FILING', 'DELIVERY'] as const) {
      await decide(handle, input.applicationId, stage);
    }
    expect(await outcomeOf(handle)).toMatchObject({ outcome: 'GRANTED' });
    const [g] = await ds.query('SELECT consumer_region_code AS c, provider_region_code AS p FROM share_grant WHERE application_id = ?', [input.applicationId]);
    expect(g).toEqual({ c: '420683', p: '420600' });
  });
});

test('001 §21: a disputed rejection goes to the authority, whose ruling overrules it; the applicant can withdraw another', async () => {
  const input = await submittedApplication();
  const other = await submittedApplication();
  await withWorkers(async () => {
    const handle = await start(input);
    await decide(handle, input.applicationId, 'PROVIDER_REVIEW', false, '超出职责范围');
    await settled(() => row(input.applicationId), (r) => r.status === 'REJECTED');
    await handle.signal(disputeSignal, { actor: 'city-wjw-user', reason: '出生医学证明办理属于本部门法定职责' });
    expect((await settled(() => row(input.applicationId), (r) => r.stage === 'ARBITRATION')).status).toBe('DISPUTED');
    await decide(handle, input.applicationId, 'ARBITRATION');
    await decide(handle, input.applicationId, 'FILING');
    await decide(handle, input.applicationId, 'DELIVERY');
    expect(await outcomeOf(handle)).toMatchObject({ outcome: 'GRANTED' });

    const h2 = await start(other);
    await settled(() => row(other.applicationId), (r) => r.stage === 'PROVIDER_REVIEW');
    await h2.signal(withdrawSignal, { actor: 'city-wjw-user' });
    expect(await outcomeOf(h2)).toMatchObject({ outcome: 'WITHDRAWN' });
    expect(await row(other.applicationId)).toMatchObject({ status: 'WITHDRAWN', stage: null });
    expect(await grantsOf(other.applicationId)).toHaveLength(0);
  });
});

test('000 §18: a grant ends by itself when its period runs out (the grant workflow\'s timer)', async () => {
  const grantId = randomUUID();
  const expiresAt = new Date((await env.currentTimeMs()) + 3 * 86_400_000);
  await ds.query(
    `INSERT INTO share_grant (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, consumer_region_code, items,
       scenario, usage_mode, period_from, period_to, expires_at, status, created_by)
     VALUES (?, '00000000-0000-4000-8000-000004206000', '420600-gaj', '420600', '420600-wjw', '420600', '["姓名"]', 's', 'QUERY', '2026-01-01', '2026-12-31', ?, 'ACTIVE', 'test')`,
    [grantId, expiresAt],
  );
  await withWorkers(async () => {
    const handle = await env.client.workflow.start('shareGrantWorkflow', {
      workflowId: `share-grant-${grantId}`, taskQueue: `${PREFIX}workflows`, args: [{ grantId, expiresAt: expiresAt.toISOString() }],
    });
    expect(await outcomeOf(handle)).toBe('EXPIRED');
    const [g] = await ds.query('SELECT status FROM share_grant WHERE id = ?', [grantId]);
    expect(g.status).toBe('EXPIRED');
  });
});

test('issue 14: an escalation notifies the authority and the late department; a rejection notifies the applicant; nobody else', async () => {
  const input = await submittedApplication();
  await ds.query("UPDATE share_application SET created_by = 'city-wjw-user' WHERE id = ?", [input.applicationId]);
  const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind resourceId } } } }';
  const kindsOf = async (user: DemoUser) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
    .filter((e) => e.node.resourceId === input.applicationId).map((e) => e.node.kind).sort();
  await withWorkers(async () => {
    const handle = await start(input);
    const r0 = await settled(() => row(input.applicationId), (r) => r.stage === 'PROVIDER_REVIEW' && r.deadline !== null);
    expect(await eventually(() => kindsOf('city-gaj-approver'), (k) => k.length === 1)).toEqual(['TASK']);
    await env.sleep(r0.deadline!.getTime() - (await env.currentTimeMs()) + 60_000);
    await settled(() => row(input.applicationId), (r) => r.overdue === 1);

    expect(await eventually(() => kindsOf('city-authority'), (k) => k.length === 1)).toEqual(['ESCALATION']);
    // The provider's deciders: the task, the reminder at the start of the 5th working day, the escalation.
    expect(await eventually(() => kindsOf('city-gaj-approver'), (k) => k.length === 3)).toEqual(['ESCALATION', 'REMINDER', 'TASK']);
    for (const other of ['city-wjw-user', 'city-operator', 'county-authority', 'county-gaj-approver'] as DemoUser[]) expect(await kindsOf(other)).toEqual([]);

    await decide(handle, input.applicationId, 'PROVIDER_REVIEW', false, '申请事项与业务场景不符');
    expect(await eventually(() => kindsOf('city-wjw-user'), (k) => k.length === 1)).toEqual(['DECISION']);
    expect(await kindsOf('county-authority')).toEqual([]);
    expect(await outcomeOf(handle)).toMatchObject({ outcome: 'REJECTED' });
  });
});
