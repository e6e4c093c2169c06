// Emergency plans and drills (000 §24, 003 §32(二)) in security, an incident naming the plan it used, and the consumer's
// security capability check before a grant's first delivery (000 §24 使用部门安全保障能力) in sharing. Real tokens,
// real MariaDB (the test reads security's rows to see the SM4 envelopes at rest).
import { commonConfig, databaseName } from '@gov/kit';
import { isSm4Envelope } from '@gov/gm-crypto';
import mysql from 'mysql2/promise';
import { seededPlanId } from '../services/security/src/domain/demo';
import { codes, gql, ok, uniqueCode } from './support';

let db: mysql.Connection;
beforeAll(async () => {
  const c = commonConfig().mysql;
  db = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password, database: databaseName('security') });
});
afterAll(() => db?.end());

const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const PLAN_FIELDS = 'id departmentId title version text regionWide lastDrilledOn drillDueOn drillOverdue versions { version note text } drills { drilledOn planVersion participants findings followUpActions }';
const REGISTER = `mutation($input: EmergencyPlanInput!) { registerEmergencyPlan(input: $input) { ${PLAN_FIELDS} } }`;
const REVISE = `mutation($input: ReviseEmergencyPlanInput!) { reviseEmergencyPlan(input: $input) { ${PLAN_FIELDS} } }`;
const DRILL = 'mutation($input: EmergencyDrillInput!) { recordEmergencyDrill(input: $input) { id drilledOn planVersion } }';
const PLAN = `query($id: ID!) { emergencyPlan(id: $id) { ${PLAN_FIELDS} } }`;
const PLANS = 'query($f: EmergencyPlanFilter) { emergencyPlans(filter: $f, first: 100) { totalCount edges { node { id departmentId regionWide drillOverdue drillDueOn } } } }';
const REPORT = 'mutation($input: ReportIncidentInput!) { reportSecurityIncident(input: $input) { id emergencyPlan emergencyPlanId plan { id title version } } }';
const fieldOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.field;

describe('000 §24, 003 §32(二) emergency plans and drills', () => {
  let planId = '';

  test('000 §24: a department registers its plan (SM4 at rest) and revises it into versions; 003 §32(二): overdue until drilled, then due a year after the drill', async () => {
    const title = `危化品数据泄露应急预案 ${uniqueCode('EP')}`;
    const p = (await ok('city-gaj-admin', REGISTER, { input: { title, text: '第一版：发现即报告。' } })).registerEmergencyPlan;
    planId = p.id;
    expect(p).toMatchObject({ departmentId: '420600-gaj', version: 1, text: '第一版：发现即报告。', regionWide: false, lastDrilledOn: null, drillOverdue: true, drillDueOn: chinaDay() });
    const [[row]] = await db.query<mysql.RowDataPacket[]>('SELECT text_enc FROM emergency_plan_version WHERE plan_id = ? AND version = 1', [p.id]);
    expect(isSm4Envelope(row.text_enc)).toBe(true);

    const revised = (await ok('city-gaj-admin', REVISE, { input: { id: p.id, text: '第二版：一小时内报告市行政审批局。', note: '按演练发现修订' } })).reviseEmergencyPlan;
    expect(revised.version).toBe(2);
    expect(revised.versions.map((v: { version: number; text: string }) => [v.version, v.text])).toEqual([[2, '第二版：一小时内报告市行政审批局。'], [1, '第一版：发现即报告。']]);
    // the same revision again (a retry) adds no version
    expect((await ok('city-gaj-admin', REVISE, { input: { id: p.id, text: '第二版：一小时内报告市行政审批局。', note: '重试' } })).reviseEmergencyPlan.version).toBe(2);

    const future = await gql('city-gaj-admin', DRILL, { input: { planId: p.id, drilledOn: chinaDay(2), participants: ['张三'], findings: '未来', followUpActions: [] } });
    expect(codes(future)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(future)).toBe('drilledOn');
    const drill = { planId: p.id, drilledOn: chinaDay(-1), participants: ['安全管理负责人 李四', '市大数据中心'], findings: '恢复用时 3 小时，超过预案要求', followUpActions: ['备份恢复演练每季度一次'] };
    expect((await ok('city-gaj-admin', DRILL, { input: drill })).recordEmergencyDrill).toMatchObject({ drilledOn: chinaDay(-1), planVersion: 2 });
    expect(codes(await gql('city-gaj-admin', DRILL, { input: { ...drill, findings: '另一份结论' } }))).toEqual(['CONFLICT']);
    const [[d]] = await db.query<mysql.RowDataPacket[]>('SELECT participants_enc, findings_enc, follow_up_enc FROM emergency_drill WHERE plan_id = ?', [p.id]);
    expect([d.participants_enc, d.findings_enc, d.follow_up_enc].every(isSm4Envelope)).toBe(true);

    const read = (await ok('city-gaj-admin', PLAN, { id: p.id })).emergencyPlan;
    const [y, mo, da] = chinaDay(-1).split('-');
    expect(read).toMatchObject({ lastDrilledOn: chinaDay(-1), drillOverdue: false, drillDueOn: `${Number(y) + 1}-${mo}-${mo === '02' && da === '29' ? '28' : da}` });
    expect(read.drills).toEqual([{ drilledOn: chinaDay(-1), planVersion: 2, participants: drill.participants, findings: drill.findings, followUpActions: drill.followUpActions }]);
  });

  test('000 §24: a department sees only its own plans (and the region-wide plan); the authority and operator see their covered region; overdue drills listed', async () => {
    // another department of the city, and the county authority (a county never covers its city), are refused
    expect(codes(await gql('city-scjg-admin', PLAN, { id: planId }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('county-authority', PLAN, { id: planId }))).toEqual(['FORBIDDEN']);
    expect((await ok('city-gaj-approver', PLAN, { id: planId })).emergencyPlan.id).toBe(planId);
    expect((await ok('city-operator', PLAN, { id: planId })).emergencyPlan.id).toBe(planId);
    // keeping is the department's: the city authority reads, it does not revise another department's plan
    expect(codes(await gql('city-authority', REVISE, { input: { id: planId, text: '越权修订', note: '越权' } }))).toEqual(['FORBIDDEN']);

    const scjg = (await ok('city-scjg-admin', PLANS, {})).emergencyPlans.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(scjg).toEqual(expect.arrayContaining([seededPlanId('420600', 'scjg'), seededPlanId('420600', 'sjj')]));
    expect(scjg).not.toContain(planId);
    expect(scjg).not.toContain(seededPlanId('420600', 'gaj'));
    const county = (await ok('county-gaj-admin', PLANS, {})).emergencyPlans.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(county).toEqual(expect.arrayContaining([seededPlanId('420683', 'gaj'), seededPlanId('420683', 'sjj'), seededPlanId('420600', 'sjj')]));
    expect(county).not.toContain(planId);

    const overdue = (await ok('city-authority', PLANS, { f: { drillOverdue: true } })).emergencyPlans.edges.map((e: { node: { id: string } }) => e.node.id);
    // seeded: scjg last drilled 400 days ago, wjw never; gaj 90 days ago; the county's too (the city covers it)
    expect(overdue).toEqual(expect.arrayContaining([seededPlanId('420600', 'scjg'), seededPlanId('420600', 'wjw'), seededPlanId('420683', 'scjg')]));
    expect(overdue).not.toContain(seededPlanId('420600', 'gaj'));
    expect(overdue).not.toContain(planId);
    const countyOverdue = (await ok('county-authority', PLANS, { f: { drillOverdue: true } })).emergencyPlans.edges.map((e: { node: { departmentId: string } }) => e.node.departmentId);
    expect(countyOverdue.every((dep: string) => dep.startsWith('420683-') || dep === '420600-sjj')).toBe(true);

    const wide = await gql('city-gaj-admin', REGISTER, { input: { title: '越权总体预案', text: '总体预案', regionWide: true } });
    expect(codes(wide)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(wide)).toBe('regionWide');
  });

  test('000 §24: an incident names the plan it used — its department\'s own or the region-wide plan; another department\'s plan is refused', async () => {
    const base = { title: '核验接口异常', description: '异常核验请求', severity: 'MEDIUM' };
    const own = (await ok('city-gaj-admin', REPORT, { input: { ...base, emergencyPlanId: planId } })).reportSecurityIncident;
    expect(own.plan).toMatchObject({ id: planId, version: 2 });
    expect(own.emergencyPlan).toContain('（第2版）');
    const wide = (await ok('city-gaj-admin', REPORT, { input: { ...base, emergencyPlanId: seededPlanId('420600', 'sjj') } })).reportSecurityIncident;
    expect(wide.plan.id).toBe(seededPlanId('420600', 'sjj'));
    for (const other of [seededPlanId('420600', 'scjg'), seededPlanId('420683', 'sjj')]) {
      const res = await gql('city-gaj-admin', REPORT, { input: { ...base, emergencyPlanId: other } });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldOf(res)).toBe('emergencyPlanId');
    }
    expect(codes(await gql('city-gaj-admin', REPORT, { input: base }))).toEqual(['BAD_USER_INPUT']);
    // the seeded incident names the seeded plan
    const seeded = (await ok('city-authority', 'query($id: ID!) { securityIncident(id: $id) { plan { id } } }', { id: '00000000-0000-4000-8000-e00000000001' })).securityIncident;
    expect(seeded.plan.id).toBe(seededPlanId('420600', 'gaj'));
  });
});

describe('000 §24 使用部门安全保障能力: the consumer\'s security capability check before the first delivery', () => {
  const LP_BASE = '00000000-0000-4000-8000-000004206001';
  const year = new Date().getUTCFullYear();
  const DECLARE = 'mutation($g: ID!, $input: SecurityCapabilityInput!) { declareSecurityCapability(grantId: $g, input: $input) { status } }';
  const CONFIRM = 'mutation($g: ID!, $p: Boolean!, $r: String) { confirmSecurityCapability(grantId: $g, passed: $p, remarks: $r) { status remarks confirmedBy } }';
  const RECORDS = 'query($g: ID!) { grantedRecords(grantId: $g, first: 2) { totalCount } }';
  const measures = { responsiblePerson: '王安全', systems: ['出生医学证明系统'], gradeProtectionLevel: 3, emergencyPlanId: seededPlanId('420600', 'wjw') };

  test('000 §24: the first delivery is refused until the check is declared and confirmed; a failed check is re-declared; a passed one is final', async () => {
    const g = (await ok('city-wjw-user', 'mutation($input: SubscriptionInput!) { subscribeToResource(input: $input) { id } }', {
      input: { resourceId: LP_BASE, items: ['统一社会信用代码', '企业名称'], scenario: '出生医学证明：企业资质核对', usageMode: 'QUERY', periodFrom: `${year}-01-01`, periodTo: `${year + 1}-12-31`, idempotencyKey: uniqueCode('cap') },
    })).subscribeToResource.id;
    await ok('city-wjw-user', 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id } }', { g });
    const refused = await gql('city-wjw-user', RECORDS, { g });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].message).toContain('security capability');

    expect(codes(await gql('city-scjg-admin', CONFIRM, { g, p: true }))).toEqual(['CONFLICT']); // nothing declared yet
    const foreignPlan = await gql('city-wjw-user', DECLARE, { g, input: { ...measures, emergencyPlanId: seededPlanId('420600', 'scjg') } });
    expect(codes(foreignPlan)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(foreignPlan)).toBe('emergencyPlanId');
    expect(codes(await gql('city-wjw-user', DECLARE, { g, input: { ...measures, gradeProtectionLevel: 9 } }))).toEqual(['BAD_USER_INPUT']);
    expect((await ok('city-wjw-user', DECLARE, { g, input: measures })).declareSecurityCapability.status).toBe('DECLARED');
    expect(codes(await gql('city-wjw-user', RECORDS, { g }))).toEqual(['CONFLICT']);

    // the provider (scjg) finds it insufficient — with remarks; neither the consumer nor another department confirms
    expect(fieldOf(await gql('city-scjg-admin', CONFIRM, { g, p: false }))).toBe('remarks');
    expect(codes(await gql('city-wjw-user', CONFIRM, { g, p: true }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-admin', CONFIRM, { g, p: true }))).toEqual(['NOT_FOUND']);
    expect((await ok('city-scjg-admin', CONFIRM, { g, p: false, r: '等保级别不足' })).confirmSecurityCapability).toMatchObject({ status: 'FAILED', remarks: '等保级别不足', confirmedBy: 'city-scjg-admin' });
    expect(codes(await gql('city-wjw-user', RECORDS, { g }))).toEqual(['CONFLICT']);

    // re-declared with the region-wide plan, then passed by the provider: data flows
    expect((await ok('city-wjw-user', DECLARE, { g, input: { ...measures, emergencyPlanId: seededPlanId('420600', 'sjj') } })).declareSecurityCapability.status).toBe('DECLARED');
    expect((await ok('city-scjg-admin', CONFIRM, { g, p: true })).confirmSecurityCapability.status).toBe('PASSED');
    expect((await ok('city-scjg-admin', CONFIRM, { g, p: true })).confirmSecurityCapability.status).toBe('PASSED'); // a retry
    expect((await ok('city-wjw-user', RECORDS, { g })).grantedRecords.totalCount).toBeGreaterThan(0);
    expect(codes(await gql('city-wjw-user', DECLARE, { g, input: measures }))).toEqual(['CONFLICT']);

    const seen = (await ok('city-scjg-admin', 'query($id: ID!) { shareGrant(id: $id) { securityCapability { status responsiblePerson systems gradeProtectionLevel emergencyPlanId } } }', { id: g })).shareGrant;
    expect(seen.securityCapability).toEqual({ status: 'PASSED', responsiblePerson: '王安全', systems: ['出生医学证明系统'], gradeProtectionLevel: 3, emergencyPlanId: seededPlanId('420600', 'sjj') });
  });
});
