// Quality through the gateway with real tokens (issue 11): rules in five dimensions over a resource with planted faults,
// inspections on demand and on a Temporal schedule (records read through sharing's record stream), issues with their
// fix deadline, verification by re-run and reopening, a consumer's flag (5 working days), objections that suspend
// sharing deliveries (000 §26), and the monthly indicators assessment reads.
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { chinaDate } from '@gov/working-days';
import { qualityInspectionScheduleId } from '@gov/workflows';
import { publishedEntry } from './catalog-helpers';
import { codes, eventually, gql, ok, passCapabilityCheck, serviceToken, tokenOf, uniqueCode, type DemoUser } from './support';
import { ROOT } from './stack';

const { populationRow } = require(join(ROOT, 'services/sharing/dist/domain/demo.js')) as { populationRow(i: number): Record<string, string> };
const POP = '00000000-0000-4000-8000-000004206000'; // the city population base (seeded: rows 0..299)
const year = new Date().getUTCFullYear();

const ITEMS = [
  { name: '公民身份号码', type: 'STRING', length: 18, sensitivity: 'MEDIUM' },
  { name: '姓名', type: 'STRING', length: 50, sensitivity: 'MEDIUM' },
  { name: '出生日期', type: 'DATE', sensitivity: 'LOW' },
  { name: '性别', type: 'STRING', length: 2, sensitivity: 'NONE' },
  { name: '联系电话', type: 'STRING', length: 20, sensitivity: 'MEDIUM' },
];
type Row = Record<'公民身份号码' | '姓名' | '出生日期' | '性别' | '联系电话', string>;

/** 30 people of the population base, with faults planted in known rows. */
function plantedRows(): Row[] {
  const rows: Row[] = Array.from({ length: 30 }, (_, k) => {
    const p = populationRow(40 + k);
    const id = p.公民身份号码;
    return { 公民身份号码: id, 姓名: p.姓名, 出生日期: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`, 性别: k % 2 ? '男' : '女', 联系电话: p.联系电话 };
  });
  rows[0].姓名 = ''; rows[1].姓名 = ''; // completeness: 2
  for (const k of [2, 3, 4]) rows[k].性别 = '未知'; // validity (code list): 3
  rows[5].联系电话 = rows[7].联系电话; rows[6].联系电话 = rows[7].联系电话; // uniqueness: 2 beyond the first
  for (const k of [8, 9, 10, 11]) rows[k].出生日期 = '2000-01-01'; // consistency within the record: 4
  for (const k of [12, 13, 14]) { // consistency across resources: 3 people the population base does not hold
    const p = populationRow(980_000 + k);
    rows[k].公民身份号码 = p.公民身份号码;
    rows[k].出生日期 = `${p.公民身份号码.slice(6, 10)}-${p.公民身份号码.slice(10, 12)}-${p.公民身份号码.slice(12, 14)}`;
  }
  return rows;
}
const csv = (rows: Row[]) => [ITEMS.map((i) => i.name).join(','), ...rows.map((r) => ITEMS.map((i) => r[i.name as keyof Row]).join(','))].join('\n');

async function upload(resourceId: string, rows: Row[]): Promise<void> {
  const url = `${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/exchange/resources/${resourceId}/records?format=csv`;
  const res = await fetch(url, { method: 'POST', body: csv(rows), headers: { authorization: `Bearer ${await tokenOf('city-gaj-admin')}` } });
  const body = await res.json() as { data?: { exchangeLoad: { status: string } } };
  if (body.data?.exchangeLoad.status !== 'LOADED') throw new Error(`upload: ${res.status} ${JSON.stringify(body)}`);
}

const RULE = 'mutation($input: QualityRuleInput!) { defineQualityRule(input: $input) { id code version dimension active } }';
const RUN = 'mutation($r: ID!) { runQualityInspection(resourceId: $r) { runId pending run { status } } }';
const RUN_READ = `query($id: ID!) { inspectionRun(id: $id) { id status trigger recordCount score
  dimensionScores { dimension score } results { ruleCode dimension checked failed } } }`;
const ISSUES = `query($f: QualityIssueFilter) { qualityIssues(filter: $f, first: 50) { totalCount edges { node {
  id status source ruleCode round workingDays deadline deadlineDay deadlineOfficial overdue reopenCount affectedCount outcomeNote citizensWithValidPapersServed } } } }`;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loosely-shaped response data
type Issue = Record<string, any>;

async function inspect(resourceId: string, as: DemoUser = 'city-gaj-admin') {
  const started = await ok(as, RUN, { r: resourceId });
  const id = started.runQualityInspection.runId as string;
  const run = await eventually(async () => (await ok(as, RUN_READ, { id })).inspectionRun, (r) => r?.status === 'DONE', 300);
  expect(run.status).toBe('DONE');
  return run as { id: string; recordCount: number; results: Array<{ ruleCode: string; checked: number; failed: number; dimension: string }>; dimensionScores: Array<{ dimension: string; score: number | null }> };
}
async function issuesOf(resourceId: string, as: DemoUser = 'city-gaj-admin'): Promise<Issue[]> {
  return (await ok(as, ISSUES, { f: { resourceId } })).qualityIssues.edges.map((e: { node: Issue }) => e.node);
}

let resource: string;
let firstRun: Awaited<ReturnType<typeof inspect>>;

beforeAll(async () => {
  resource = await publishedEntry('city-gaj-admin', 'city-authority', { name: '质检测试人口信息', items: ITEMS, sensitivityGrade: 'MEDIUM', shareType: 'UNCONDITIONAL', updateCycle: 'DAILY' }, 'QC');
  await upload(resource, plantedRows());
  const rule = (input: Record<string, unknown>) => ok('city-gaj-admin', RULE, { input: { resourceId: resource, ...input } });
  await rule({ code: 'sex-codes', check: 'CODE_LIST', items: ['性别'], values: ['男', '女'] });
  await rule({ code: 'unique-phone', check: 'UNIQUE', items: ['联系电话'] });
  await rule({ code: 'in-population', check: 'EXISTS_IN', items: ['公民身份号码'], otherResourceId: POP, otherItem: '公民身份号码' });
  firstRun = await inspect(resource);
}, 180_000);

describe('000 §14 rules and inspections', () => {
  test('000 §14: each dimension counts exactly the planted faults; the default set derived from the items runs beside the written rules', () => {
    const failed = Object.fromEntries(firstRun.results.map((r) => [r.ruleCode, `${r.failed}/${r.checked}`]));
    expect(firstRun.recordCount).toBe(30);
    expect(failed).toMatchObject({
      required: '2/30', // completeness
      'sex-codes': '3/30', 'id-number:公民身份号码': '0/30', 'type:出生日期': '0/30', // validity (GB 11643 via @gov/masking)
      'unique-phone': '2/30', 'unique:公民身份号码': '0/30', // uniqueness
      'id-birth-date': '4/30', 'in-population': '3/30', // consistency within a record and against the population base
      freshness: '0/1', // timeliness: loaded just now, DAILY cycle
    });
    const score = Object.fromEntries(firstRun.dimensionScores.map((d) => [d.dimension, d.score]));
    expect(score.TIMELINESS).toBe(100);
    expect(score.COMPLETENESS).toBeLessThan(100);
  });

  test('rules are versioned and validated: a new version of a code, a bad pattern named, another department refused', async () => {
    const v = await ok('city-operator', RULE, { input: { resourceId: resource, code: 'sex-codes', check: 'CODE_LIST', items: ['性别'], values: ['男', '女'] } });
    expect(v.defineQualityRule).toMatchObject({ code: 'sex-codes', version: 2, dimension: 'VALIDITY', active: true });
    const bad = await gql('city-gaj-admin', RULE, { input: { resourceId: resource, code: 'bad-pattern', check: 'PATTERN', items: ['联系电话'], pattern: '(' } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(bad.errors)).toContain('pattern');
    const unknown = await gql('city-gaj-admin', RULE, { input: { resourceId: resource, code: 'x', check: 'REQUIRED', items: ['不存在的数据项'] } });
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql('city-scjg-admin', RULE, { input: { resourceId: resource, code: 'x', check: 'REQUIRED', items: ['姓名'] } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-operator', RULE, { input: { resourceId: resource, code: 'x', check: 'REQUIRED', items: ['姓名'] } }))).toEqual(['FORBIDDEN']);
  });

  test('004 §33: failing records are named by exchange record id, never by value', async () => {
    const ids = (await ok('city-gaj-admin', 'query($id: ID!, $c: String!) { inspectionFailures(runId: $id, ruleCode: $c) }', { id: firstRun.id, c: 'sex-codes' })).inspectionFailures;
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(codes(await gql('city-wjw-user', RUN_READ, { id: firstRun.id }))).toEqual(['FORBIDDEN']);
  });

  test('cross-resource consistency asks the population base by key through a service-only check (people are refused)', async () => {
    const url = `${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/internal/exchange/resources/${POP}/exists`;
    const body = JSON.stringify({ keys: [populationRow(1).公民身份号码, populationRow(980_001).公民身份号码] });
    const human = await fetch(url, { method: 'POST', body, headers: { authorization: `Bearer ${await tokenOf('city-gaj-admin')}`, 'content-type': 'application/json' } });
    expect(human.status).toBe(403);
    const svc = await fetch(url, { method: 'POST', body, headers: { authorization: `Bearer ${await serviceToken('svc-platform')}`, 'content-type': 'application/json' } });
    expect(await svc.json()).toEqual({ keyItem: '公民身份号码', found: [true, false] });
  });

  test('000 §14: a Temporal schedule per resource follows its update cycle and runs', async () => {
    const s = await ok('city-operator', 'mutation($r: ID!) { scheduleQualityInspection(resourceId: $r, runNow: true) { scheduleId updateCycle everyMinutes } }', { r: resource });
    expect(s.scheduleQualityInspection).toMatchObject({ updateCycle: 'DAILY', everyMinutes: 1440 });
    try {
      const runs = await eventually(async () => (await ok('city-gaj-admin', 'query($r: ID!) { inspectionRuns(resourceId: $r) { trigger status } }', { r: resource })).inspectionRuns as Array<{ trigger: string; status: string }>,
        (rs) => rs.some((r) => r.trigger === 'SCHEDULE' && r.status === 'DONE'), 300);
      expect(runs.some((r) => r.trigger === 'SCHEDULE' && r.status === 'DONE')).toBe(true);
    } finally {
      const temporal = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' }) });
      await temporal.schedule.getHandle(qualityInspectionScheduleId(resource, process.env.TEMPORAL_TASK_QUEUE_PREFIX)).delete().catch(() => undefined);
      await temporal.connection.close();
    }
  }, 60_000);
});

describe('000 §14 quality issues: one per failing rule, 3 working days, verified by re-running the rule', () => {
  test('one open issue per rule and resource, routed to the source department with its deadline and calendar', async () => {
    const issues = await eventually(() => issuesOf(resource), (is) => is.length === 5 && is.every((i) => i.deadline && i.round === 1), 150);
    expect(issues.map((i) => i.ruleCode).sort()).toEqual(['id-birth-date', 'in-population', 'required', 'sex-codes', 'unique-phone']);
    for (const i of issues) {
      expect(i).toMatchObject({ status: 'OPEN', source: 'INSPECTION', workingDays: 3, round: 1, citizensWithValidPapersServed: true });
      expect(i.deadlineDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(typeof i.deadlineOfficial).toBe('boolean');
    }
    await inspect(resource); // a second run opens nothing new
    expect(await issuesOf(resource)).toHaveLength(5);
    // Another department does not see them; the county does not see the city's.
    expect((await issuesOf(resource, 'city-scjg-admin'))).toHaveLength(0);
    expect((await issuesOf(resource, 'county-authority'))).toHaveLength(0);
    expect((await issuesOf(resource, 'city-authority'))).toHaveLength(5);
  }, 120_000);

  test('000 §14: the department fixes the data, the platform re-runs the rule → VERIFIED; a fix that did not fix → REOPENED with a new deadline', async () => {
    const issues = await eventually(() => issuesOf(resource), (is) => is.filter((i) => i.round === 1).length === 5, 150);
    const sex = issues.find((i) => i.ruleCode === 'sex-codes')!;
    const phone = issues.find((i) => i.ruleCode === 'unique-phone')!;
    const RESOLVE = 'mutation($id: ID!, $e: String!) { resolveQualityIssue(id: $id, explanation: $e) { id status } }';
    expect(codes(await gql('city-scjg-admin', RESOLVE, { id: sex.id, e: '不是我们的数据' }))).toEqual(['FORBIDDEN']);

    const fixed = plantedRows();
    for (const k of [2, 3, 4]) fixed[k].性别 = '男';
    await upload(resource, [fixed[2], fixed[3], fixed[4]]); // a re-loaded record replaces the old one
    expect((await ok('city-gaj-admin', RESOLVE, { id: sex.id, e: '已更正性别代码' })).resolveQualityIssue.status).toBe('FIXED');
    expect((await ok('city-gaj-admin', RESOLVE, { id: phone.id, e: '已核实（未改数据）' })).resolveQualityIssue.status).toBe('FIXED');

    const ISSUE = 'query($id: ID!) { qualityIssue(id: $id) { status round reopenCount deadline deadlineDay outcomeNote } }';
    const verified = await eventually(async () => (await ok('city-gaj-admin', ISSUE, { id: sex.id })).qualityIssue, (i) => i.status === 'VERIFIED', 150);
    expect(verified.status).toBe('VERIFIED');
    expect(verified.outcomeNote).toContain('复检通过');
    const reopened = await eventually(async () => (await ok('city-gaj-admin', ISSUE, { id: phone.id })).qualityIssue, (i) => i.status === 'REOPENED' && i.round === 2, 150);
    expect(reopened).toMatchObject({ status: 'REOPENED', round: 2, reopenCount: 1 });
    expect(reopened.outcomeNote).toContain('仍有 2 条');
    expect(new Date(reopened.deadline).getTime()).toBeGreaterThanOrEqual(new Date(phone.deadline).getTime());
  }, 120_000);

  test('004 §24: a consumer\'s flag in the exchange opens an issue with 5 working days, which the platform verifies by hand', async () => {
    const g = await ok('city-wjw-user', 'mutation($input: SubscriptionInput!) { subscribeToResource(input: $input) { id } }', {
      input: { resourceId: resource, items: ['姓名', '性别'], scenario: '质检测试：出生医学证明', usageMode: 'QUERY', periodFrom: `${year}-01-01`, periodTo: `${year + 1}-12-31`, idempotencyKey: uniqueCode('qc') },
    });
    grant = g.subscribeToResource.id;
    await ok('city-wjw-user', 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id } }', { g: grant });
    await passCapabilityCheck('city-wjw-user', grant);
    const flag = await ok('city-wjw-user', 'mutation($g: ID!, $k: String!, $r: String!) { flagRecord(grantId: $g, recordKey: $k, reason: $r) { id qualityIssueId } }', {
      g: grant, k: plantedRows()[20].公民身份号码, r: '姓名与户籍登记不一致',
    });
    const issueId = flag.flagRecord.qualityIssueId ?? flag.flagRecord.id;
    const issue = await eventually(async () => (await ok('city-gaj-admin', 'query($id: ID!) { qualityIssue(id: $id) { source workingDays round deadlineDay status } }', { id: issueId })).qualityIssue,
      (i) => i?.round === 1, 150);
    expect(issue).toMatchObject({ source: 'CONSUMER', workingDays: 5, round: 1, status: 'OPEN' });
    await ok('city-gaj-admin', 'mutation($id: ID!) { resolveQualityIssue(id: $id, explanation: "已核实户籍") { id } }', { id: issueId });
    const VERIFY = 'mutation($id: ID!, $ok: Boolean!, $n: String!) { verifyQualityIssue(id: $id, accepted: $ok, note: $n) { pending issue { status } } }';
    expect(codes(await gql('county-operator', VERIFY, { id: issueId, ok: true, n: '核验' }))).toEqual(['FORBIDDEN']);
    const settled = await eventually(async () => {
      const r = await gql('city-operator', VERIFY, { id: issueId, ok: true, n: '平台核验：已与户籍一致' });
      return r.data?.verifyQualityIssue ?? (codes(r).includes('CONFLICT') ? (await ok('city-operator', 'query($id: ID!) { qualityIssue(id: $id) { status } }', { id: issueId })).qualityIssue : null);
    }, (v) => (v?.issue?.status ?? v?.status) === 'VERIFIED', 100, 200);
    expect(settled.issue?.status ?? settled.status).toBe('VERIFIED');
  }, 120_000);

  test('000 §14: an issue that has no fix workflow (the seeded demo finding, or one committed while Temporal was out of reach) gets it when quality starts, with its deadline', async () => {
    const demo = 'query($f: QualityIssueFilter) { qualityIssues(filter: $f, first: 50) { edges { node { description status round workingDays deadlineDay deadlineOfficial } } } }';
    const seeded = await eventually(async () => (await ok('city-gaj-admin', demo, { f: { resourceId: POP } })).qualityIssues.edges.map((e: { node: Issue }) => e.node).find((i: Issue) => i.description.includes('演示数据')),
      (i) => i?.round === 1, 150);
    expect(seeded).toMatchObject({ status: 'OPEN', round: 1, workingDays: 3 });
    expect(seeded.deadlineDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof seeded.deadlineOfficial).toBe('boolean');
  }, 60_000);
});

let grant: string;

describe('000 §26 objections', () => {
  const GRANTED = 'query($g: ID!) { grantedRecords(grantId: $g, first: 1) { totalCount } }';
  test('000 §26: a citizen objects → the authority suspends sharing at once → the department restores → the objector is answered', async () => {
    expect(grant).toBeDefined();
    expect((await ok('city-wjw-user', GRANTED, { g: grant })).grantedRecords.totalCount).toBe(30);
    const filed = await ok('city-public', 'mutation($input: ObjectionInput!) { fileObjection(input: $input) { id status suspended onPaper } }', {
      input: { resourceId: resource, objectorName: '张某', ground: 'PRIVACY', description: '本人联系电话不应共享' },
    });
    const id = filed.fileObjection.id;
    expect(filed.fileObjection).toMatchObject({ status: 'RECEIVED', suspended: false, onPaper: false });
    expect(codes(await gql('county-authority', 'mutation($id: ID!) { suspendObjectedData(id: $id) { id } }', { id }))).toEqual(['FORBIDDEN']);
    const s = await ok('city-authority', 'mutation($id: ID!) { suspendObjectedData(id: $id) { status suspended verifyDeadlineDay verifyDeadlineOfficial } }', { id });
    expect(s.suspendObjectedData).toMatchObject({ status: 'SUSPENDED', suspended: true });
    expect(s.suspendObjectedData.verifyDeadlineDay).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof s.suspendObjectedData.verifyDeadlineOfficial).toBe('boolean');

    const refused = await gql('city-wjw-user', GRANTED, { g: grant });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(JSON.stringify(refused.errors)).toContain('000 §26');

    const DECIDE = 'mutation($id: ID!, $d: ObjectionDecision!, $f: String!) { decideObjection(id: $id, decision: $d, finding: $f) { status decision suspended } }';
    expect(codes(await gql('city-scjg-admin', DECIDE, { id, d: 'RESTORE', f: '无' }))).toEqual(['FORBIDDEN']);
    expect((await ok('city-gaj-admin', DECIDE, { id, d: 'RESTORE', f: '经核实，联系电话为办事预留，依法共享' })).decideObjection).toMatchObject({ status: 'DECIDED', decision: 'RESTORE', suspended: false });
    expect((await ok('city-wjw-user', GRANTED, { g: grant })).grantedRecords.totalCount).toBe(30);

    await ok('city-authority', 'mutation($id: ID!, $a: String!) { answerObjection(id: $id, answer: $a) { status } }', { id, a: '经核实，数据依法共享，已答复' });
    const mine = await ok('city-public', 'query($id: ID!) { objection(id: $id) { status answer decision } }', { id });
    expect(mine.objection).toMatchObject({ status: 'ANSWERED', decision: 'RESTORE' });
    expect(codes(await gql('county-public', 'query($id: ID!) { objection(id: $id) { id } }', { id }))).toEqual(['FORBIDDEN']);
  }, 60_000);
});

describe('indicators for assessment', () => {
  test('000 §28: per department and month — inspections, issues opened/verified, fix and reopen rates; a department sees only its own', async () => {
    const period = chinaDate(Date.now()).slice(0, 7);
    const Q = 'query($p: String!, $d: String) { qualityIndicators(period: $p, departmentId: $d) { departmentId inspections averageScore issuesOpened issuesVerified fixRate reopenRate objectionsReceived } }';
    const rows = (await ok('city-assessor', Q, { p: period, d: '420600-gaj' })).qualityIndicators;
    expect(rows).toHaveLength(1);
    expect(rows[0].inspections).toBeGreaterThanOrEqual(2);
    expect(rows[0].issuesOpened).toBeGreaterThanOrEqual(6);
    expect(rows[0].issuesVerified).toBeGreaterThanOrEqual(1);
    expect(rows[0].objectionsReceived).toBeGreaterThanOrEqual(1);
    expect((await ok('city-wjw-user', Q, { p: period, d: '420600-gaj' })).qualityIndicators).toEqual([]);
    const PER = 'query($p: String!, $d: String) { qualityIndicators(period: $p, departmentId: $d, perResource: true) { resourceId issuesOpened issuesVerified reopenRate } }';
    const mine = (await ok('city-gaj-admin', PER, { p: period, d: '420600-gaj' })).qualityIndicators.find((r: { resourceId: string }) => r.resourceId === resource);
    expect(mine).toMatchObject({ issuesOpened: 6 }); // 5 failing rules + 1 consumer flag on this resource
    expect(mine.issuesVerified).toBeGreaterThanOrEqual(2);
    expect(codes(await gql('city-assessor', Q, { p: '2026-13', d: null }))).toEqual(['BAD_USER_INPUT']);
  });
});
