// Assessment computed from what departments did (issue 15), through the gateway with real Keycloak tokens: the run
// collects each subgraph's facts (service-only queries), normalises, weights, totals and ranks within the region as a
// Temporal workflow; versions are immutable; the authority publishes one; departments see their own only afterwards.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { codes, eventually, gql, ok, uniqueCode } from './support';
import { ROOT } from './stack';
// The library itself, not its index (which reads a sample file when it has no parent module).
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (b: Buffer) => Promise<{ text: string }>;

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };

const CITY = '420600', COUNTY = '420683';
const periodOf = (region: string) => `00000000-0000-4000-a000-000000${region}`; // seeded 2026年度 periods
const resourceOf = (region: string, index: number) => `00000000-0000-4000-8000-${(region + String(index)).padStart(12, '0')}`;
const POP = resourceOf(COUNTY, 0); // CONDITIONAL, provider 420683-gaj
const GEO = resourceOf(COUNTY, 2); // CONDITIONAL, provider 420683-zrzy

const SCORE = 'key name source available value numerator denominator normalised weight score evidence';
const RUN_FIELDS = `id version status regionCode publishedAt durationMs results { departmentId departmentName regionCode total rank scores { ${SCORE} } }`;
const RUN = `mutation($p: ID!, $k: String) { runAssessment(periodId: $p, idempotencyKey: $k) { id version status } }`;
const READ_RUN = `query($id: ID!) { assessmentRun(id: $id) { ${RUN_FIELDS} } }`;
const PUBLISH = 'mutation($id: ID!) { publishAssessmentRun(id: $id) { id publishedAt } }';
const INDICATORS = 'query($p: ID!) { assessmentIndicators(periodId: $p) { key name weight unit direction source available basis } }';
const SET_INDICATOR = `mutation($p: ID!, $input: AssessmentIndicatorInput!) { setAssessmentIndicator(periodId: $p, input: $input) { key weight } }`;
const PUBLISHED = `query($p: ID!, $d: ID!) { publishedAssessmentResult(periodId: $p, departmentId: $d) { published version result { departmentId total rank scores { key score } } } }`;
const EXPORT = 'mutation($id: ID!) { exportAssessmentRun(id: $id) { filename content } }';
const CREATE_APP = 'mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { id } }';
const SUBMIT_APP = 'mutation($id: ID!) { submitShareApplication(id: $id) { id status } }';

interface Score { key: string; name: string; available: boolean; value: number | null; numerator: number | null; denominator: number | null; normalised: number; weight: number; score: number; evidence: string[] }
interface Result { departmentId: string; departmentName: string; regionCode: string; total: number; rank: number; scores: Score[] }
interface Run { id: string; version: number; status: string; regionCode: string; publishedAt: string | null; results: Result[] }

let ds: DataSource;
beforeAll(async () => { ds = await dataSourceFor(sharing).initialize(); });
afterAll(async () => { await ds?.destroy(); });

async function runAndWait(region: string): Promise<Run> {
  const started = (await ok(`${region === CITY ? 'city' : 'county'}-authority`, RUN, { p: periodOf(region), k: uniqueCode('run') })).runAssessment;
  expect(started.status).toBe('RUNNING');
  const done = await eventually(async () => (await ok('city-assessor', READ_RUN, { id: started.id })).assessmentRun as Run, (r) => r.status !== 'RUNNING', 300, 200);
  expect(done.status).toBe('COMPLETED');
  expect((done as Run & { durationMs: number }).durationMs).toBeGreaterThanOrEqual(0);
  // Reported in the closing note: collection + scoring time of one region's run.
  console.log(`assessment run ${region} v${done.version}: ${done.results.length} departments, ${(done as Run & { durationMs: number }).durationMs} ms`);
  return done;
}

async function submittedApplication(resourceId: string, items: string[]): Promise<string> {
  const input = { resourceId, requestedItems: items, scenario: '考核测试场景', purpose: '考核测试', usageMode: 'VERIFY', periodFrom: '2026-01-01', periodTo: '2026-12-31', idempotencyKey: uniqueCode('k') };
  const id = (await ok('county-wjw-user', CREATE_APP, { input })).createShareApplication.id as string;
  await ok('county-wjw-user', SUBMIT_APP, { id });
  return id;
}

const scoreOf = (r: Result, key: string) => r.scores.find((s) => s.key === key)!;
const round2 = (x: number) => Math.round(x * 100) / 100;

describe('assessment runs', () => {
  test('000 §28: two departments with different sharing behaviour get the values, totals and ranks the weights say, with evidence', async () => {
    const late = await submittedApplication(POP, ['姓名', '公民身份号码']);
    await submittedApplication(GEO, ['宗地编号', '坐落']);
    // Fixture: the step limit of gaj's application has run out and the workflow escalated it (the escalation itself is
    // proven on the time-skipping server in sharing-approval.timeskip.int.test.ts; 5 working days cannot pass here).
    await ds.query('UPDATE share_application SET overdue = 1, escalated_at = CURRENT_TIMESTAMP(3) WHERE id = ?', [late]);

    const defs = (await ok('county-assessor', INDICATORS, { p: periodOf(COUNTY) })).assessmentIndicators as Array<{ key: string; weight: number; available: boolean; basis: string }>;
    expect(defs.map((d) => d.key)).toEqual(expect.arrayContaining(['catalog.coverage', 'sharing.answeredOnTime', 'quality.fixedInTime', 'openData.feedbackOnTime']));
    expect(defs.filter((d) => !d.available)).toEqual([]); // every default indicator has its owner's facts query
    expect(defs.every((d) => d.basis.length > 0)).toBe(true);

    const run = await runAndWait(COUNTY);
    const gaj = run.results.find((r) => r.departmentId === `${COUNTY}-gaj`)!;
    const zrzy = run.results.find((r) => r.departmentId === `${COUNTY}-zrzy`)!;
    const gajOnTime = scoreOf(gaj, 'sharing.answeredOnTime');
    const zrzyOnTime = scoreOf(zrzy, 'sharing.answeredOnTime');
    expect(gajOnTime.evidence.join('\n')).toContain(late);
    expect(gajOnTime.value).toBeCloseTo(gajOnTime.numerator! / gajOnTime.denominator!, 10);
    expect(gajOnTime.value).toBeLessThan(1);
    expect(zrzyOnTime.evidence.join('\n')).not.toContain(late);
    expect(gajOnTime.value).toBeLessThan(zrzyOnTime.value ?? 1);

    // Weights: the available definitions' weights scaled to sum 1; scores = normalised x weight x 100; totals sum them.
    const available = defs.filter((d) => gaj.scores.find((s) => s.key === d.key)!.available);
    const sum = available.reduce((s, d) => s + d.weight, 0);
    for (const r of run.results) {
      for (const s of r.scores) {
        const w = s.available ? defs.find((d) => d.key === s.key)!.weight / sum : 0;
        expect(s.weight).toBeCloseTo(w, 5);
        expect(s.score).toBeCloseTo(round2(s.normalised * s.weight * 100), 1);
      }
      expect(r.total).toBeCloseTo(round2(r.scores.reduce((t, s) => t + s.score, 0)), 2);
    }
    expect(gajOnTime.score).toBeCloseTo(round2(gajOnTime.value! * gajOnTime.weight * 100), 2);
    // Ranks follow totals within the county only (competition ranking).
    for (const r of run.results) {
      expect(r.regionCode).toBe(COUNTY);
      expect(r.rank).toBe(1 + run.results.filter((x) => x.total > r.total).length);
    }

    // The city ranks its own departments separately.
    const city = await runAndWait(CITY);
    expect(city.results.length).toBeGreaterThan(0);
    expect(city.results.every((r) => r.departmentId.startsWith(`${CITY}-`))).toBe(true);
    expect(Math.min(...city.results.map((r) => r.rank))).toBe(1);

    // XLSX read back: ranking with the departments' Chinese names, and the evidence sheet lists the late application.
    const file = (await ok('county-assessor', EXPORT, { id: run.id })).exportAssessmentRun;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.content, 'base64') as unknown as ArrayBuffer);
    const names = wb.getWorksheet('排名')!.getColumn(3).values.filter(Boolean);
    expect(names).toEqual(expect.arrayContaining([gaj.departmentName, zrzy.departmentName]));
    expect(gaj.departmentName).toMatch(/公安局/);
    const evidence = wb.getWorksheet('佐证')!.getColumn(4).values.map(String);
    expect(evidence.some((e) => e.includes(late))).toBe(true);

    // PDF: the text extracted from it carries the departments' Chinese names (the CJK font is embedded).
    const pdf = (await ok('county-assessor', 'mutation($id: ID!) { exportAssessmentReport(id: $id) { filename contentType content } }', { id: run.id })).exportAssessmentReport;
    expect(pdf.contentType).toBe('application/pdf');
    const text = (await pdfParse(Buffer.from(pdf.content, 'base64'))).text as string;
    expect(text).toContain(gaj.departmentName);
    expect(text).toContain(zrzy.departmentName);
  });

  test('004 §34: publication; a re-run after a weight change is a new version while the published one stays; departments see their own only once published', async () => {
    const first = await runAndWait(COUNTY);
    // Nothing published yet for this new version; a department cannot read the runs at all.
    expect(codes(await gql('county-gaj-admin', READ_RUN, { id: first.id }))).toEqual(['FORBIDDEN']);
    const before = (await ok('county-gaj-admin', PUBLISHED, { p: periodOf(COUNTY), d: `${COUNTY}-gaj` })).publishedAssessmentResult;
    if (!before.published) expect(before.result).toBeNull();
    else expect(before.version).not.toBe(first.version);

    // Assessors read but never write; the city authority does not run or publish the county's assessment.
    expect(codes(await gql('county-assessor', PUBLISH, { id: first.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-assessor', RUN, { p: periodOf(COUNTY), k: null }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-assessor', SET_INDICATOR, { p: periodOf(COUNTY), input: indicatorInput(0.3) }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-authority', PUBLISH, { id: first.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-authority', RUN, { p: periodOf(COUNTY), k: null }))).toEqual(['FORBIDDEN']);

    await ok('county-authority', PUBLISH, { id: first.id });
    const mine = (await ok('county-gaj-admin', PUBLISHED, { p: periodOf(COUNTY), d: `${COUNTY}-gaj` })).publishedAssessmentResult;
    expect(mine).toMatchObject({ published: true, version: first.version });
    expect(mine.result.total).toBe(first.results.find((r) => r.departmentId === `${COUNTY}-gaj`)!.total);
    expect(codes(await gql('county-gaj-admin', PUBLISHED, { p: periodOf(COUNTY), d: `${COUNTY}-scjg` }))).toEqual(['FORBIDDEN']);

    // Weight change, re-run: a new version with the new weight; the published version and its numbers stay.
    const weightBefore = scoreOf(first.results[0], 'sharing.answeredOnTime').weight;
    await ok('county-authority', SET_INDICATOR, { p: periodOf(COUNTY), input: indicatorInput(0.5) });
    const second = await runAndWait(COUNTY);
    expect(second.version).toBeGreaterThan(first.version);
    expect(second.publishedAt).toBeNull();
    expect(scoreOf(second.results[0], 'sharing.answeredOnTime').weight).toBeGreaterThan(weightBefore);
    const firstAgain = (await ok('county-assessor', READ_RUN, { id: first.id })).assessmentRun as Run;
    expect(firstAgain.publishedAt).not.toBeNull();
    expect(firstAgain.results).toEqual(first.results);
    expect((await ok('county-gaj-admin', PUBLISHED, { p: periodOf(COUNTY), d: `${COUNTY}-gaj` })).publishedAssessmentResult.version).toBe(first.version);

    // A retried run with the same key is the same version.
    const k = uniqueCode('again');
    const a = (await ok('county-authority', RUN, { p: periodOf(COUNTY), k })).runAssessment;
    const b = (await ok('county-authority', RUN, { p: periodOf(COUNTY), k })).runAssessment;
    expect(b).toMatchObject({ id: a.id, version: a.version });
  });

  test('004 §34: a department submits its self-assessment once; past 31 January it is marked late; readers see their region', async () => {
    const SUBMIT = 'mutation($input: SelfAssessmentInput!) { submitSelfAssessment(input: $input) { departmentId year dueOn submittedOn late } }';
    const LIST = 'query($y: Int!) { selfAssessmentReports(year: $y) { departmentId year late } }';
    const year = 2023; // the matrix walk submits 2025
    const r = (await ok('county-scjg-admin', SUBMIT, { input: { year, content: '2023年度数据资源工作自评：目录、共享、开放均按要求完成。' } })).submitSelfAssessment;
    expect(r).toMatchObject({ departmentId: `${COUNTY}-scjg`, year, dueOn: '2024-01-31', late: true }); // submitted long after 2024-01-31
    expect(codes(await gql('county-scjg-admin', SUBMIT, { input: { year, content: '再次提交的自评报告内容' } }))).toEqual(['CONFLICT']);
    const future = await gql('county-gaj-admin', SUBMIT, { input: { year: 2099, content: '尚未结束年度的自评报告' } });
    expect(codes(future)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql('county-assessor', SUBMIT, { input: { year, content: '考核人员不能提交自评报告' } }))).toEqual(['FORBIDDEN']);
    const ids = (rows: Array<{ departmentId: string }>) => rows.map((x) => x.departmentId);
    expect(ids((await ok('county-assessor', LIST, { y: year })).selfAssessmentReports)).toContain(`${COUNTY}-scjg`);
    expect(ids((await ok('city-assessor', LIST, { y: year })).selfAssessmentReports)).toContain(`${COUNTY}-scjg`);
    expect(ids((await ok('county-gaj-admin', LIST, { y: year })).selfAssessmentReports)).not.toContain(`${COUNTY}-scjg`);

    // The authority sees who was not in by 31 January: never submitted (no day) or late (its day); its own region only.
    const MISSING = 'query($y: Int!) { missingSelfAssessments(year: $y) { departmentId departmentName regionCode dueOn submittedOn } }';
    const missing = (await ok('county-authority', MISSING, { y: year })).missingSelfAssessments as Array<{ departmentId: string; regionCode: string; dueOn: string; submittedOn: string | null }>;
    expect(missing.find((m) => m.departmentId === `${COUNTY}-scjg`)).toMatchObject({ dueOn: '2024-01-31', submittedOn: r.submittedOn });
    expect(missing.find((m) => m.departmentId === `${COUNTY}-gaj`)).toMatchObject({ submittedOn: null });
    expect(missing.every((m) => m.regionCode === COUNTY)).toBe(true);
    const cityView = (await ok('city-assessor', MISSING, { y: year })).missingSelfAssessments as Array<{ regionCode: string }>;
    expect(new Set(cityView.map((m) => m.regionCode))).toEqual(new Set([CITY, COUNTY]));
    expect(codes(await gql('county-gaj-admin', MISSING, { y: year }))).toEqual(['FORBIDDEN']);
  });

  test('bad input names the field', async () => {
    const res = await gql('county-authority', SET_INDICATOR, { p: periodOf(COUNTY), input: { ...indicatorInput(0.1), weight: 2 } });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql('county-authority', RUN, { p: '00000000-0000-4000-a000-999999999999', k: null }))).toEqual(['NOT_FOUND']);
  });
});

function indicatorInput(weight: number) {
  return {
    key: 'sharing.answeredOnTime', name: '共享申请按期响应率', definition: '期内提交的有条件共享申请中未超期的 / 期内提交的申请', unit: 'RATE',
    direction: 'HIGHER_BETTER', weight, source: 'SHARING', basis: '考核测试：主管部门调整权重',
  };
}
