// The project lifecycle workflow on the Java time-skipping test server: review limits in Chinese working days and the
// yearly O&M reports (001 临湘项目办法 §29) run in seconds. Real activities against the run's projects database.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { projectLifecycleWorkflowId, projectStageSignal, projectStateQuery } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { eventually, ok, type DemoUser } from './support';

const INBOX = 'query($first: Int) { myNotifications(first: $first) { edges { node { id kind title resourceId } } } }';
const kindsOf = async (user: DemoUser, id: string) => ((await ok(user, INBOX, { first: 200 })).myNotifications.edges as Array<{ node: { kind: string; resourceId: string } }>)
  .filter((e) => e.node.resourceId === id).map((e) => e.node.kind).sort();
import { ROOT, timeSkippingEnvironment } from './stack';

// Built code, as the workers run it in production.
const { service: projects } = require(join(ROOT, 'services/projects/dist/server.js')) as { service: ServiceModule };
const { lifecycleActivities } = require(join(ROOT, 'services/projects/dist/activities/lifecycle.activities.js'));
const { stepDeadline, omReportDues } = require(join(ROOT, 'services/projects/dist/domain/rules.js')) as {
  stepDeadline(from: Date, days: number): { deadline: Date; official: boolean };
  omReportDues(start: Date, years: number, days: number): Array<{ year: number; due: string }>;
};

const PREFIX = 'timeskip-projects-';
let env: TestWorkflowEnvironment;
let ds: DataSource;

beforeAll(async () => {
  env = await timeSkippingEnvironment();
  ds = await dataSourceFor(projects).initialize();
});
afterAll(async () => {
  await ds?.destroy();
  await env?.teardown();
});

async function projectIn(status: string, deadline: Date | null): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO digital_project (id, name, owner_department_id, region_code, plan_year, budget, kind, status, stage_deadline, created_by)
     VALUES (?, ?, '420600-gaj', '420600', 2030, 1000000, 'SELF_BUILT', ?, ?, 'test')`,
    [id, `期限测试项目 ${id.slice(0, 8)}`, status, deadline],
  );
  return id;
}
const row = async (id: string) => (await ds.query('SELECT status, stage_overdue AS overdue, overdue_steps AS steps FROM digital_project WHERE id = ?', [id]))[0] as { status: string; overdue: number; steps: string };
const reports = async (id: string) => (await ds.query('SELECT om_year AS year, overdue, filed_at AS filedAt FROM project_om_report WHERE project_id = ? ORDER BY om_year', [id])) as Array<{ year: number; overdue: number; filedAt: Date | null }>;

test('a technical review past its 10 working days is marked overdue (still waiting); O&M reports not filed by their due dates are marked, a filed one is not (§14, §29)', async () => {
  const workflowWorker = await Worker.create({
    connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
  });
  const activityWorker = await Worker.create({ connection: env.nativeConnection, taskQueue: `${PREFIX}projects`, activities: lifecycleActivities(ds) });

  await workflowWorker.runUntil(activityWorker.runUntil(async () => {
    const { deadline } = stepDeadline(new Date(await env.currentTimeMs()), 10);
    const id = await projectIn('TECHNICAL_REVIEW', deadline);
    const handle = await env.client.workflow.start('projectLifecycleWorkflow', {
      workflowId: projectLifecycleWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [{ projectId: id }],
    });
    await handle.signal(projectStageSignal, { stage: 'TECHNICAL_REVIEW', deadline: deadline.toISOString(), terminal: false });
    expect((await handle.query(projectStateQuery)).deadline).toBe(deadline.toISOString());

    await env.sleep(deadline.getTime() - (await env.currentTimeMs()) - 60_000);
    expect((await row(id)).overdue).toBe(0);
    await env.sleep(120_000);
    const late = await eventually(() => row(id), (r) => r.overdue === 1);
    expect(late).toMatchObject({ status: 'TECHNICAL_REVIEW', overdue: 1 });
    expect(JSON.parse(late.steps)).toEqual(['TECHNICAL_REVIEW']);
    // Issue 14: the authority (the party of the technical review) was reminded one working day ahead and told of the
    // escalation; the owner department was told of the escalation.
    expect(await eventually(() => kindsOf('city-authority', id), (k) => k.length === 2, 200)).toEqual(['ESCALATION', 'REMINDER']);
    expect(await eventually(() => kindsOf('city-gaj-admin', id), (k) => k.length === 1, 200)).toEqual(['ESCALATION']);

    // In operation: three O&M years; the owner files year 1 in time, years 2 and 3 are never filed.
    await ds.query("UPDATE digital_project SET status = 'IN_OPERATION', stage_deadline = NULL, stage_overdue = 0 WHERE id = ?", [id]);
    const dues = omReportDues(new Date(await env.currentTimeMs()), 3, 20);
    await handle.signal(projectStageSignal, { stage: 'IN_OPERATION', deadline: null, terminal: false, omReportDues: dues });
    await ds.query("INSERT INTO project_om_report (id, project_id, om_year, summary, filed_at, filed_by) VALUES (?, ?, 1, '运行平稳', NOW(3), 'test')", [randomUUID(), id]);
    await env.sleep(Date.parse(dues[2].due) - (await env.currentTimeMs()) + 60_000);
    await handle.result(); // the O&M period is over: the lifecycle ends
    expect((await reports(id)).map((r) => [r.year, r.overdue])).toEqual([[1, 0], [2, 1], [3, 1]]);
    expect(JSON.parse((await row(id)).steps)).toEqual(['TECHNICAL_REVIEW', 'OM_REPORT_2', 'OM_REPORT_3']);
    // The owner: reminded of the two reports it had not filed (not of the filed one) and told of their escalation.
    expect(await eventually(() => kindsOf('city-gaj-admin', id), (k) => k.length === 5, 200)).toEqual(['ESCALATION', 'ESCALATION', 'ESCALATION', 'REMINDER', 'REMINDER']);
  }));
});
