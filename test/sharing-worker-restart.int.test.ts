// 000 §17 under failure: the workflow worker is killed (SIGKILL) mid-approval and another one started; the approval
// resumes from Temporal's history and completes exactly once (one grant, each step decided once). Real dev server,
// real database, the production worker entry point as a child process on a private task queue.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { shareApprovalWorkflowId, stageDecisionSignal, type ShareApprovalInput } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ROOT } from './stack';
import { eventually } from './support';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { approvalActivities } = require(join(ROOT, 'services/sharing/dist/activities/approval.activities.js'));

const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const prefix = `restart-${randomBytes(4).toString('hex')}-`;
let ds: DataSource;
let client: Client;
let activityWorker: Worker;
let activitiesRunning: Promise<void>;
const children: ChildProcess[] = [];

function startWorkflowWorker(): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'workflows/dist/worker.js')], {
    env: { ...process.env, TEMPORAL_ADDRESS: address, TEMPORAL_TASK_QUEUE_PREFIX: prefix }, stdio: 'ignore',
  });
  children.push(child);
  return child;
}

beforeAll(async () => {
  ds = await dataSourceFor(sharing).initialize();
  client = new Client({ connection: await Connection.connect({ address }) });
  activityWorker = await Worker.create({ connection: await NativeConnection.connect({ address }), taskQueue: `${prefix}sharing`, activities: approvalActivities(ds) });
  activitiesRunning = activityWorker.run();
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  activityWorker?.shutdown();
  await activitiesRunning?.catch(() => undefined);
  await client?.connection.close();
  await ds?.destroy();
});

async function row(id: string): Promise<{ status: string; stage: string | null; decisions: unknown }> {
  const [r] = await ds.query('SELECT status, stage, decisions FROM share_application WHERE id = ?', [id]);
  return r;
}
async function until(id: string, ok: (r: { status: string; stage: string | null }) => boolean) {
  const r = await eventually(() => row(id), ok, 600);
  if (ok(r)) return r;
  throw new Error(`application ${id} never reached the expected state: ${JSON.stringify(await row(id))}`);
}

test('000 §17: worker killed (SIGKILL) and restarted mid-approval -> the approval completes once', async () => {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO share_application (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, region_code,
       requested_items, scenario, purpose, usage_mode, period_from, period_to, status, created_by, submitted_at)
     VALUES (?, '00000000-0000-4000-8000-000004206000', '420600-gaj', '420600', '420600-wjw', '420600', '["姓名","公民身份号码"]',
       '出生医学证明办理', '核验', 'VERIFY', '2026-01-01', '2027-12-31', 'SUBMITTED', 'test', CURRENT_TIMESTAMP(3))`, [id]);
  const input: ShareApprovalInput = { applicationId: id, consumerRegionCode: '420600', providerRegionCode: '420600', wholeAuthorisation: false };

  const first = startWorkflowWorker();
  const handle = await client.workflow.start('shareApprovalWorkflow', { workflowId: shareApprovalWorkflowId(id), taskQueue: `${prefix}workflows`, args: [input] });
  await until(id, (r) => r.stage === 'PROVIDER_REVIEW');
  await handle.signal(stageDecisionSignal, { stage: 'PROVIDER_REVIEW', approve: true, actor: 'city-gaj-approver' });
  await until(id, (r) => r.stage === 'FILING');

  first.kill('SIGKILL');
  await new Promise((res) => first.once('exit', res));
  // Signalled while no worker runs: the decision waits in the history.
  await handle.signal(stageDecisionSignal, { stage: 'FILING', approve: true, actor: 'city-operator' });

  startWorkflowWorker();
  await until(id, (r) => r.stage === 'DELIVERY');
  await handle.signal(stageDecisionSignal, { stage: 'DELIVERY', approve: true, actor: 'city-gaj-admin' });
  const outcome = await handle.result();
  expect(outcome).toMatchObject({ outcome: 'GRANTED' });

  const grants = await ds.query('SELECT id FROM share_grant WHERE application_id = ?', [id]);
  expect(grants).toHaveLength(1);
  expect(grants[0].id).toBe(outcome.grantId);
  const final = await row(id);
  expect(final.status).toBe('GRANTED');
  const decisions = (typeof final.decisions === 'string' ? JSON.parse(final.decisions) : final.decisions) as Array<{ stage: string }>;
  expect(decisions.map((d) => d.stage)).toEqual(['PROVIDER_REVIEW', 'FILING', 'DELIVERY']);
  await client.workflow.getHandle(`share-grant-${outcome.grantId}`).terminate('test over').catch(() => undefined);
});
