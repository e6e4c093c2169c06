// Issue 14: the city authority loads a year's official working-day calendar through the graph; a running share
// approval, open-data application and quality issue whose deadlines fall in that year count them again
// (provisional → official, recorded in the audit trail), and replay keeps their deadlines. The workflows run on the
// Java time-skipping test server with the real sharing, open-data and quality activities; the calendar is loaded and
// the deadlines read through the gateway with real Keycloak tokens.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import { addWorkingDays, endOfChinaDay } from '@gov/working-days';
import {
  approvalStateQuery, calendarPropagationWorkflowId, catalogReviewWorkflowId, reviewStateQuery, openDataApplicationWorkflowId, qualityIssueStateQuery, qualityIssueWorkflowId, shareApprovalWorkflowId,
  type ShareApprovalInput,
} from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { codes, eventually, gql, ok } from './support';
import { ROOT, timeSkippingEnvironment } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { approvalActivities } = require(join(ROOT, 'services/sharing/dist/activities/approval.activities.js'));
const { calendarActivities } = require(join(ROOT, 'services/sharing/dist/activities/calendar.activities.js'));
// Open data and quality hold working-day deadlines too: their activities, as their workers run them.
const { service: openDataService } = require(join(ROOT, 'services/open-data/dist/server.js')) as { service: ServiceModule };
const { applicationActivities } = require(join(ROOT, 'services/open-data/dist/activities/application.activities.js'));
const { calendarActivities: openDataCalendarActivities } = require(join(ROOT, 'services/open-data/dist/activities/calendar.activities.js'));
const { service: qualityService } = require(join(ROOT, 'services/quality/dist/server.js')) as { service: ServiceModule };
const { issueSteps } = require(join(ROOT, 'services/quality/dist/domain/issues.js'));
const { calendarActivities: qualityCalendarActivities } = require(join(ROOT, 'services/quality/dist/activities/calendar.activities.js'));
const { service: catalogService } = require(join(ROOT, 'services/catalog/dist/server.js')) as { service: ServiceModule };
const { reviewActivities } = require(join(ROOT, 'services/catalog/dist/activities/review.activities.js'));
const { calendarActivities: catalogCalendarActivities } = require(join(ROOT, 'services/catalog/dist/activities/calendar.activities.js'));

const LOAD = 'mutation($input: OfficialCalendarInput!) { loadOfficialCalendar(input: $input) { year version holidays workdays basis loadedBy } }';
const READ = 'query($y: Int!) { workingCalendar(year: $y) { year version holidays workdays } workingCalendarVersions(year: $y) { version } }';
const APP = 'query($id: ID!) { shareApplication(id: $id) { id stage stageDeadline deadline { dueAt workingDays provisional overdue calendarVersion } } }';
const OPEN_DATA_APP = 'query($id: ID!) { openDataApplication(id: $id) { id deadline { dueAt workingDays provisional overdue calendarVersion } } }';
const ISSUE = 'query($id: ID!) { qualityIssue(id: $id) { id deadlineOfficial deadline: fixDeadline { dueAt workingDays provisional overdue calendarVersion } } }';

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
  let openDataDs: DataSource;
  let qualityDs: DataSource;
  let catalogDs: DataSource;
  const PREFIX = `timeskip-calendar-${randomUUID().slice(0, 8)}-`;
  beforeAll(async () => {
    ds = await dataSourceFor(sharing).initialize();
    openDataDs = await dataSourceFor(openDataService).initialize();
    qualityDs = await dataSourceFor(qualityService).initialize();
    catalogDs = await dataSourceFor(catalogService).initialize();
    env = await timeSkippingEnvironment();
  });
  afterAll(async () => { await env?.teardown(); await ds?.destroy(); await openDataDs?.destroy(); await qualityDs?.destroy(); await catalogDs?.destroy(); });

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
    const openDataWorker = await Worker.create({
      connection: env.nativeConnection, taskQueue: `${PREFIX}open-data`, activities: { ...applicationActivities(openDataDs), ...openDataCalendarActivities(openDataDs, env.client) },
    });
    const qualityWorker = await Worker.create({
      connection: env.nativeConnection, taskQueue: `${PREFIX}quality`, activities: { ...issueSteps(qualityDs), ...qualityCalendarActivities(qualityDs, env.client) },
    });
    const catalogWorker = await Worker.create({
      connection: env.nativeConnection, taskQueue: `${PREFIX}catalog`, activities: { ...reviewActivities(catalogDs), ...catalogCalendarActivities(catalogDs, env.client) },
    });
    // Beside the share approval: an open-data application (7 working days), a quality issue (3) and a catalog review (5)
    // opened the same day.
    const odId = randomUUID();
    await openDataDs.query(
      `INSERT INTO open_data_application (id, dataset_id, publisher_department_id, region_code, applicant_sub, applicant, applicant_kind, applicant_name,
         demand_type, description, domain, format, purpose, period_from, period_to, status, idempotency_key)
       VALUES (?, '00000000-0000-4000-8000-0000000d0004', '420600-scjg', '420600', 'sub-test', 'city-public', 'COMPANY', '襄阳测试科技有限公司',
         '数据分析', '食品经营许可数据用于选址分析', '市场监管', 'JSON', '商业选址研究', '2027-01-01', '2027-12-31', 'SUBMITTED', ?)`, [odId, randomUUID()]);
    const issueId = randomUUID();
    await qualityDs.query(
      `INSERT INTO quality_issue (id, resource_id, department_id, region_code, source, reporter_department_id, description, status, opened_at, created_by, working_days)
       VALUES (?, '00000000-0000-4000-8000-000004206000', '420600-gaj', '420600', 'INSPECTION', NULL, '日历重算测试', 'OPEN', CURRENT_TIMESTAMP(3), 'test', 3)`, [issueId]);
    const resId = randomUUID();
    await catalogDs.query(
      `INSERT INTO data_resource (id, code, name, department_id, region_code, category, share_type, open_type, sensitivity_grade, status, submission_count, created_by)
       VALUES (?, ?, '日历重算测试目录', '420600-gaj', '420600', 'DEPARTMENT', 'UNCONDITIONAL', 'NOT_OPEN', 'MEDIUM', 'SUBMITTED', 1, 'test')`, [resId, `TSCAL-${resId.slice(0, 8)}`]);
    const review = async () => (await catalogDs.query('SELECT review_deadline AS d, review_calendar AS c FROM data_resource WHERE id = ?', [resId]))[0] as { d: Date | null; c: string | null };
    await workflowWorker.runUntil(activityWorker.runUntil(openDataWorker.runUntil(qualityWorker.runUntil(catalogWorker.runUntil(async () => {
      const handle = await env.client.workflow.start('shareApprovalWorkflow', { workflowId: shareApprovalWorkflowId(id), taskQueue: `${PREFIX}workflows`, args: [input] });
      const odHandle = await env.client.workflow.start('openDataApplicationWorkflow', { workflowId: openDataApplicationWorkflowId(odId), taskQueue: `${PREFIX}workflows`, args: [{ applicationId: odId }] });
      const reviewHandle = await env.client.workflow.start('catalogReviewWorkflow', {
        workflowId: catalogReviewWorkflowId(resId, 1), taskQueue: `${PREFIX}workflows`,
        args: [{ resourceId: resId, resourceCode: 'TSCAL', departmentId: '420600-gaj', regionCode: '420600', submittedBy: 'test', deadlineWorkingDays: 5 }],
      });
      const issueHandle = await env.client.workflow.start('qualityIssueWorkflow', { workflowId: qualityIssueWorkflowId(issueId), taskQueue: `${PREFIX}workflows`, args: [{ issueId, workingDays: 3 }] });
      const startDay = new Date((await handle.describe()).startTime.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
      expect(startDay).toBe('2027-02-03');
      // Statutory only: 除夕 2-5, 初一..初三 2-6..2-8 off → Thu 2-4, Tue 2-9 .. Fri 2-12.
      const provisional = endOfChinaDay('2027-02-12');
      const first = await eventually(() => gql('city-gaj-approver', APP, { id }), (r) => !!r.data?.shareApplication?.deadline, 150);
      expect(first.data!.shareApplication.deadline).toEqual({
        dueAt: provisional.toISOString(), workingDays: 5, provisional: true, overdue: false, calendarVersion: 'statutory:2027',
      });
      // Statutory only: 7 working days → Tue 2-16; 3 → Wed 2-10.
      const od0 = await eventually(() => gql('city-authority', OPEN_DATA_APP, { id: odId }), (r) => !!r.data?.openDataApplication?.deadline, 150);
      expect(od0.data!.openDataApplication.deadline).toEqual({
        dueAt: endOfChinaDay('2027-02-16').toISOString(), workingDays: 7, provisional: true, overdue: false, calendarVersion: 'statutory:2027',
      });
      expect(await eventually(review, (r) => r.d !== null, 150)).toEqual({ d: provisional, c: 'statutory:2027' }); // 5 days, as the approval
      const issue0 = await eventually(() => gql('city-authority', ISSUE, { id: issueId }), (r) => !!r.data?.qualityIssue?.deadline, 150);
      expect(issue0.data!.qualityIssue).toMatchObject({
        deadlineOfficial: false, deadline: { dueAt: endOfChinaDay('2027-02-10').toISOString(), workingDays: 3, provisional: true, calendarVersion: 'statutory:2027' },
      });

      const loaded = (await ok('city-authority', LOAD, { input: Y2027 })).loadOfficialCalendar;
      const official = endOfChinaDay(addWorkingDays('2027-02-03', 5, [{ ...Y2027, version: loaded.version }]));
      expect(official.toISOString()).toBe(endOfChinaDay('2027-02-17').toISOString()); // Thu 2-4, Sun 2-14 (worked), 2-15 .. 2-17
      // The propagation the catalog starts, run here on the time-skipping server against this run's sharing rows.
      const propagated = await env.client.workflow.execute('calendarPropagationWorkflow', {
        workflowId: `${PREFIX}${calendarPropagationWorkflowId(2027, loaded.version)}`, taskQueue: `${PREFIX}workflows`, args: [{ year: 2027, version: loaded.version }],
      });
      expect(propagated.sharing).toBeGreaterThanOrEqual(1);
      expect(propagated.openData).toBeGreaterThanOrEqual(1);
      expect(propagated.quality).toBeGreaterThanOrEqual(1);
      expect(propagated.catalog).toBeGreaterThanOrEqual(1);

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

      // The open-data application and the quality issue: counted again on the loaded calendar, no longer provisional.
      const cal = [{ ...Y2027, version: loaded.version }];
      const odOfficial = endOfChinaDay(addWorkingDays('2027-02-03', 7, cal)); // Thu 2-4, Sun 2-14, 2-15 .. 2-19
      const od1 = await eventually(() => gql('city-authority', OPEN_DATA_APP, { id: odId }), (r) => r.data?.openDataApplication?.deadline?.provisional === false, 150);
      expect(od1.data!.openDataApplication.deadline).toEqual({
        dueAt: odOfficial.toISOString(), workingDays: 7, provisional: false, overdue: false, calendarVersion: `official:2027#${loaded.version}`,
      });
      const issueOfficial = endOfChinaDay(addWorkingDays('2027-02-03', 3, cal)); // Thu 2-4, Sun 2-14, Mon 2-15
      const issue1 = await eventually(() => gql('city-authority', ISSUE, { id: issueId }), (r) => r.data?.qualityIssue?.deadline?.provisional === false, 150);
      expect(issue1.data!.qualityIssue).toMatchObject({
        deadlineOfficial: true, deadline: { dueAt: issueOfficial.toISOString(), workingDays: 3, provisional: false, calendarVersion: `official:2027#${loaded.version}` },
      });
      expect((await issueHandle.query(qualityIssueStateQuery)).deadline).toBe(issueOfficial.toISOString());
      expect(await eventually(review, (r) => r.c !== 'statutory:2027', 150)).toEqual({ d: official, c: `official:2027#${loaded.version}` });
      expect((await reviewHandle.query(reviewStateQuery)).deadline).toBe(official.toISOString());
      // Each recount is in its process's audit trail, once.
      // (Quality's request ids are its issue and the detail's start, cut to the chain's 64 characters.)
      for (const requestId of [`open-data-application-${odId}`, `quality-issue-${issueId}-round 1 deadline rec`.slice(0, 64)]) {
        const t = await eventually(() => ok('city-authority', AUDIT, { f: { requestId }, first: 20 }),
          (r) => r.auditRecords.edges.some((e: { node: { detail: string } }) => /recounted on official:2027/.test(e.node.detail)), 100);
        expect(t.auditRecords.edges.filter((e: { node: { detail: string } }) => /recounted on official:2027/.test(e.node.detail))).toHaveLength(1);
      }

      // Replayed from its history the workflow takes the same steps: the calendars came from a recorded activity result.
      const workflowsPath = require.resolve(join(ROOT, 'workflows/dist/workflows.js'));
      await Worker.runReplayHistory({ workflowsPath }, await handle.fetchHistory(), shareApprovalWorkflowId(id));
      await Worker.runReplayHistory({ workflowsPath }, await odHandle.fetchHistory(), openDataApplicationWorkflowId(odId));
      await Worker.runReplayHistory({ workflowsPath }, await issueHandle.fetchHistory(), qualityIssueWorkflowId(issueId));
      await Worker.runReplayHistory({ workflowsPath }, await reviewHandle.fetchHistory(), catalogReviewWorkflowId(resId, 1));
      await handle.terminate('test over');
      await odHandle.terminate('test over');
      await issueHandle.terminate('test over');
      await reviewHandle.terminate('test over');
    })))));
  }, 180_000);
});
