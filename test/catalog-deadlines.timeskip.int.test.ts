// Change-request review and demand negotiation deadlines on the Java time-skipping test server: "5 working days
// later" runs in seconds. Real activities against the run's real catalog database; no mocks.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { workingDayDeadline } from '@gov/working-days';
import {
  catalogChangeWorkflowId, changeDecisionSignal, changeStateQuery, demandEventSignal, demandStateQuery, demandWorkflowId,
  type CatalogChangeInput, type DemandInput,
} from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ROOT, timeSkippingEnvironment } from './stack';
import { eventually, gql, ok, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind resourceId } } } }';
const kindsOf = async (user: DemoUser, id: string) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
  .filter((e) => e.node.resourceId === id).map((e) => e.node.kind).sort();

// Built code, as the workers run it in production.
const { service: catalog } = require(join(ROOT, 'services/catalog/dist/server.js')) as { service: ServiceModule };

const PREFIX = 'timeskip-deadlines-';
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


async function withWorkers(fn: () => Promise<void>): Promise<void> {
  const workflowWorker = await Worker.create({
    connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
  });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}catalog`, activities: catalog.activities!({ ds } as never) });
  await workflowWorker.runUntil(activityWorker.runUntil(fn));
}

test('000 §9: an unanswered change request is escalated after its working-day deadline, then approval publishes version 2', async () => {
  const resourceId = randomUUID();
  const code = `TSC-${resourceId.slice(0, 8)}`;
  await ds.query(`INSERT INTO data_resource (id, code, name, department_id, region_code, category, share_type, open_type, sensitivity_grade, status, version, created_by)
    VALUES (?, ?, '婚姻登记信息', '420600-gaj', '420600', 'DEPARTMENT', 'UNCONDITIONAL', 'NOT_OPEN', 'MEDIUM', 'PUBLISHED', 1, 'test')`, [resourceId, code]);
  const crId = randomUUID();
  const entry = { code, name: '婚姻登记信息（变更）', category: 'DEPARTMENT', format: 'TABLE', updateCycle: 'DAILY', shareType: 'UNCONDITIONAL', openType: 'NOT_OPEN',
    notOpenReason: '个人信息', sensitivityGrade: 'MEDIUM', provisionMode: 'DISTRIBUTION_API', usageModes: ['QUERY'], items: [{ name: '登记日期', type: 'DATE', sensitive: false }] };
  await ds.query(`INSERT INTO change_request (id, resource_id, department_id, region_code, basis, reason, proposed, status, open_key, base_version, requested_by)
    VALUES (?, ?, '420600-gaj', '420600', 'LAW_REVISED', '修法', ?, 'PENDING', ?, 1, 'test')`, [crId, resourceId, JSON.stringify(entry), resourceId]);
  const row = async () => (await ds.query('SELECT status, review_overdue AS overdue, review_escalated_at AS escalatedAt, new_version AS newVersion FROM change_request WHERE id = ?', [crId]))[0];

  await withWorkers(async () => {
    const input: CatalogChangeInput = { changeRequestId: crId, resourceId, regionCode: '420600', deadlineWorkingDays: 5 };
    const handle = await env.client.workflow.start('catalogChangeWorkflow', { workflowId: catalogChangeWorkflowId(crId), taskQueue: `${PREFIX}workflows`, args: [input] });
    const started = (await handle.describe()).startTime.getTime();
    const state = await handle.query(changeStateQuery);
    expect(state.deadline).toBe(workingDayDeadline(started, 5).toISOString());
    await env.sleep(Date.parse(state.deadline) - (await env.currentTimeMs()) - 60_000);
    expect((await row()).overdue).toBe(0);
    await env.sleep(120_000);
    const escalated = await eventually(row, (r) => r.overdue === 1);
    expect(escalated).toMatchObject({ overdue: 1, status: 'PENDING' });
    expect(escalated.escalatedAt).not.toBeNull();
    // visible to the authority through the graph: the escalated (overdue) change requests of its region
    const listed = await gql('city-authority', 'query O { changeRequests(overdue: true, status: PENDING, first: 200) { edges { node { id reviewOverdue } } } }');
    expect(listed.data!.changeRequests.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(crId);
    const notCounty = await gql('county-authority', 'query O { changeRequests(overdue: true, first: 200) { edges { node { id } } } }');
    expect(notCounty.data!.changeRequests.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(crId);
    // Issue 14: the authority was reminded one working day ahead and told of the escalation, as was the department.
    expect(await eventually(() => kindsOf('city-authority', crId), (k) => k.length === 2, 200)).toEqual(['ESCALATION', 'REMINDER']);
    expect(await eventually(() => kindsOf('city-gaj-admin', crId), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);
    await handle.signal(changeDecisionSignal, { approve: true, reviewer: 'city-authority', comment: '逾期后同意' });
    expect(await handle.result()).toMatchObject({ outcome: 'APPROVED', overdue: true });
    expect(await row()).toMatchObject({ status: 'APPROVED', newVersion: 2 });
    const [r] = await ds.query('SELECT name, version FROM data_resource WHERE id = ?', [resourceId]);
    expect(r).toEqual({ name: '婚姻登记信息（变更）', version: 2 });
    const [v] = await ds.query('SELECT COUNT(*) AS n FROM resource_version WHERE resource_id = ? AND version = 2', [resourceId]);
    expect(Number(v.n)).toBe(1);
  });
});

test('000 §17: a holder that does not answer in time puts the demand before the authority; an unsettled dispute goes to the city government', async () => {
  const demandId = randomUUID();
  await ds.query(`INSERT INTO demand (id, requester_department_id, requester_region_code, holder_department_id, holder_region_code, title, description, items, status, created_by)
    VALUES (?, '420600-wjw', '420600', '420600-gaj', '420600', '出生登记', '需要户籍数据', '[]', 'OPEN', 'test')`, [demandId]);
  const row = async () => (await ds.query('SELECT status, escalation_level AS level, answer_overdue AS overdue, deadline FROM demand WHERE id = ?', [demandId]))[0];

  await withWorkers(async () => {
    const input: DemandInput = { demandId, answerWorkingDays: 5, arbitrationWorkingDays: 10 };
    const handle = await env.client.workflow.start('demandNegotiationWorkflow', { workflowId: demandWorkflowId(demandId), taskQueue: `${PREFIX}workflows`, args: [input] });
    const started = (await handle.describe()).startTime.getTime();
    const answerBy = workingDayDeadline(started, 5);
    expect((await handle.query(demandStateQuery)).deadline).toBe(answerBy.toISOString());
    expect((await eventually(row, (r) => r.deadline !== null)).deadline.toISOString()).toBe(answerBy.toISOString());

    await env.sleep(answerBy.getTime() - (await env.currentTimeMs()) - 60_000);
    expect((await row()).overdue).toBe(0);
    await env.sleep(120_000);
    expect(await eventually(row, (r) => r.overdue === 1)).toMatchObject({ overdue: 1, level: 'AUTHORITY' });
    const before = await gql('city-authority', 'query D($l: EscalationLevel) { demands(escalationLevel: $l, first: 200) { edges { node { id answerOverdue } } } }', { l: 'AUTHORITY' });
    expect(before.data!.demands.edges.map((e: { node: { id: string } }) => e.node)).toContainEqual({ id: demandId, answerOverdue: true });
    // Issue 14: the holder was reminded one working day ahead and told of the escalation, as was the authority.
    expect(await eventually(() => kindsOf('city-gaj-admin', demandId), (k) => k.length === 2, 200)).toEqual(['ESCALATION', 'REMINDER']);
    expect(await eventually(() => kindsOf('city-authority', demandId), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);

    // The holder answers late, then the sides disagree: the authority has 10 working days to settle it.
    await handle.signal(demandEventSignal, { kind: 'ANSWERED' });
    await ds.query("UPDATE demand SET status = 'ESCALATED' WHERE id = ?", [demandId]); // what the mutation writes
    await handle.signal(demandEventSignal, { kind: 'DISAGREED' });
    const arbitrating = await eventually(() => handle.query(demandStateQuery), (s) => s.stage === 'ESCALATED');
    const arbitrationBy = Date.parse(arbitrating.deadline!);
    expect(arbitrationBy).toBe(workingDayDeadline(await env.currentTimeMs(), 10).getTime());
    await env.sleep(arbitrationBy - (await env.currentTimeMs()) + 60_000);
    expect(await eventually(row, (r) => r.level === 'CITY_GOVERNMENT')).toMatchObject({ level: 'CITY_GOVERNMENT', status: 'ESCALATED' });
    expect((await handle.query(demandStateQuery)).escalation).toBe('CITY_GOVERNMENT');

    await handle.signal(demandEventSignal, { kind: 'AGREED' });
    await handle.signal(demandEventSignal, { kind: 'FULFILLED' });
    expect(await handle.result()).toMatchObject({ stage: 'FULFILLED', escalation: 'CITY_GOVERNMENT', answerOverdue: true });
  });
});
