// The conditional open-data application (000 §21, 003 §26) on the Java time-skipping test server: "7 working days
// later" runs in seconds. Real activities against the run's real open-data database; no mocks.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { workingDayDeadline } from '@gov/working-days';
import { openDataApplicationWorkflowId, openDataCaseAnsweredSignal, openDataCaseWorkflowId, openDataDecisionSignal } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { eventually, ok, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind resourceId } } } }';
const kindsOf = async (user: DemoUser, id: string) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
  .filter((e) => e.node.resourceId === id).map((e) => e.node.kind).sort();
import { ROOT, timeSkippingEnvironment } from './stack';

const { service: openData } = require(join(ROOT, 'services/open-data/dist/server.js')) as { service: ServiceModule };
const { applicationActivities } = require(join(ROOT, 'services/open-data/dist/activities/application.activities.js'));

let PREFIX = 'timeskip-open-data-';
let run = 0;
let env: TestWorkflowEnvironment;
let ds: DataSource;
beforeEach(async () => { PREFIX = `timeskip-open-data-${++run}-`; env = await timeSkippingEnvironment(); });
afterEach(async () => { await env?.teardown(); });
beforeAll(async () => { ds = await dataSourceFor(openData).initialize(); });
afterAll(async () => { await ds?.destroy(); });

async function submitted(): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO open_data_application (id, dataset_id, publisher_department_id, region_code, applicant_sub, applicant, applicant_kind, applicant_name,
       demand_type, description, domain, format, purpose, period_from, period_to, status, idempotency_key)
     VALUES (?, '00000000-0000-4000-8000-0000000d0004', '420600-scjg', '420600', 'sub-test', 'city-public', 'COMPANY', '襄阳测试科技有限公司',
       '数据分析', '食品经营许可数据用于选址分析', '市场监管', 'JSON', '商业选址研究', '2026-01-01', '2027-12-31', 'SUBMITTED', ?)`, [id, randomUUID()]);
  return id;
}
interface Row { status: string; overdue: number; deadline: Date | null; reason: string | null; decidedBy: string | null }
async function row(id: string): Promise<Row> {
  const [r] = await ds.query(
    'SELECT status, overdue, decision_deadline AS deadline, decision_reason AS reason, decided_by AS decidedBy FROM open_data_application WHERE id = ?', [id]);
  return r as Row;
}
const settled = <T>(read: () => Promise<T>, ok: (v: T) => boolean) => eventually(read, ok, 150);

async function withWorkers(fn: () => Promise<void>): Promise<void> {
  const workflowWorker = await Worker.create({
    connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
  });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}open-data`, activities: applicationActivities(ds) });
  await workflowWorker.runUntil(activityWorker.runUntil(fn));
}
const start = (applicationId: string) => env.client.workflow.start('openDataApplicationWorkflow', {
  workflowId: openDataApplicationWorkflowId(applicationId), taskQueue: `${PREFIX}workflows`, args: [{ applicationId }],
});

test('000 §21: the provider refuses with reasons within 7 working days; the refusal and its reasons are recorded', async () => {
  const id = await submitted();
  await withWorkers(async () => {
    const handle = await start(id);
    const started = (await handle.describe()).startTime.getTime();
    const r0 = await settled(() => row(id), (r) => r.deadline !== null);
    expect(r0.deadline?.toISOString()).toBe(workingDayDeadline(started, 7).toISOString());
    await handle.signal(openDataDecisionSignal, { approve: false, actor: 'city-scjg-approver', reason: '申请用途超出开放范围' });
    expect(await handle.result()).toEqual({ approved: false, overdue: false });
    expect(await row(id)).toMatchObject({ status: 'REFUSED', overdue: 0, reason: '申请用途超出开放范围', decidedBy: 'city-scjg-approver' });
  });
});

test("000 §21: a silent provider is escalated at the 7th working day's end, stays overdue, and can still approve", async () => {
  const id = await submitted();
  await withWorkers(async () => {
    const handle = await start(id);
    const r0 = await settled(() => row(id), (r) => r.deadline !== null);
    await env.sleep(r0.deadline!.getTime() - (await env.currentTimeMs()) - 60_000);
    expect((await row(id)).overdue).toBe(0);
    await env.sleep(120_000);
    expect(await settled(() => row(id), (r) => r.overdue === 1)).toMatchObject({ status: 'SUBMITTED', overdue: 1 });
    // Issue 14: the publisher's deciders were told (task, reminder one working day ahead, escalation); the authority too.
    expect(await eventually(() => kindsOf('city-scjg-admin', id), (k) => k.length === 3, 200)).toEqual(['ESCALATION', 'REMINDER', 'TASK']);
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);
    await handle.signal(openDataDecisionSignal, { approve: true, actor: 'city-scjg-approver', reason: null });
    expect(await handle.result()).toEqual({ approved: true, overdue: true });
    expect(await row(id)).toMatchObject({ status: 'APPROVED', overdue: 1 });
  });
});

describe('complaints and feedback: the 10-working-day answer (003 §17, §24)', () => {
  const { caseActivities } = require(join(ROOT, 'services/open-data/dist/activities/case.activities.js'));
  async function openCase(): Promise<string> {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO open_data_case (id, type, category, dataset_id, publisher_department_id, region_code, submitter_sub, submitter, description, evidence, status, idempotency_key)
       VALUES (?, 'COMPLAINT', 'PRIVACY', '00000000-0000-4000-8000-0000000d0003', '420600-scjg', '420600', 'sub-test', 'city-public', '涉及个人隐私', '[]', 'OPEN', ?)`, [id, randomUUID()]);
    return id;
  }
  const caseRow = async (id: string) => (await ds.query('SELECT status, overdue, answer_deadline AS deadline FROM open_data_case WHERE id = ?', [id]))[0] as { status: string; overdue: number; deadline: Date | null };
  async function withCaseWorkers(fn: () => Promise<void>): Promise<void> {
    const workflowWorker = await Worker.create({
      connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
    });
    const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}open-data`, activities: caseActivities(ds) });
    await workflowWorker.runUntil(activityWorker.runUntil(fn));
  }

  test("003 §17: an unanswered complaint is escalated at the 10th working day's end and stays overdue until answered", async () => {
    const id = await openCase();
    await withCaseWorkers(async () => {
      const handle = await env.client.workflow.start('openDataCaseWorkflow', { workflowId: openDataCaseWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [{ caseId: id }] });
      const started = (await handle.describe()).startTime.getTime();
      const r0 = await settled(() => caseRow(id), (r) => r.deadline !== null);
      expect(r0.deadline?.toISOString()).toBe(workingDayDeadline(started, 10).toISOString());
      await env.sleep(r0.deadline!.getTime() - (await env.currentTimeMs()) - 60_000);
      expect((await caseRow(id)).overdue).toBe(0);
      await env.sleep(120_000);
      expect(await settled(() => caseRow(id), (r) => r.overdue === 1)).toMatchObject({ status: 'OPEN', overdue: 1 });
      // Issue 14: the publisher was given the task, reminded one working day ahead and told of the escalation; the
      // authority of the region was told of the escalation; nobody else.
      expect(await eventually(() => kindsOf('city-scjg-admin', id), (k) => k.length === 3, 200)).toEqual(['ESCALATION', 'REMINDER', 'TASK']);
      expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);
      for (const other of ['county-authority', 'city-gaj-approver', 'city-public'] as DemoUser[]) expect(await kindsOf(other, id)).toEqual([]);
      await ds.query("UPDATE open_data_case SET status = 'ANSWERED', answer = '已处理' WHERE id = ?", [id]);
      await handle.signal(openDataCaseAnsweredSignal);
      expect(await handle.result()).toEqual({ overdue: true });
    });
  });

  test('003 §24: answered in time, the process ends without escalation', async () => {
    const id = await openCase();
    await withCaseWorkers(async () => {
      const handle = await env.client.workflow.start('openDataCaseWorkflow', { workflowId: openDataCaseWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [{ caseId: id }] });
      await settled(() => caseRow(id), (r) => r.deadline !== null);
      await handle.signal(openDataCaseAnsweredSignal);
      expect(await handle.result()).toEqual({ overdue: false });
      expect((await caseRow(id)).overdue).toBe(0);
      expect((await kindsOf('city-scjg-admin', id))).toEqual(['TASK']); // answered long before the reminder day
    });
  });
});
