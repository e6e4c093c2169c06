// The approval workflow's own logic with mocked activities on the time-skipping server (temporalio/samples-typescript
// style): which steps it opens, in which order, with which working-day deadline, when it escalates, what a rejection
// and a withdrawal do. No database: the activities only record what they were asked (the integration tests run the
// real ones). The Java test server is installed by infra/local (npm test runs it first); the worker runs the built bundle.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { workingDayDeadline } from '@gov/working-days';
import { approvalStateQuery, stageDecisionSignal, withdrawSignal, type ShareApprovalActivities, type ShareApprovalInput } from './definitions';
import type { shareApprovalWorkflow } from './workflow';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, '.tools', 'bin', 'temporal-test-server');
let env: TestWorkflowEnvironment;
beforeAll(async () => {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: infra/local/up (run by npm test) installs it`);
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: SERVER } } });
}, 120_000);
afterAll(async () => { await env?.teardown(); });

type Call = [keyof ShareApprovalActivities, Record<string, unknown>];
function mockActivities(calls: Call[]): ShareApprovalActivities {
  const rec = <K extends keyof ShareApprovalActivities>(name: K) => async (input: Record<string, unknown>) => { calls.push([name, input]); };
  return {
    enterStage: rec('enterStage'), markStageOverdue: rec('markStageOverdue'), recordDecision: rec('recordDecision'),
    closeApplication: rec('closeApplication'), awaitDispute: rec('awaitDispute'), startArbitration: rec('startArbitration'),
    grantFromApplication: async (input) => { calls.push(['grantFromApplication', input]); return { grantId: `grant-of-${input.applicationId}`, expiresAt: '2027-12-31T16:00:00.000Z' }; },
  };
}

let n = 0;
async function run<T>(input: ShareApprovalInput, calls: Call[], body: (h: Awaited<ReturnType<typeof env.client.workflow.start<typeof shareApprovalWorkflow>>>) => Promise<T>): Promise<T> {
  const taskQueue = `mock-approval-${++n}`;
  // The workflow's activities go to the sharing queue of its own prefix: `<prefix>workflows` → `<prefix>sharing`.
  const prefix = `${taskQueue}-`;
  const workflows = await Worker.create({ connection: env.nativeConnection, taskQueue: `${prefix}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')) });
  const activities = await Worker.create({ connection: env.nativeConnection, taskQueue: `${prefix}sharing`, activities: mockActivities(calls) });
  return workflows.runUntil(activities.runUntil(async () => {
    const h = await env.client.workflow.start<typeof shareApprovalWorkflow>('shareApprovalWorkflow', { taskQueue: `${prefix}workflows`, workflowId: `wf-${taskQueue}`, args: [input] });
    return body(h);
  }));
}

const CITY: ShareApprovalInput = { applicationId: 'app-1', consumerRegionCode: '420600', providerRegionCode: '420600', wholeAuthorisation: false };

test('000 §17: provider review, filing, delivery in order, each with its working-day deadline; the grant is made once', async () => {
  const calls: Call[] = [];
  const outcome = await run(CITY, calls, async (h) => {
    const start = new Date(await env.currentTimeMs());
    for (const [stage, actor] of [['PROVIDER_REVIEW', 'city-gaj-approver'], ['FILING', 'city-operator'], ['DELIVERY', 'city-gaj-admin']] as const) {
      // wait until the workflow has opened the step, then decide it
      for (let i = 0; i < 50 && (await h.query(approvalStateQuery)).stage !== stage; i++) await new Promise((r) => setTimeout(r, 20));
      await h.signal(stageDecisionSignal, { stage, approve: true, actor });
    }
    const result = await h.result();
    const entered = calls.filter(([name]) => name === 'enterStage').map(([, i]) => i);
    expect(entered.map((i) => i.stage)).toEqual(['PROVIDER_REVIEW', 'FILING', 'DELIVERY']);
    // the provider's 5 working days are counted on the Chinese calendar from the workflow's clock
    expect(entered[0].deadline).toBe(workingDayDeadline(start, 5).toISOString());
    return result;
  });
  expect(outcome).toMatchObject({ applicationId: 'app-1', outcome: 'GRANTED', grantId: 'grant-of-app-1', overdueStages: [] });
  expect(calls.filter(([name]) => name === 'grantFromApplication')).toHaveLength(1);
  expect(calls.filter(([name]) => name === 'markStageOverdue')).toHaveLength(0);
});

test('000 §17: a provider silent past 5 working days is marked overdue (escalated) and still decides afterwards', async () => {
  const calls: Call[] = [];
  const outcome = await run({ ...CITY, applicationId: 'app-2' }, calls, async (h) => {
    await env.sleep('10 days'); // the time-skipping server jumps there: past 5 working days whatever the calendar
    const state = await h.query(approvalStateQuery);
    expect(state.overdueStages).toEqual(['PROVIDER_REVIEW']);
    expect(calls.filter(([name]) => name === 'markStageOverdue').map(([, i]) => i.stage)).toEqual(['PROVIDER_REVIEW']);
    await h.signal(stageDecisionSignal, { stage: 'PROVIDER_REVIEW', approve: false, actor: 'city-gaj-approver', reason: '不属于本部门职责' });
    await env.sleep('30 days'); // the dispute window passes without a dispute
    return h.result();
  });
  expect(outcome).toMatchObject({ outcome: 'REJECTED', grantId: null, overdueStages: ['PROVIDER_REVIEW'] });
  expect(calls.find(([name]) => name === 'closeApplication')?.[1]).toMatchObject({ applicationId: 'app-2', status: 'REJECTED' });
});

test('a withdrawal before the grant closes the application as WITHDRAWN and grants nothing', async () => {
  const calls: Call[] = [];
  const outcome = await run({ ...CITY, applicationId: 'app-3' }, calls, async (h) => {
    await h.signal(withdrawSignal, { actor: 'city-wjw-user' });
    return h.result();
  });
  expect(outcome).toMatchObject({ outcome: 'WITHDRAWN', grantId: null });
  expect(calls.filter(([name]) => name === 'grantFromApplication')).toHaveLength(0);
});
