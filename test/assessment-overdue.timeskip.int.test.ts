// Issue 15 on the time-skipping server: one county provider answers its application at once, another stays silent
// past its 5 working days and the approval workflow escalates it (real sharing activities, real database) — then the
// county's assessment, run through the gateway with real tokens, gives them the sharing value, score and rank the
// weights say, and the evidence names the late application. No SQL stands in for the lateness.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { shareApprovalWorkflowId, stageDecisionSignal, withdrawSignal, type ShareApprovalInput } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { eventually, ok, uniqueCode } from './support';
import { ROOT, timeSkippingEnvironment } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { approvalActivities } = require(join(ROOT, 'services/sharing/dist/activities/approval.activities.js'));

const COUNTY = '420683';
const PERIOD = `00000000-0000-4000-a000-000000${COUNTY}`;
const resourceOf = (index: number) => `00000000-0000-4000-8000-${(COUNTY + String(index)).padStart(12, '0')}`;
const PREFIX = `timeskip-assessment-${randomUUID().slice(0, 8)}-`;

let env: TestWorkflowEnvironment;
let ds: DataSource;
beforeAll(async () => { env = await timeSkippingEnvironment(); ds = await dataSourceFor(sharing).initialize(); });
afterAll(async () => { await env?.teardown(); await ds?.destroy(); });

async function submitted(provider: string, resource: number, items: string[]): Promise<ShareApprovalInput> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO share_application (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, region_code,
       requested_items, scenario, purpose, usage_mode, period_from, period_to, status, created_by, submitted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, '考核逾期测试', '考核逾期测试', 'VERIFY', '2026-01-01', '2026-12-31', 'SUBMITTED', 'test', CURRENT_TIMESTAMP(3))`,
    [id, resourceOf(resource), `${COUNTY}-${provider}`, COUNTY, `${COUNTY}-wjw`, COUNTY, JSON.stringify(items)],
  );
  return { applicationId: id, consumerRegionCode: COUNTY, providerRegionCode: COUNTY, wholeAuthorisation: false };
}

const row = async (id: string) => (await ds.query('SELECT status, stage, overdue, stage_deadline AS deadline FROM share_application WHERE id = ?', [id]))[0] as
  { status: string; stage: string | null; overdue: number; deadline: Date | null };
const settled = <T>(read: () => Promise<T>, done: (v: T) => boolean) => eventually(read, done, 150);

interface Score { key: string; value: number | null; weight: number; score: number; evidence: string[] }
interface Result { departmentId: string; total: number; rank: number; scores: Score[] }

test('000 §17, §28: the silent provider is escalated by the workflow and scores lower on answering in time; the evidence names its application', async () => {
  const late = await submitted('gaj', 0, ['姓名', '公民身份号码']);
  const prompt = await submitted('zrzy', 2, ['宗地编号', '坐落']);
  const workflowWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')) });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}sharing`, activities: approvalActivities(ds) });
  await workflowWorker.runUntil(activityWorker.runUntil(async () => {
    const start = (input: ShareApprovalInput) => env.client.workflow.start('shareApprovalWorkflow', { workflowId: shareApprovalWorkflowId(input.applicationId), taskQueue: `${PREFIX}workflows`, args: [input] });
    const hLate = await start(late);
    const hPrompt = await start(prompt);
    await settled(() => row(prompt.applicationId), (r) => r.stage === 'PROVIDER_REVIEW');
    await hPrompt.signal(stageDecisionSignal, { stage: 'PROVIDER_REVIEW', approve: false, actor: 'county-zrzy-approver', reason: '所需信息项已无条件共享' });
    await settled(() => row(prompt.applicationId), (r) => r.status === 'REJECTED');
    const open = await settled(() => row(late.applicationId), (r) => r.stage === 'PROVIDER_REVIEW' && r.deadline !== null);
    await env.sleep(open.deadline!.getTime() - (await env.currentTimeMs()) + 120_000); // past the 5th working day's end
    expect(await settled(() => row(late.applicationId), (r) => r.overdue === 1)).toMatchObject({ overdue: 1, stage: 'PROVIDER_REVIEW' });
    expect((await row(prompt.applicationId)).overdue).toBe(0);
    await hLate.signal(withdrawSignal, { actor: 'county-wjw-user' });
    expect(await hLate.result()).toMatchObject({ outcome: 'WITHDRAWN', overdueStages: ['PROVIDER_REVIEW'] });
    expect(await hPrompt.result()).toMatchObject({ outcome: 'REJECTED' });
  }));

  // The county's run through the graph.
  const started = (await ok('county-authority', 'mutation($p: ID!, $k: String) { runAssessment(periodId: $p, idempotencyKey: $k) { id } }', { p: PERIOD, k: uniqueCode('ts') })).runAssessment;
  const done = await eventually(async () => (await ok('county-assessor', 'query($id: ID!) { assessmentRun(id: $id) { status results { departmentId total rank scores { key value weight score evidence } } } }', { id: started.id })).assessmentRun,
    (r) => r.status !== 'RUNNING', 300, 200);
  expect(done.status).toBe('COMPLETED');
  const results = done.results as Result[];
  const of = (d: string) => results.find((r) => r.departmentId === `${COUNTY}-${d}`)!;
  const sharingOf = (d: string) => of(d).scores.find((s) => s.key === 'sharing.answeredOnTime')!;
  const gaj = sharingOf('gaj'), zrzy = sharingOf('zrzy');
  expect(gaj.evidence.join('\n')).toContain(late.applicationId);
  expect(zrzy.evidence.join('\n')).not.toContain(prompt.applicationId);
  expect(gaj.value!).toBeLessThan(zrzy.value!);
  // The indicator's score gap is exactly the value gap times its weight; totals and ranks follow.
  expect(zrzy.score - gaj.score).toBeCloseTo((zrzy.value! - gaj.value!) * gaj.weight * 100, 1);
  for (const r of results) expect(r.rank).toBe(1 + results.filter((x) => x.total > r.total).length);
});
