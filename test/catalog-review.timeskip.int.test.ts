// The catalog review workflow on the Java time-skipping test server: "5 working days later" runs in seconds.
// Real activities against the run's real catalog database; no mocks.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { addWorkingDays, chinaDate, workingDayDeadline } from '@gov/working-days';
import { catalogReviewWorkflowId, reviewDecisionSignal, reviewStateQuery, type CatalogReviewInput } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { eventually, ok, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind resourceId } } } }';
const kindsOf = async (user: DemoUser, id: string) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
  .filter((e) => e.node.resourceId === id).map((e) => e.node.kind).sort();
import { ROOT, timeSkippingEnvironment } from './stack';

// Built code, as the workers run it in production.
 
const { service: catalog } = require(join(ROOT, 'services/catalog/dist/server.js')) as { service: ServiceModule };
const { reviewActivities } = require(join(ROOT, 'services/catalog/dist/activities/review.activities.js'));
 

const PREFIX = 'timeskip-';
let env: TestWorkflowEnvironment;
let ds: DataSource;

beforeAll(async () => {
  env = await timeSkippingEnvironment();
  ds = await dataSourceFor(catalog).initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await env?.teardown();
});

async function submittedResource(): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO data_resource (id, code, name, department_id, region_code, category, share_type, open_type, sensitivity_grade, status, submission_count, created_by)
     VALUES (?, ?, '婚姻登记信息', '420600-gaj', '420600', 'DEPARTMENT', 'UNCONDITIONAL', 'NOT_OPEN', 'MEDIUM', 'SUBMITTED', 1, 'test')`,
    [id, `TS-${id.slice(0, 8)}`],
  );
  return id;
}

async function row(id: string) {
  const [r] = await ds.query('SELECT status, review_overdue AS overdue, review_escalated_at AS escalatedAt, review_deadline AS deadline FROM data_resource WHERE id = ?', [id]);
  return r as { status: string; overdue: number; escalatedAt: Date | null; deadline: Date | null };
}


test('deadline passes -> the review is marked overdue and escalated on the right working day, then still decides', async () => {
  const workflowWorker = await Worker.create({
    connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
  });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}catalog`, activities: reviewActivities(ds) });
  const id = await submittedResource();
  const input: CatalogReviewInput = { resourceId: id, resourceCode: 'TS', departmentId: '420600-gaj', regionCode: '420600', submittedBy: 'test', deadlineWorkingDays: 5 };

  await workflowWorker.runUntil(activityWorker.runUntil(async () => {
    const handle = await env.client.workflow.start('catalogReviewWorkflow', {
      workflowId: catalogReviewWorkflowId(id, 1), taskQueue: `${PREFIX}workflows`, args: [input],
    });
    const started = (await handle.describe()).startTime.getTime();
    const state = await handle.query(reviewStateQuery);
    // The deadline is the end (24:00 Beijing) of the 5th Chinese working day after the start day.
    expect(state.deadline).toBe(workingDayDeadline(started, 5).toISOString());
    expect(chinaDate(Date.parse(state.deadline) - 1)).toBe(addWorkingDays(started, 5));
    expect((await eventually(() => row(id), (r) => r.deadline !== null)).deadline?.toISOString()).toBe(state.deadline);

    // One minute before the deadline: not overdue.
    await env.sleep(Date.parse(state.deadline) - (await env.currentTimeMs()) - 60_000);
    expect((await handle.query(reviewStateQuery)).overdue).toBe(false);
    expect((await row(id)).overdue).toBe(0);

    // Past it: overdue, escalated (visible on the entry to the authority), still waiting for the decision.
    await env.sleep(120_000);
    expect((await handle.query(reviewStateQuery)).overdue).toBe(true);
    const escalated = await eventually(() => row(id), (r) => r.overdue === 1);
    expect(escalated.overdue).toBe(1);
    expect(escalated.escalatedAt).not.toBeNull();
    expect(escalated.status).toBe('SUBMITTED');
    // Issue 14: the reviewing authority was reminded one working day ahead and told of the escalation, as was the
    // department waiting for the review.
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 2, 200)).toEqual(['ESCALATION', 'REMINDER']);
    expect(await eventually(() => kindsOf('city-gaj-admin', id), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);
    expect(await kindsOf('county-authority', id)).toEqual([]);

    await handle.signal(reviewDecisionSignal, { approve: true, reviewer: 'city-authority', comment: '逾期后同意' });
    await handle.signal(reviewDecisionSignal, { approve: false, reviewer: 'someone-else', comment: 'late second decision' });
    const outcome = await handle.result();
    expect(outcome).toMatchObject({ resourceId: id, outcome: 'PUBLISHED', overdue: true });
    const final = await row(id);
    expect(final.status).toBe('PUBLISHED');
    expect(final.overdue).toBe(1); // the record of lateness stays for assessment
  }));
});
