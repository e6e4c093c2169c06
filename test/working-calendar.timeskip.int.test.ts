// Issue 14: the city authority loads a year's official working-day calendar through the graph; a running share
// approval whose deadline falls in that year counts it again (provisional → official), and replay keeps its deadlines.
// The approval runs on the Java time-skipping test server with the real sharing activities; the calendar is loaded and
// read through the gateway with real Keycloak tokens.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { addWorkingDays, endOfChinaDay } from '@gov/working-days';
import { approvalStateQuery, calendarPropagationWorkflowId, shareApprovalWorkflowId, type ShareApprovalInput } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { codes, eventually, gql, ok } from './support';
import { ROOT, timeSkippingEnvironment } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { approvalActivities } = require(join(ROOT, 'services/sharing/dist/activities/approval.activities.js'));
const { calendarActivities } = require(join(ROOT, 'services/sharing/dist/activities/calendar.activities.js'));

const LOAD = 'mutation($input: OfficialCalendarInput!) { loadOfficialCalendar(input: $input) { year version holidays workdays basis loadedBy } }';
const READ = 'query($y: Int!) { workingCalendar(year: $y) { year version holidays workdays } workingCalendarVersions(year: $y) { version } }';
const APP = 'query($id: ID!) { shareApplication(id: $id) { id stage stageDeadline deadline { dueAt workingDays provisional overdue calendarVersion } } }';

const AUDIT = 'query($f: AuditRecordFilter, $first: Int!) { auditRecords(filter: $f, first: $first) { edges { node { action detail } } } }';

const days = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

describe('calendar administration through the graph', () => {
  // A year no other suite counts deadlines in.
  const input = (over: Record<string, unknown> = {}) => ({ year: 2031, holidays: ['2031-01-01', '2031-10-01'], workdays: ['2031-09-28'], basis: '测试：2031年部分节假日安排', ...over });

  test('only the city authority loads a calendar; a county authority uses the city\'s; a department admin may not', async () => {
    expect(codes(await gql('county-authority', LOAD, { input: input() }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-admin', LOAD, { input: input() }))).toEqual(['FORBIDDEN']);
  });

  test('bad dates are refused naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ holidays: ['2031-01-01', '2031-02-30'] }, 'input.holidays[1]'],
      [{ holidays: ['2030-12-31'] }, 'input.holidays[0]'],
      [{ workdays: ['2031-09-29'] }, 'input.workdays[0]'], // a Monday: a make-up working day is a weekend day
      [{ workdays: ['2031-10-04', '2031-09-28'], holidays: ['2031-10-04'] }, 'input.workdays[0]'],
    ];
    for (const [over, field] of cases) {
      const res = await gql('city-authority', LOAD, { input: input(over) });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors?.[0].extensions?.field).toBe(field);
    }
    const malformed = await gql('city-authority', LOAD, { input: input({ holidays: ['1/1/2031'] }) });
    expect(codes(malformed)).toEqual(['BAD_USER_INPUT']);
  });

  test('versioned: the same days again change nothing, a correction is a new version; anyone reads the one in force', async () => {
    const first = (await ok('city-authority', LOAD, { input: input() })).loadOfficialCalendar;
    expect(first).toMatchObject({ year: 2031, holidays: ['2031-01-01', '2031-10-01'], workdays: ['2031-09-28'], loadedBy: expect.any(String) });
    const again = (await ok('city-authority', LOAD, { input: input() })).loadOfficialCalendar;
    expect(again.version).toBe(first.version);
    const corrected = (await ok('city-authority', LOAD, { input: input({ holidays: ['2031-01-01', '2031-10-01', '2031-10-02'] }) })).loadOfficialCalendar;
    expect(corrected.version).toBe(first.version + 1);
    const read = await gql(null, READ, { y: 2031 });
    expect(read.errors).toBeUndefined();
    expect(read.data!.workingCalendar).toMatchObject({ version: corrected.version, holidays: ['2031-01-01', '2031-10-01', '2031-10-02'] });
    expect(read.data!.workingCalendarVersions.map((v: { version: number }) => v.version)).toEqual([corrected.version, first.version]);
    expect((await gql('county-gaj-admin', READ, { y: 2032 })).data!.workingCalendar).toBeNull();
  });
});

describe('a running approval counts its deadline again when the year\'s official calendar is loaded', () => {
  let env: TestWorkflowEnvironment;
  let ds: DataSource;
  const PREFIX = `timeskip-calendar-${randomUUID().slice(0, 8)}-`;
  beforeAll(async () => { ds = await dataSourceFor(sharing).initialize(); env = await timeSkippingEnvironment(); });
  afterAll(async () => { await env?.teardown(); await ds?.destroy(); });

  // A plausible 2027 schedule: 元旦 1-1..1-3; 春节 2-5..2-13 with 2-14 (Sun) worked; 国庆 10-1..10-7 with 9-26 and 10-9 worked.
  const Y2027 = {
    year: 2027, holidays: [...days('2027-01-01', '2027-01-03'), ...days('2027-02-05', '2027-02-13'), ...days('2027-10-01', '2027-10-07')],
    workdays: ['2027-02-14', '2027-09-26', '2027-10-09'], basis: '测试：国务院办公厅关于2027年部分节假日安排的通知',
  };

  test('provisional 2027 deadline (statutory holidays only) → loaded calendar → recounted, official, audited; replay keeps it', async () => {
    const id = randomUUID();
    await ds.query(
      `INSERT INTO share_application (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, region_code,
         requested_items, scenario, purpose, usage_mode, period_from, period_to, status, created_by, submitted_at)
       VALUES (?, '00000000-0000-4000-8000-000004206000', '420600-gaj', '420600', '420600-wjw', '420600', '["姓名"]', '出生医学证明办理', '核验', 'VERIFY',
         '2027-01-01', '2027-12-31', 'SUBMITTED', 'test', CURRENT_TIMESTAMP(3))`, [id]);
    const input: ShareApprovalInput = { applicationId: id, consumerRegionCode: '420600', providerRegionCode: '420600', wholeAuthorisation: false };

    // The clock to Wednesday 2027-02-03, 10:00 Beijing: the provider's 5 working days run across the Spring Festival.
    await env.sleep(Math.max(0, Date.UTC(2027, 1, 3, 2) - (await env.currentTimeMs())));
    const workflowWorker = await Worker.create({
      connection: env.nativeConnection, taskQueue: `${PREFIX}workflows`, workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')),
    });
    const activityWorker = await Worker.create({
      connection: env.nativeConnection, taskQueue: `${PREFIX}sharing`, activities: { ...approvalActivities(ds), ...calendarActivities(ds, env.client) },
    });
    await workflowWorker.runUntil(activityWorker.runUntil(async () => {
      const handle = await env.client.workflow.start('shareApprovalWorkflow', { workflowId: shareApprovalWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [input] });
      const startDay = new Date((await handle.describe()).startTime.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      expect(startDay).toBe('2027-02-03');
      // Statutory only: 除夕 2-5, 初一..初三 2-6..2-8 off → Thu 2-4, Tue 2-9 .. Fri 2-12.
      const provisional = endOfChinaDay('2027-02-12');
      const first = await eventually(() => gql('city-gaj-approver', APP, { id }), (r) => !!r.data?.shareApplication?.deadline, 150);
      expect(first.data!.shareApplication.deadline).toEqual({
        dueAt: provisional.toISOString(), workingDays: 5, provisional: true, overdue: false, calendarVersion: 'statutory:2027',
      });

      const loaded = (await ok('city-authority', LOAD, { input: Y2027 })).loadOfficialCalendar;
      const official = endOfChinaDay(addWorkingDays('2027-02-03', 5, [{ ...Y2027, version: loaded.version }]));
      expect(official.toISOString()).toBe(endOfChinaDay('2027-02-17').toISOString()); // Thu 2-4, Sun 2-14 (worked), 2-15 .. 2-17
      // The propagation the catalog starts, run here on the time-skipping server against this run's sharing rows.
      const propagated = await env.client.workflow.execute('calendarPropagationWorkflow', {
        workflowId: `${PREFIX}${calendarPropagationWorkflowId(2027, loaded.version)}`, taskQueue: `${PREFIX}workflows`, args: [{ year: 2027, version: loaded.version }],
      });
      expect(propagated.sharing).toBeGreaterThanOrEqual(1);

      const after = await eventually(() => gql('city-gaj-approver', APP, { id }), (r) => r.data?.shareApplication?.deadline?.provisional === false, 150);
      expect(after.data!.shareApplication).toMatchObject({
        stage: 'PROVIDER_REVIEW', stageDeadline: official.toISOString(),
        deadline: { dueAt: official.toISOString(), workingDays: 5, provisional: false, overdue: false, calendarVersion: `official:2027#${loaded.version}` },
      });
      const state = await handle.query(approvalStateQuery);
      expect(state).toMatchObject({ stage: 'PROVIDER_REVIEW', deadline: official.toISOString(), calendarVersion: `official:2027#${loaded.version}` });

      // The recount is in the audit trail of the application (security's chain), once.
      const trail = await eventually(() => ok('city-authority', AUDIT, { f: { requestId: `share-application-${id}` }, first: 20 }),
        (r) => r.auditRecords.edges.some((e: { node: { detail: string } }) => /recounted/.test(e.node.detail)), 100);
      expect(trail.auditRecords.edges.filter((e: { node: { detail: string } }) => /recounted on official:2027/.test(e.node.detail))).toHaveLength(1);

      // Replayed from its history the workflow takes the same steps: the calendars came from a recorded activity result.
      await Worker.runReplayHistory({ workflowsPath: require.resolve(join(ROOT, 'workflows/dist/workflows.js')) }, await handle.fetchHistory(), shareApprovalWorkflowId(id));
      await handle.terminate('test over');
    }));
  }, 180_000);
});
