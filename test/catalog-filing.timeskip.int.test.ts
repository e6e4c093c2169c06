// 004 §9 on the Java time-skipping test server: a recorded function change whose catalog change request is not filed
// within 15 working days is escalated (OVERDUE, counted for assessment); through the graph, filing settles it.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { chinaDate, workingDayDeadline } from '@gov/working-days';
import { catalogFilingWorkflowId, changeDayStart, changeFiledSignal, filingStateQuery, type CatalogFilingInput } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ROOT, timeSkippingEnvironment } from './stack';
import { eventually, ok } from './support';
import { entry, publishedEntry } from './catalog-helpers';

const { service: catalog } = require(join(ROOT, 'services/catalog/dist/server.js')) as { service: ServiceModule };

const PREFIX = 'timeskip-filing-';
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

const LIST = 'query($s: FunctionChangeStatus) { functionChanges(status: $s, first: 200) { totalCount edges { node { id status changeRequestId filingDeadline filingDeadlineOfficial } } } }';

test('004 §9: no change request within 15 working days of a function change escalates it (OVERDUE, visible to oversight); a late filing is recorded', async () => {
  const id = randomUUID();
  const changedOn = chinaDate(new Date());
  await ds.query(`INSERT INTO function_change (id, resource_id, department_id, region_code, basis, changed_on, description, status, recorded_by)
    VALUES (?, ?, '420600-gaj', '420600', 'FUNCTION_CHANGED', ?, '机构改革：职能划转', 'AWAITING_FILING', 'test')`, [id, randomUUID(), changedOn]);
  const row = async () => (await ds.query('SELECT status, escalated_at AS escalatedAt FROM function_change WHERE id = ?', [id]))[0];

  await withWorkers(async () => {
    const input: CatalogFilingInput = { functionChangeId: id, changedOn };
    const handle = await env.client.workflow.start('catalogFilingWorkflow', { workflowId: catalogFilingWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [input] });
    const state = await handle.query(filingStateQuery);
    expect(state.deadline).toBe(workingDayDeadline(changeDayStart(changedOn), 15).toISOString());
    await env.sleep(Date.parse(state.deadline) - (await env.currentTimeMs()) - 60_000);
    expect((await row()).status).toBe('AWAITING_FILING');
    await env.sleep(120_000);
    const escalated = await eventually(row, (r) => r.status === 'OVERDUE');
    expect(escalated.escalatedAt).not.toBeNull();
    const listed = (await ok('city-authority', LIST, { s: 'OVERDUE' })).functionChanges.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(listed).toContain(id);
    const county = (await ok('county-authority', LIST, { s: 'OVERDUE' })).functionChanges.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(county).not.toContain(id);
    await handle.signal(changeFiledSignal, { changeRequestId: 'late' });
    expect(await handle.result()).toMatchObject({ filed: true, escalated: true });
  });
});

test('004 §9: through the graph — the department records the change with its deadline; filing the change request settles it', async () => {
  const resourceId = await publishedEntry('city-gaj-admin', 'city-authority', {}, 'FC');
  const RECORD = 'mutation($input: FunctionChangeInput!) { recordFunctionChange(input: $input) { id status filingDeadline filingDeadlineOfficial } }';
  const today = chinaDate(new Date());
  const fc = (await ok('city-gaj-admin', RECORD, { input: { resourceId, basis: 'FUNCTION_CHANGED', changedOn: today, description: '职能调整' } })).recordFunctionChange;
  expect(fc.status).toBe('AWAITING_FILING');
  expect(new Date(fc.filingDeadline).toISOString()).toBe(workingDayDeadline(changeDayStart(today), 15).toISOString());
  const { code } = (await ok('city-gaj-admin', 'query($id: ID!) { dataResource(id: $id) { code } }', { id: resourceId })).dataResource;
  const cr = (await ok('city-gaj-admin', 'mutation($r: ID!, $input: ChangeRequestInput!) { requestDataResourceChange(resourceId: $r, input: $input) { id } }', {
    r: resourceId, input: { basis: 'FUNCTION_CHANGED', reason: '职能调整', effectiveDate: today, entry: { ...entry(code), name: '出生医学证明信息（职能调整）' } },
  })).requestDataResourceChange;
  const mine = (await ok('city-gaj-admin', LIST, { s: 'FILED' })).functionChanges.edges.map((e: { node: { id: string; changeRequestId: string } }) => e.node);
  expect(mine).toContainEqual(expect.objectContaining({ id: fc.id, changeRequestId: cr.id }));
});
