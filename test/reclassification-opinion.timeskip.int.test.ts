// 001 §21 on the Java time-skipping test server: the providing department's opinion on a reclassification request is
// due within RECLASSIFICATION_OPINION_WORKING_DAYS working days; a silent provider is escalated to the authority at the
// deadline (opinionOverdue, visible through the graph); an answer before the deadline leaves nothing to escalate.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { workingDayDeadline } from '@gov/working-days';
import {
  reclassificationAnsweredSignal, reclassificationOpinionStateQuery, reclassificationOpinionWorkflowId, type ReclassificationOpinionActivities,
  type ReclassificationOpinionInput,
} from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ROOT, timeSkippingEnvironment } from './stack';
import { eventually, ok, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind resourceId } } } }';
const kindsOf = async (user: DemoUser, id: string) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
  .filter((e) => e.node.resourceId === id).map((e) => e.node.kind).sort();

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { reclassificationActivities } = require(join(ROOT, 'services/sharing/dist/activities/reclassification.activities.js')) as {
  reclassificationActivities(ds: DataSource): ReclassificationOpinionActivities;
};

const PREFIX = 'timeskip-reclass-';
let env: TestWorkflowEnvironment;
let ds: DataSource;

beforeAll(async () => {
  env = await timeSkippingEnvironment();
  ds = await dataSourceFor(sharing).initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await env?.teardown();
});

async function withWorkers(fn: () => Promise<void>): Promise<void> {
  const workflowWorker = await Worker.create({
    connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
  });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}sharing`, activities: reclassificationActivities(ds) });
  await workflowWorker.runUntil(activityWorker.runUntil(fn));
}

/** An OPEN request of wjw for gaj's resource, due in 5 working days from the test server's clock. */
async function openRequest(): Promise<{ id: string; deadline: Date }> {
  const id = randomUUID();
  const deadline = workingDayDeadline(await env.currentTimeMs(), 5);
  await ds.query(`INSERT INTO reclassification_request (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, region_code,
    reason, status, created_by, opinion_deadline, opinion_deadline_official) VALUES (?, ?, '420600-gaj', '420600', '420600-wjw', '420600', '办理从业资格审查需核验', 'OPEN', 'test', ?, TRUE)`,
  [id, randomUUID(), deadline]);
  return { id, deadline };
}
const row = async (id: string) => (await ds.query('SELECT opinion_overdue AS overdue, escalated_at AS escalatedAt FROM reclassification_request WHERE id = ?', [id]))[0];
const LIST = 'query($s: ReclassificationStatus) { reclassificationRequests(status: $s, first: 200) { edges { node { id opinionOverdue escalatedAt } } } }';

test('001 §21: a provider silent until its opinion deadline is escalated to the authority (opinionOverdue, seen through the graph)', async () => {
  const { id, deadline } = await openRequest();
  await withWorkers(async () => {
    const input: ReclassificationOpinionInput = { requestId: id, deadline: deadline.toISOString() };
    const handle = await env.client.workflow.start('reclassificationOpinionWorkflow', { workflowId: reclassificationOpinionWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [input] });
    expect((await handle.query(reclassificationOpinionStateQuery)).deadline).toBe(deadline.toISOString());
    await env.sleep(deadline.getTime() - (await env.currentTimeMs()) - 60_000);
    expect(Number((await row(id)).overdue)).toBe(0);
    await env.sleep(120_000);
    expect(await handle.result()).toMatchObject({ answered: false, escalated: true });
    const escalated = await eventually(() => row(id), (r) => Number(r.overdue) === 1);
    expect(escalated.escalatedAt).not.toBeNull();
    const seen = (await ok('city-authority', LIST, { s: 'OPEN' })).reclassificationRequests.edges.map((e: { node: { id: string; opinionOverdue: boolean } }) => e.node);
    expect(seen).toContainEqual(expect.objectContaining({ id, opinionOverdue: true }));
    // Issue 14: the provider was reminded one working day ahead and told of the escalation, as was the authority.
    expect(await eventually(() => kindsOf('city-gaj-approver', id), (k) => k.length === 2, 200)).toEqual(['ESCALATION', 'REMINDER']);
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);
  });
});

test('001 §21: an opinion given before the deadline leaves nothing to escalate', async () => {
  const { id, deadline } = await openRequest();
  await withWorkers(async () => {
    const handle = await env.client.workflow.start('reclassificationOpinionWorkflow', {
      workflowId: reclassificationOpinionWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [{ requestId: id, deadline: deadline.toISOString() }],
    });
    await env.sleep(60_000);
    await handle.signal(reclassificationAnsweredSignal, { by: 'city-gaj-admin' });
    expect(await handle.result()).toMatchObject({ answered: true, escalated: false });
    expect(Number((await row(id)).overdue)).toBe(0);
    expect(await kindsOf('city-gaj-approver', id)).toEqual([]); // answered: no reminder, no escalation
  });
});
