// Issue 15: every default indicator is computed by the subgraph that owns it, from what departments did, with the
// evidence — deliveries on time (sharing), incidents (security), open datasets, their downloads and complaints answered
// in 10 working days (open data), updated on cycle and objections (quality) — and each source is asked once per run
// for all the departments of the region (service-only batch queries), through the gateway with real Keycloak tokens.
import { join } from 'node:path';
import { dataSourceFor, graphqlRequest, type ServiceModule } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { codes, eventually, gatewayUrl, gql, ok, serviceToken, uniqueCode } from './support';
import { ROOT } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { service: openData } = require(join(ROOT, 'services/open-data/dist/server.js')) as { service: ServiceModule };

const COUNTY = '420683';
const PERIOD = `00000000-0000-4000-a000-000000${COUNTY}`; // the seeded 2026年度 period of the county
const resourceOf = (region: string, index: number) => `00000000-0000-4000-8000-${(region + String(index)).padStart(12, '0')}`;
const POP = resourceOf(COUNTY, 0); // CONDITIONAL, provider 420683-gaj
const LP = resourceOf(COUNTY, 1); // legal persons, 420683-scjg
const GAJ = `${COUNTY}-gaj`, SCJG = `${COUNTY}-scjg`, ZRZY = `${COUNTY}-zrzy`;

const RUN = 'mutation($p: ID!, $k: String) { runAssessment(periodId: $p, idempotencyKey: $k) { id status } }';
const READ_RUN = 'query($id: ID!) { assessmentRun(id: $id) { status failure results { departmentId total rank scores { key available value numerator denominator evidence } } } }';
const DECIDE = 'mutation($id: ID!, $stage: ApprovalStage!, $approve: Boolean!) { decideShareApplication(id: $id, stage: $stage, approve: $approve) { id status } }';
const FACTS = (field: string) => `query($d: [ID!]!, $from: String!, $to: String!) { ${field}(departmentIds: $d, from: $from, to: $to) { departmentId key numerator denominator value evidence } }`;

interface Score { key: string; available: boolean; value: number | null; numerator: number | null; denominator: number | null; evidence: string[] }
interface Result { departmentId: string; total: number; rank: number; scores: Score[] }

let sharingDb: DataSource, openDb: DataSource;
beforeAll(async () => { sharingDb = await dataSourceFor(sharing).initialize(); openDb = await dataSourceFor(openData).initialize(); });
afterAll(async () => { await sharingDb?.destroy(); await openDb?.destroy(); });

/** The whole 000 §17 path in the county: the consumer applies, the provider accepts, the operator files, the provider delivers. */
async function deliveredApplication(): Promise<string> {
  const input = { resourceId: POP, requestedItems: ['姓名', '公民身份号码'], scenario: '考核交付测试', purpose: '考核交付测试', usageMode: 'VERIFY', periodFrom: '2026-01-01', periodTo: '2026-12-31', idempotencyKey: uniqueCode('k') };
  const id = (await ok('county-wjw-user', 'mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { id } }', { input })).createShareApplication.id as string;
  await ok('county-wjw-user', 'mutation($id: ID!) { submitShareApplication(id: $id) { id } }', { id });
  // Each step is decided once the workflow has opened it (a decision answers `pending` until the workflow applies it).
  const opened = (stage: string) => eventually(async () => (await sharingDb.query('SELECT stage FROM share_application WHERE id = ?', [id]))[0].stage as string | null, (s) => s === stage, 150);
  await opened('PROVIDER_REVIEW');
  await ok('county-gaj-approver', DECIDE, { id, stage: 'PROVIDER_REVIEW', approve: true });
  await opened('FILING');
  await ok('county-operator', DECIDE, { id, stage: 'FILING', approve: true });
  await opened('DELIVERY');
  await ok('county-gaj-admin', DECIDE, { id, stage: 'DELIVERY', approve: true });
  await eventually(async () => (await sharingDb.query('SELECT decisions FROM share_application WHERE id = ?', [id]))[0].decisions as string | object,
    (d) => JSON.stringify(d).includes('DELIVERY'));
  return id;
}

async function runCounty(): Promise<Result[]> {
  const started = (await ok('county-authority', RUN, { p: PERIOD, k: uniqueCode('facts') })).runAssessment;
  const done = await eventually(async () => (await ok('county-assessor', READ_RUN, { id: started.id })).assessmentRun, (r) => r.status !== 'RUNNING', 300, 200);
  expect({ status: done.status, failure: done.failure }).toEqual({ status: 'COMPLETED', failure: null });
  return done.results as Result[];
}
const scoreOf = (results: Result[], dept: string, key: string) => results.find((r) => r.departmentId === dept)!.scores.find((s) => s.key === key)!;

describe('assessment facts from their owners', () => {
  test('000 §17, §24, §28; 003 §17, §37: deliveries, incidents, open datasets, downloads and late complaints show in the run with their evidence', async () => {
    // Sharing: one delivery in time; another whose filing we date back a month, so its delivery came long after 1 working day.
    const onTime = await deliveredApplication();
    const late = await deliveredApplication();
    const [row] = await sharingDb.query('SELECT decisions FROM share_application WHERE id = ?', [late]);
    const decisions = (typeof row.decisions === 'string' ? JSON.parse(row.decisions) : row.decisions) as Array<{ stage: string; at: string }>;
    const filed = decisions.find((d) => d.stage === 'FILING')!;
    filed.at = '2026-01-05T02:00:00.000Z'; // fixture: one working day cannot be made to pass here
    await sharingDb.query('UPDATE share_application SET decisions = ? WHERE id = ?', [JSON.stringify(decisions), late]);

    // Security: an incident where it happened (county gaj).
    const incident = (await ok('county-gaj-admin', 'mutation($input: ReportIncidentInput!) { reportSecurityIncident(input: $input) { id } }',
      { input: { title: '考核测试事件', description: '测试账号越权查询', severity: 'LOW', emergencyPlan: '一般事件处置流程' } })).reportSecurityIncident.id as string;

    // Open data: scjg opens a dataset, it is downloaded twice; one complaint answered, one left past its 10 working days.
    const dataset = (await ok('county-scjg-admin', 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }', {
      input: { resourceId: LP, name: `企业登记信息（考核测试 ${uniqueCode('d')}）`, openType: 'UNCONDITIONAL', formats: ['CSV'], dataType: '结构化数据', openMode: 'DOWNLOAD', updateFrequency: 'DAILY', theme: '市场监管' },
    })).createOpenDataset.id as string;
    await ok('county-scjg-admin', 'mutation($id: ID!) { publishOpenDataset(id: $id) { id } }', { id: dataset });
    const csv = `${process.env.SUBGRAPH_URL_OPEN_DATA!.replace(/\/graphql$/, '')}/open-data/datasets/${dataset}/download?format=csv`;
    for (let i = 0; i < 2; i++) expect((await fetch(csv)).status).toBe(200);
    const COMPLAIN = 'mutation($input: OpenDataCaseInput!) { complainAboutOpenDataset(input: $input) { id } }';
    const complaint = (category: string) => ({ input: { datasetId: dataset, category, description: '考核测试投诉', evidence: [], idempotencyKey: uniqueCode('c') } });
    const answered = (await ok('county-public', COMPLAIN, complaint('PRIVACY'))).complainAboutOpenDataset.id as string;
    const overdue = (await ok('county-public', COMPLAIN, complaint('TRADE_SECRET'))).complainAboutOpenDataset.id as string;
    for (const id of [answered, overdue]) {
      await eventually(() => ok('county-public', 'query($id: ID!) { openDataCase(id: $id) { answerDeadline } }', { id }), (r) => !!r.openDataCase.answerDeadline);
    }
    await ok('county-scjg-admin', 'mutation($input: OpenDataCaseAnswerInput!) { answerOpenDataCase(input: $input) { id } }', { input: { id: answered, answer: '经核实不涉及商业秘密，继续开放', outcome: 'RESTORE' } });
    // Fixture: the second complaint's 10 working days ran out (the escalation is the open-data workflow's, tested there).
    await openDb.query("UPDATE open_data_case SET answer_deadline = '2026-01-20 15:59:59.999', overdue = 1 WHERE id = ?", [overdue]);

    // Each source answers for a whole region's departments in one service-only call; a person is refused.
    const svc = await serviceToken('svc-platform');
    const vars = { d: [GAJ, SCJG, ZRZY], from: '2026-01-01', to: '2026-12-31' };
    const sec = await graphqlRequest<{ securityFacts: Array<Score & { departmentId: string }> }>(gatewayUrl(), FACTS('securityFacts'), vars, svc);
    expect(sec.errors).toBeUndefined();
    expect(sec.data!.securityFacts.map((f) => f.departmentId)).toEqual([GAJ, SCJG, ZRZY]);
    expect(sec.data!.securityFacts[0].evidence.join('\n')).toContain(incident);
    for (const field of ['catalogIndicators', 'sharingIndicators', 'qualityFacts', 'openDataFacts', 'projectFacts']) {
      const res = await graphqlRequest<Record<string, Array<{ departmentId: string }>>>(gatewayUrl(), FACTS(field), vars, svc);
      expect({ field, errors: res.errors }).toEqual({ field, errors: undefined });
      expect(new Set(res.data![field].map((f) => f.departmentId))).toEqual(new Set([GAJ, SCJG, ZRZY]));
      expect(codes(await gql('county-authority', FACTS(field), vars))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await gql(null, FACTS('openDataFacts'), { ...vars, d: ['not a department'] }))).toEqual(['UNAUTHENTICATED']);
    const bad = await graphqlRequest(gatewayUrl(), FACTS('openDataFacts'), { ...vars, d: ['not a department'] }, svc);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);

    const results = await runCounty();
    for (const r of results) expect(r.scores.filter((s) => !s.available).map((s) => s.key)).toEqual([]);

    const delivered = scoreOf(results, GAJ, 'sharing.deliveredOnTime');
    expect(delivered.evidence.join('\n')).toContain(late);
    expect(delivered.evidence.join('\n')).not.toContain(onTime);
    expect(delivered.denominator).toBeGreaterThanOrEqual(2);
    expect(delivered.value).toBeCloseTo(delivered.numerator! / delivered.denominator!, 10);
    expect(delivered.value).toBeLessThan(1);

    const incidents = scoreOf(results, GAJ, 'security.incidents');
    expect(incidents.value).toBeGreaterThanOrEqual(1);
    expect(incidents.evidence.join('\n')).toContain(incident);
    expect(scoreOf(results, ZRZY, 'security.incidents').evidence.join('\n')).not.toContain(incident);

    expect(scoreOf(results, SCJG, 'openData.datasets').value).toBeGreaterThanOrEqual(1);
    expect(scoreOf(results, SCJG, 'openData.calls').value).toBeGreaterThanOrEqual(2);
    expect(scoreOf(results, SCJG, 'openData.use').evidence.join('\n')).not.toContain(dataset); // downloaded: not among the unused
    const feedback = scoreOf(results, SCJG, 'openData.feedbackOnTime');
    expect(feedback.evidence.join('\n')).toContain(overdue);
    expect(feedback.evidence.join('\n')).not.toContain(answered);
    expect(feedback.denominator).toBeGreaterThanOrEqual(2);
    expect(feedback.value).toBeLessThan(1);
    for (const key of ['quality.updatedOnCycle', 'quality.objectionsHandled', 'projects.postEvaluation']) expect(scoreOf(results, GAJ, key).available).toBe(true);
  });
});
