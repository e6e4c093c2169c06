// Use records and periodic risk reports of an approved conditional applicant (003 §16, §25), and the publisher's
// suspension of its access when a report is overdue (003 §35) — through the real graph with real Keycloak tokens.
import { join } from 'node:path';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { auditDrained, codes, eventually, gql, ok, tokenOf, uniqueCode } from './support';
import { ROOT } from './stack';

const { service: openData } = require(join(ROOT, 'services/open-data/dist/server.js')) as { service: ServiceModule };
const LP_RESOURCE = '00000000-0000-4000-8000-000004206001'; // LP-BASE, owned by the city market regulator
const RECORDS = 'query($id: ID!, $first: Int!) { openDatasetRecords(id: $id, first: $first) { columns records { id } } }';
const APP = `query($id: ID!) { openDataApplication(id: $id) { id status decidedAt riskReportDue riskReportDueCalendarOfficial riskReportOverdue
  lastRiskReportAt accessSuspendedAt accessSuspendedBy accessSuspensionReason } }`;
const USE = 'mutation($input: OpenDataUseInput!) { recordOpenDataUse(input: $input) { id kind purpose outputs quantity applicant } }';
const RISK = 'mutation($input: OpenDataRiskReportInput!) { fileOpenDataRiskReport(input: $input) { id kind dataKinds quantity processing risks measures } }';
const REPORTS = 'query($id: ID!) { openDataUseReports(applicationId: $id) { id kind } }';
const SUSPEND = 'mutation($input: OpenDataAccessSuspensionInput!) { suspendOpenDataAccess(input: $input) { id accessSuspendedAt accessSuspensionReason riskReportOverdue } }';
const RESTORE = 'mutation($id: ID!) { restoreOpenDataAccess(applicationId: $id) { id accessSuspendedAt } }';

let ds: DataSource;
beforeAll(async () => { ds = await dataSourceFor(openData).initialize(); });
afterAll(async () => { await ds?.destroy(); });

const riskReport = (applicationId: string) => ({
  applicationId, dataKinds: '企业名称、住所', quantity: 5, processing: '汇总统计企业分布，未与其他数据关联', risks: '汇总结果可能被反推到单个企业',
  measures: '仅发布区县级汇总，访问日志留存两年', idempotencyKey: uniqueCode('risk'),
});

/** A conditional dataset of LP-BASE, applied for by city-public and approved by the market regulator. */
async function approvedApplication(): Promise<{ datasetId: string; applicationId: string }> {
  const d = await ok('city-scjg-admin', 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }', {
    input: { resourceId: LP_RESOURCE, name: `企业登记信息（有条件，使用报告 ${uniqueCode('U')}）`, openType: 'CONDITIONAL', formats: ['JSON'], dataType: '结构化数据', openMode: 'API', updateFrequency: 'DAILY', theme: '市场监管' },
  });
  const datasetId = d.createOpenDataset.id as string;
  await ok('city-scjg-admin', 'mutation($id: ID!) { publishOpenDataset(id: $id) { id } }', { id: datasetId });
  const year = new Date().getUTCFullYear();
  const a = await ok('city-public', 'mutation($input: OpenDataApplicationInput!) { applyForOpenData(input: $input) { id } }', {
    input: { datasetId, applicantKind: 'COMPANY', applicantName: '襄阳数据应用有限公司', demandType: '数据分析', description: '企业分布分析', domain: '经济', format: 'JSON', purpose: '区域招商分析', items: ['企业名称', '住所'], periodFrom: `${year}-01-01`, periodTo: `${year}-12-31`, idempotencyKey: uniqueCode('apply') },
  });
  const applicationId = a.applyForOpenData.id as string;
  await eventually(() => gql('city-public', APP, { id: applicationId }), (r) => !!r.data?.openDataApplication);
  await eventually(() => gql('city-public', 'query($id: ID!) { openDataApplication(id: $id) { decisionDeadline } }', { id: applicationId }), (r) => !!r.data?.openDataApplication?.decisionDeadline);
  await ok('city-scjg-admin', 'mutation($input: OpenDataDecisionInput!) { decideOpenDataApplication(input: $input) { decisionPending } }', { input: { id: applicationId, approve: true } });
  await eventually(() => gql('city-public', APP, { id: applicationId }), (r) => r.data?.openDataApplication?.status === 'APPROVED');
  return { datasetId, applicationId };
}

describe('use records and periodic risk reports of approved applicants (003 §16, §25, §35)', () => {
  let datasetId: string;
  let applicationId: string;
  beforeAll(async () => { ({ datasetId, applicationId } = await approvedApplication()); });

  test('003 §16, §25: the approved applicant records its use and files a risk report; the next report\'s due date is shown with its calendar', async () => {
    const app = (await ok('city-public', APP, { id: applicationId })).openDataApplication;
    expect(new Date(app.riskReportDue).getTime()).toBeGreaterThan(new Date(app.decidedAt).getTime());
    expect(typeof app.riskReportDueCalendarOfficial).toBe('boolean');
    expect(app.riskReportOverdue).toBe(false);

    const use = { applicationId, purpose: '区域招商分析', outputs: '各区县企业密度热力图（内部报告）', quantity: 5, idempotencyKey: uniqueCode('use') };
    const first = (await ok('city-public', USE, { input: use })).recordOpenDataUse;
    expect(first).toMatchObject({ kind: 'USE', purpose: '区域招商分析', outputs: '各区县企业密度热力图（内部报告）', quantity: 5, applicant: 'city-public' });
    expect((await ok('city-public', USE, { input: use })).recordOpenDataUse.id).toBe(first.id); // a retry is one record
    const risk = (await ok('city-public', RISK, { input: riskReport(applicationId) })).fileOpenDataRiskReport;
    expect(risk).toMatchObject({ kind: 'RISK', dataKinds: '企业名称、住所', quantity: 5 });

    const after = (await ok('city-public', APP, { id: applicationId })).openDataApplication;
    expect(after.lastRiskReportAt).toBeTruthy();
    expect(new Date(after.riskReportDue).getTime()).toBeGreaterThanOrEqual(new Date(app.riskReportDue).getTime()); // counted from the report now

    const kinds = (await ok('city-public', REPORTS, { id: applicationId })).openDataUseReports.map((r: { kind: string }) => r.kind).sort();
    expect(kinds).toEqual(['RISK', 'USE']);
    expect((await ok('city-scjg-admin', REPORTS, { id: applicationId })).openDataUseReports).toHaveLength(2); // the publisher reads them
    expect(codes(await gql('city-gaj-admin', REPORTS, { id: applicationId }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-public', REPORTS, { id: applicationId }))).toEqual(['FORBIDDEN']);
    // Only the applicant reports on its own access.
    expect(codes(await gql('county-public', RISK, { input: riskReport(applicationId) }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-public', RISK, { input: { ...riskReport(applicationId), quantity: -1 } }))).toEqual(['BAD_USER_INPUT']);
  });

  test('003 §35: a report not yet due cannot ground a suspension; once overdue the publisher suspends, the data API refuses from then on, a new report lets it restore', async () => {
    const notDue = await gql('city-scjg-admin', SUSPEND, { input: { applicationId, reason: '请报送风险评估报告' } });
    expect(codes(notDue)).toEqual(['CONFLICT']);
    expect(notDue.errors![0].message).toMatch(/due by .*(official|provisional) calendar/);
    expect((await gql('city-public', RECORDS, { id: datasetId, first: 2 })).errors).toBeUndefined();

    // Fixture: the approval and the last report were a year ago, so the next report is long past its due date.
    await ds.query(`UPDATE open_data_application SET decided_at = decided_at - INTERVAL 1 YEAR,
      last_risk_report_at = last_risk_report_at - INTERVAL 1 YEAR WHERE id = ?`, [applicationId]);
    expect((await ok('city-public', APP, { id: applicationId })).openDataApplication.riskReportOverdue).toBe(true);

    expect(codes(await gql('city-gaj-admin', SUSPEND, { input: { applicationId, reason: '越权' } }))).toEqual(['FORBIDDEN']); // not the publisher
    expect(codes(await gql('city-public', SUSPEND, { input: { applicationId, reason: '越权' } }))).toEqual(['FORBIDDEN']);
    const suspended = (await ok('city-scjg-admin', SUSPEND, { input: { applicationId, reason: '风险评估报告逾期未报送，请于5个工作日内整改' } })).suspendOpenDataAccess;
    expect(suspended.accessSuspendedAt).toBeTruthy();
    expect(suspended.accessSuspensionReason).toBe('风险评估报告逾期未报送，请于5个工作日内整改');

    // The very next call is refused, through the graph and the REST form alike.
    const refused = await gql('city-public', RECORDS, { id: datasetId, first: 2 });
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(refused.errors![0].message).toContain('003 §35');
    const rest = await fetch(`${process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '')}/open-data/api/datasets/${datasetId}/records?first=2`, {
      headers: { authorization: `Bearer ${await tokenOf('city-public')}` },
    });
    expect(rest.status).toBe(403);

    // Restoring needs the rectification reported: a risk report filed after the suspension.
    expect(codes(await gql('city-scjg-admin', RESTORE, { id: applicationId }))).toEqual(['CONFLICT']);
    await ok('city-public', RISK, { input: riskReport(applicationId) });
    expect((await ok('city-scjg-admin', RESTORE, { id: applicationId })).restoreOpenDataAccess.accessSuspendedAt).toBeNull();
    const back = await gql('city-public', RECORDS, { id: datasetId, first: 2 });
    expect(back.errors).toBeUndefined();
    expect(back.data!.openDatasetRecords.records).toHaveLength(2);

    // The applicant was told of both, in its inbox (issue 14 §4); the publisher and other users were not.
    const INBOX = 'query { myNotifications(first: 200) { edges { node { kind title resourceId } } } }';
    const access = async (who: 'city-public' | 'county-public' | 'city-scjg-admin') => ((await ok(who, INBOX)).myNotifications.edges as Array<{ node: { kind: string; title: string; resourceId: string } }>)
      .map((e) => e.node).filter((n) => n.resourceId === applicationId && n.title.includes('访问'));
    const told = await eventually(() => access('city-public'), (l) => l.length >= 2, 200);
    expect(told.map((n) => n.kind)).toEqual(['DECISION', 'DECISION']);
    expect(told.map((n) => n.title).sort()).toEqual(['开放数据访问已恢复', '开放数据访问已暂停，请整改：风险评估报告逾期未报送，请于5个工作日内整改']);
    expect(await access('county-public')).toEqual([]);
    expect(await access('city-scjg-admin')).toEqual([]);

    // Each step is on the audit chain (004 §33).
    await auditDrained();
    const audit = await ok('city-authority', 'query($f: AuditRecordFilter, $first: Int!) { auditRecords(filter: $f, first: $first) { edges { node { actor detail } } } }', {
      f: { resourceId: datasetId, action: 'UPDATE' }, first: 100,
    });
    const details = audit.auditRecords.edges.map((e: { node: { detail: string } }) => e.node.detail).join('\n');
    expect(details).toContain('access suspended');
    expect(details).toContain('access restored');
    expect(details).toContain('RISK report');
    expect(details).toContain('USE report');
  });
});
