// Digital projects (001 临湘项目办法) through the gateway with real tokens: plan, construction plan with its resource
// catalog, reviews, the expert panel, approval behind the assessment gate, budget, procurement, change, termination,
// acceptance gated on published catalog entries and a passed 等保测评, archive, O&M report, post-evaluation.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEntry, publishedEntry, REVIEW, SUBMIT } from './catalog-helpers';
import { codes, eventually, gql, ok, type DemoUser } from './support';
import { ROOT } from './stack';

const { drawPanel } = require(join(ROOT, 'services/projects/dist/domain/rules.js')) as { drawPanel<T>(pool: T[], seed: number, size: number): T[] };

/**
 * Development-reform and finance deciders are `fgw-approver` / `czj-approver` of infra/demo/org.json. The parts that
 * need them run when the running Keycloak imported this realm.json, or when PROJECTS_TEST_REFORM / PROJECTS_TEST_FINANCE
 * name other demo users (with PROJECT_REFORM_DEPARTMENT_KIND / PROJECT_FINANCE_DEPARTMENT_KIND set to their departments).
 */
const REFORM = (process.env.PROJECTS_TEST_REFORM ?? 'city-fgw-approver') as DemoUser;
const FINANCE = (process.env.PROJECTS_TEST_FINANCE ?? 'city-czj-approver') as DemoUser;
const COUNTY_REFORM = REFORM.replace(/^city-/, 'county-') as DemoUser;
function realmImported(): boolean {
  const tools = join(ROOT, '.tools');
  const kc = existsSync(tools) ? readdirSync(tools).find((d) => d.startsWith('keycloak-')) : undefined;
  const stamp = kc ? join(tools, kc, '.realm.sha256') : '';
  const realm = createHash('sha256').update(readFileSync(join(ROOT, 'infra/keycloak/realm.json'))).digest('hex');
  return !!stamp && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === realm;
}
const withParties = realmImported() || !!process.env.PROJECTS_TEST_REFORM ? describe : describe.skip;

const OWNER: DemoUser = 'city-gaj-admin';
const AUTHORITY: DemoUser = 'city-authority';
const CITY_PERIOD = '00000000-0000-4000-a000-000000420600'; // seeded 2026年度 (services/assessment/src/seed.ts)
const RUN_ASSESSMENT = 'mutation($p: ID!) { runAssessment(periodId: $p) { id status } }';
const READ_RUN = 'query($id: ID!) { assessmentRun(id: $id) { id status } }';
const PUBLISH_RUN = 'mutation($id: ID!) { publishAssessmentRun(id: $id) { id } }';
const LATEST = 'query($d: ID!) { latestDepartmentAssessment(departmentId: $d) { periodName indicators { metric value score } } }';
const FIELDS = `id status planType stageDeadline deadlineOfficial budget approvedBudget refusalReason resourceIds failedAcceptances paymentWithheld
  finalByAuthority finalByFinance archiveNo needsExpertReview pendingChange { content } termination { cause statement }
  expertPanel { seed poolIds members { expertId affiliation } } evaluation { total } history { step actor detail } omReports { omYear filedAt overdue }`;
const CREATE = `mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { ${FIELDS} } }`;
const SUBMIT_PROJECT = `mutation($id: ID!, $r: String) { submitDigitalProject(id: $id, urgentReason: $r) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $input: DecisionInput!) { decideDigitalProject(id: $id, input: $input) { ${FIELDS} } }`;
const PLAN = `mutation($id: ID!, $input: ConstructionPlanInput!) { fileConstructionPlan(id: $id, input: $input) { ${FIELDS} } }`;
const PANEL = `mutation($id: ID!, $size: Int!) { drawExpertPanel(id: $id, size: $size) { ${FIELDS} } }`;
const PROCURE = `mutation($id: ID!, $input: ProcurementInput!) { recordProcurement(id: $id, input: $input) { ${FIELDS} } }`;
const SECURITY = `mutation($id: ID!, $input: SecurityAssessmentInput!) { recordSecurityAssessment(id: $id, input: $input) { ${FIELDS} } }`;
const ACCEPT = `mutation($id: ID!, $input: AcceptanceInput!) { fileAcceptance(id: $id, input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!, $no: String!) { fileProjectArchive(id: $id, archiveNo: $no) { ${FIELDS} } }`;
const OM = 'mutation($id: ID!, $input: OmReportInput!) { fileOmReport(id: $id, input: $input) { omYear filedAt overdue } }';
const EVALUATE = `mutation($id: ID!, $input: EvaluationInput!) { evaluateDigitalProject(id: $id, input: $input) { ${FIELDS} } }`;
const CHANGE = `mutation($id: ID!, $input: ChangeInput!) { requestProjectChange(id: $id, input: $input) { ${FIELDS} } }`;
const TERMINATE = `mutation($id: ID!, $input: TerminationInput!) { terminateDigitalProject(id: $id, input: $input) { ${FIELDS} } }`;
const GATE = 'mutation($input: GateInput!) { setProjectApprovalGate(input: $input) { regionCode minTotalScore minIndicatorValue } }';
const GET = `query($id: ID!) { digitalProject(id: $id) { ${FIELDS} } }`;
const LIST = 'query($filter: DigitalProjectFilter) { digitalProjects(filter: $filter, first: 100) { edges { node { id } } } }';
const SCHEDULE = 'query($id: ID!) { digitalProject(id: $id) { omSchedule { omYear due official filedAt overdue } } }';
const EXPERTS = 'query { projectExperts { id name affiliation active } }';
const ADD_EXPERT = 'mutation($input: ExpertInput!) { addProjectExpert(input: $input) { id name active } }';
const EXPERT_ACTIVE = 'mutation($id: ID!, $active: Boolean!) { setProjectExpertActive(id: $id, active: $active) { id active } }';
const INDICATORS = 'query($d: ID!, $from: String!, $to: String!) { projectIndicators(departmentId: $d, from: $from, to: $to) { projects accepted evaluated averageEvaluation } }';

const chinaYear = () => new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
let seq = 0;
const declaration = (budget: number, extra: Record<string, unknown> = {}) => ({
  name: `项目测试 ${Date.now().toString(36)}-${seq++}`, description: '测试项目概要', year: chinaYear() + 2, budget, kind: 'SELF_BUILT',
  fundingSource: '财政专项资金', basis: '测试依据', selfBuiltReason: '行业专网，须与省厅系统对接', yearlyInvestment: [{ year: chinaYear() + 2, amount: budget }], ...extra,
});
const field = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions?.field;
const decide = (who: DemoUser, id: string, step: string, approve = true, extra: Record<string, unknown> = {}) =>
  ok(who, DECIDE, { id, input: { step, approve, comment: '测试意见', ...extra } }).then((d) => d.decideDigitalProject);

/** Declared, submitted to the annual plan, in the approved plan. */
async function inPlan(budget: number): Promise<string> {
  const id = (await ok(OWNER, CREATE, { input: declaration(budget) })).createDigitalProject.id as string;
  await ok(OWNER, SUBMIT_PROJECT, { id });
  expect((await decide(AUTHORITY, id, 'PLAN')).status).toBe('PLAN_APPROVED');
  return id;
}
/** The construction plan with one fresh (draft) catalog entry of the owner; returns that entry. */
async function planned(id: string): Promise<string> {
  const resource = await createEntry(OWNER, {}, 'PRJ');
  const p = (await ok(OWNER, PLAN, { id, input: { plan: '建设方案：数据治理平台', resourceIds: [resource], newSystem: true, sharingInterfaces: '共享接口：人口核验 API' } })).fileConstructionPlan;
  expect(p.status).toBe('TECHNICAL_REVIEW');
  return resource;
}
const procurement = { procurementDocument: '招标文件 ZB-2027-01', contractNo: 'HT-2027-01', contractor: '测试科技有限公司', contractAmount: 1_400_000, omYears: 3, supervisor: '测试监理有限公司' };
const passedAssessment = { level: 3, agency: '湖北省信息安全测评中心', reportNo: 'DJCP-2027-001', passed: true, assessedOn: '2027-06-01' };
async function publish(resource: string): Promise<void> {
  await ok(OWNER, SUBMIT, { id: resource });
  await ok(AUTHORITY, REVIEW, { id: resource, approve: true, comment: '同意' });
}

describe('plan (001 项目 §5, §10-12)', () => {
  test('§10: a declaration before 30 October goes to the annual plan, with a working-day limit for compiling it', async () => {
    const p = (await ok(OWNER, CREATE, { input: declaration(800_000) })).createDigitalProject;
    const s = (await ok(OWNER, SUBMIT_PROJECT, { id: p.id })).submitDigitalProject;
    expect(s).toMatchObject({ status: 'SUBMITTED', planType: 'ANNUAL' });
    expect(s.stageDeadline).toEqual(expect.any(String));
    expect(typeof s.deadlineOfficial).toBe('boolean');
    const listed = await ok(AUTHORITY, LIST, { filter: { status: 'SUBMITTED', overdue: false } });
    expect(listed.digitalProjects.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(p.id);
  });

  test('§11: a project declared after 30 October for its year goes to the supplementary plan and must say why it is urgent', async () => {
    const p = (await ok(OWNER, CREATE, { input: declaration(800_000, { year: chinaYear(), yearlyInvestment: [] }) })).createDigitalProject;
    const late = await gql(OWNER, SUBMIT_PROJECT, { id: p.id });
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'urgentReason' });
    const s = (await ok(OWNER, SUBMIT_PROJECT, { id: p.id, r: '省厅部署的急需系统' })).submitDigitalProject;
    expect(s).toMatchObject({ status: 'SUPPLEMENTARY_SUBMITTED', planType: 'SUPPLEMENTARY' });
    expect((await decide(AUTHORITY, p.id, 'PLAN')).history.map((h: { step: string }) => h.step)).toContain('SUPPLEMENTARY_PLAN_APPROVED');
  });

  test('§5, §10: a self-built project says why it cannot be unified; a unified one names two or more departments', async () => {
    expect(field(await gql(OWNER, CREATE, { input: declaration(500_000, { selfBuiltReason: null }) }))).toBe('selfBuiltReason');
    expect(field(await gql(OWNER, CREATE, { input: declaration(500_000, { kind: 'UNIFIED', participatingDepartmentIds: ['420600-gaj'] }) }))).toBe('participatingDepartmentIds');
  });

  test('§12: only a project in an approved plan files its construction plan; 临湘资源办法 §11: a new system plans sharing interfaces', async () => {
    const p = (await ok(OWNER, CREATE, { input: declaration(600_000) })).createDigitalProject;
    const resource = await createEntry(OWNER, {}, 'PRJ');
    const early = await gql(OWNER, PLAN, { id: p.id, input: { plan: '建设方案：测试用的建设方案', resourceIds: [resource], newSystem: false } });
    expect(codes(early)).toEqual(['CONFLICT']);
    const id = await inPlan(600_000);
    const noSharing = await gql(OWNER, PLAN, { id, input: { plan: '建设方案：新建系统', resourceIds: [resource], newSystem: true } });
    expect(field(noSharing)).toBe('sharingInterfaces');
    const foreign = await gql(OWNER, PLAN, { id, input: { plan: '建设方案：新建系统', resourceIds: ['00000000-0000-4000-8000-000004206001'], newSystem: false } });
    expect(foreign.errors?.[0].extensions).toMatchObject({ field: 'resourceIds', problems: [{ field: 'resourceIds', reason: expect.stringMatching(/belongs to 420600-scjg/) }] });
  });

  test('§5, §13: the big-data centre compiles the construction plan of a unified project, with the catalog entries of its departments', async () => {
    const p = (await ok(OWNER, CREATE, { input: declaration(1_800_000, { kind: 'UNIFIED', selfBuiltReason: null, participatingDepartmentIds: ['420600-gaj', '420600-wjw'] }) })).createDigitalProject;
    await ok(OWNER, SUBMIT_PROJECT, { id: p.id });
    await decide(AUTHORITY, p.id, 'PLAN');
    const input = { plan: '统建方案：医疗与人口数据协同', resourceIds: ['00000000-0000-4000-8000-000004206003'], newSystem: true, sharingInterfaces: '协同查询接口' };
    expect(codes(await gql(OWNER, PLAN, { id: p.id, input }))).toEqual(['FORBIDDEN']);
    expect((await ok('city-operator', PLAN, { id: p.id, input })).fileConstructionPlan).toMatchObject({ status: 'TECHNICAL_REVIEW', resourceIds: input.resourceIds });
  });

  test("§15: the city's authority keeps the expert pool; a county's authority does not", async () => {
    const added = (await ok(AUTHORITY, ADD_EXPERT, { input: { name: `测试专家${seq++}`, affiliation: '襄阳市信息中心', field: '数据库' } })).addProjectExpert;
    expect(added.active).toBe(true);
    expect((await ok(AUTHORITY, EXPERTS)).projectExperts.map((e: { id: string }) => e.id)).toContain(added.id);
    expect(codes(await gql('county-authority', ADD_EXPERT, { input: { name: '县级专家', affiliation: '枣阳市', field: '网络' } }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql(OWNER, EXPERTS))).toEqual(['FORBIDDEN']);
    expect((await ok(AUTHORITY, EXPERT_ACTIVE, { id: added.id, active: false })).setProjectExpertActive.active).toBe(false);
  });

  test('§14: a budget of 2,000,000 CNY or more cannot skip the expert panel', async () => {
    const id = await inPlan(2_000_000);
    await planned(id);
    expect(codes(await gql(AUTHORITY, DECIDE, { id, input: { step: 'TECHNICAL_REVIEW', approve: true } }))).toEqual(['CONFLICT']);
  });
});

withParties('lifecycle with development-reform and finance (001 项目 §13-33)', () => {
  test('< 2M (§26(一)): plan to acceptance by the owner, archive, O&M report and post-evaluation; acceptance refused while the catalog entry is unpublished or the 等保测评 missing (004 §35, §32)', async () => {
    const id = await inPlan(1_500_000);
    const resource = await planned(id);
    expect((await decide(AUTHORITY, id, 'TECHNICAL_REVIEW')).status).toBe('APPROVAL_REVIEW');
    expect((await decide(REFORM, id, 'APPROVAL')).status).toBe('BUDGET_REVIEW');
    expect(await decide(FINANCE, id, 'BUDGET', true, { approvedBudget: 1_450_000 })).toMatchObject({ status: 'APPROVED', approvedBudget: 1_450_000 });
    expect(field(await gql(OWNER, PROCURE, { id, input: { ...procurement, omYears: 2 } }))).toBe('omYears'); // §19
    expect((await ok(OWNER, PROCURE, { id, input: procurement })).recordProcurement.status).toBe('UNDER_CONSTRUCTION');

    const refused = await gql(OWNER, ACCEPT, { id, input: { passed: true, report: '验收报告' } });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].message).toMatch(/DRAFT, not PUBLISHED/);
    expect(refused.errors![0].message).toMatch(/等保测评/);
    await ok(OWNER, SECURITY, { id, input: passedAssessment });
    const unpublished = await gql(OWNER, ACCEPT, { id, input: { passed: true, report: '验收报告' } });
    expect(unpublished.errors![0].message).toMatch(/DRAFT, not PUBLISHED/);
    expect(unpublished.errors![0].message).not.toMatch(/等保测评/);
    await publish(resource);
    expect((await ok(OWNER, ACCEPT, { id, input: { passed: true, report: '验收报告' } })).fileAcceptance.status).toBe('ACCEPTED');

    expect((await ok(OWNER, ARCHIVE, { id, no: 'DA-2027-001' })).fileProjectArchive).toMatchObject({ status: 'IN_OPERATION', archiveNo: 'DA-2027-001' });
    expect((await ok(OWNER, OM, { id, input: { omYear: 1, summary: '系统运行平稳' } })).fileOmReport).toMatchObject({ omYear: 1, overdue: false });
    expect(codes(await gql(OWNER, OM, { id, input: { omYear: 1, summary: '重复' } }))).toEqual(['CONFLICT']);
    const schedule = (await ok(OWNER, SCHEDULE, { id })).digitalProject.omSchedule;
    expect(schedule.map((y: { omYear: number }) => y.omYear)).toEqual([1, 2, 3]);
    expect(schedule[0]).toMatchObject({ filedAt: expect.any(String), overdue: false });
    expect(schedule[1]).toMatchObject({ filedAt: null, overdue: false, due: expect.any(String), official: expect.any(Boolean) });
    expect(field(await gql(OWNER, OM, { id, input: { omYear: 4, summary: '超出运维期' } }))).toBe('omYear');
    const evaluated = (await ok(AUTHORITY, EVALUATE, { id, input: { construction: 90, use: 80, effect: 85, security: 95 } })).evaluateDigitalProject;
    expect(evaluated.evaluation.total).toBe(87.5);
    // §33: assessment reads the evaluation as an indicator of the owner department.
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const ind = (await ok('city-assessor', INDICATORS, { d: '420600-gaj', from: today, to: today })).projectIndicators;
    expect(ind.evaluated).toBeGreaterThanOrEqual(1);
    expect(ind.accepted).toBeGreaterThanOrEqual(1);
    expect(codes(await gql('county-assessor', INDICATORS, { d: '420600-gaj', from: today, to: today }))).toEqual(['FORBIDDEN']);
  });

  test('>= 2M (§14-15, §26(二)): an expert panel drawn reproducibly without the owner\'s experts, initial acceptance, trial run, final acceptance by the authority and finance', async () => {
    const id = await inPlan(3_000_000);
    const resource = await planned(id);
    const drawn = (await ok(AUTHORITY, PANEL, { id, size: 5 })).drawExpertPanel;
    expect(drawn.status).toBe('EXPERT_REVIEW');
    const panel = drawn.expertPanel;
    expect(panel.members).toHaveLength(5);
    expect(panel.members.every((m: { affiliation: string }) => m.affiliation !== '420600-gaj')).toBe(true);
    expect(drawPanel(panel.poolIds, panel.seed, 5)).toEqual(panel.members.map((m: { expertId: string }) => m.expertId));
    expect((await decide(AUTHORITY, id, 'EXPERT_REVIEW')).status).toBe('APPROVAL_REVIEW');
    await decide(REFORM, id, 'APPROVAL');
    await decide(FINANCE, id, 'BUDGET');
    await ok(OWNER, PROCURE, { id, input: { ...procurement, contractAmount: 2_900_000, omYears: 5 } });
    await ok(OWNER, SECURITY, { id, input: passedAssessment });
    await publish(resource);
    expect((await ok(OWNER, ACCEPT, { id, input: { passed: true, report: '初步验收报告' } })).fileAcceptance.status).toBe('TRIAL_RUN');
    expect(codes(await gql(OWNER, DECIDE, { id, input: { step: 'FINAL_ACCEPTANCE_AUTHORITY', approve: true } }))).toEqual(['FORBIDDEN']);
    expect(await decide(AUTHORITY, id, 'FINAL_ACCEPTANCE_AUTHORITY')).toMatchObject({ status: 'TRIAL_RUN', finalByAuthority: true, finalByFinance: false });
    expect(await decide(FINANCE, id, 'FINAL_ACCEPTANCE_FINANCE')).toMatchObject({ status: 'ACCEPTED', finalByAuthority: true, finalByFinance: true });
  });

  test('§27: a failed acceptance goes to rectification with a deadline; failing again withholds the remaining payment', async () => {
    const id = await inPlan(900_000);
    await planned(id);
    await decide(AUTHORITY, id, 'TECHNICAL_REVIEW');
    await decide(REFORM, id, 'APPROVAL');
    await decide(FINANCE, id, 'BUDGET');
    await ok(OWNER, PROCURE, { id, input: procurement });
    const first = (await ok(OWNER, ACCEPT, { id, input: { passed: false, report: '功能未达标' } })).fileAcceptance;
    expect(first).toMatchObject({ status: 'RECTIFICATION', failedAcceptances: 1, paymentWithheld: false });
    expect(first.stageDeadline).toEqual(expect.any(String));
    expect((await ok(OWNER, ACCEPT, { id, input: { passed: false, report: '整改后仍未达标' } })).fileAcceptance)
      .toMatchObject({ status: 'ACCEPTANCE_FAILED', failedAcceptances: 2, paymentWithheld: true });
  });

  test('004 §35, 000 §28: the assessment gate reads the published computed assessment and names the failing indicator', async () => {
    const id = await inPlan(700_000);
    await planned(id);
    await decide(AUTHORITY, id, 'TECHNICAL_REVIEW');
    // A published entry that is not mounted keeps gaj's computed mount rate below 1; the city's assessment is then run
    // and published (services/assessment: no score is written by hand any more).
    await publishedEntry(OWNER, AUTHORITY, {}, 'GATE');
    const run = (await ok(AUTHORITY, RUN_ASSESSMENT, { p: CITY_PERIOD })).runAssessment;
    const done = await eventually(async () => (await ok('city-assessor', READ_RUN, { id: run.id })).assessmentRun, (r) => r.status !== 'RUNNING', 300, 200);
    expect(done.status).toBe('COMPLETED');
    await ok(AUTHORITY, PUBLISH_RUN, { id: run.id });
    const latest = (await ok('city-assessor', LATEST, { d: '420600-gaj' })).latestDepartmentAssessment;
    const mount = latest.indicators.find((i: { metric: string }) => i.metric === '资源挂接率');
    expect(mount.value).toBeLessThan(1);
    await ok(AUTHORITY, GATE, { input: { minTotalScore: 0, minIndicatorValue: 0.9999 } });
    try {
      const refused = await decide(REFORM, id, 'APPROVAL');
      expect(refused.status).toBe('REJECTED');
      expect(refused.refusalReason).toContain(`资源挂接率 ${mount.value} < 0.9999`);
    } finally {
      // Open again: the other tests' approvals do not depend on what the computed assessment says of gaj.
      await ok(AUTHORITY, GATE, { input: { minTotalScore: 0, minIndicatorValue: 0 } });
    }
  });

  test('§24: a change is approved by the authority and filed; §25: termination with its cause and written statement', async () => {
    const id = await inPlan(1_000_000);
    await planned(id);
    await decide(AUTHORITY, id, 'TECHNICAL_REVIEW');
    await decide(REFORM, id, 'APPROVAL');
    await decide(FINANCE, id, 'BUDGET');
    await ok(OWNER, PROCURE, { id, input: procurement });
    const asked = (await ok(OWNER, CHANGE, { id, input: { content: '增加移动端', reason: '群众办事需求', newBudget: 1_100_000 } })).requestProjectChange;
    expect(asked.pendingChange.content).toBe('增加移动端');
    expect(codes(await gql(OWNER, CHANGE, { id, input: { content: '再变更', reason: '测试' } }))).toEqual(['CONFLICT']);
    const changed = await decide(AUTHORITY, id, 'CHANGE');
    expect(changed).toMatchObject({ pendingChange: null, budget: 1_100_000, approvedBudget: 1_100_000, status: 'UNDER_CONSTRUCTION' });
    expect(changed.history.map((h: { step: string }) => h.step)).toEqual(expect.arrayContaining(['CHANGE_REQUESTED', 'CHANGE_APPROVED']));
    expect(field(await gql(OWNER, TERMINATE, { id, input: { cause: 'FORCE_MAJEURE', statement: '短' } }))).toBe('statement');
    const ended = (await ok(OWNER, TERMINATE, { id, input: { cause: 'CONTRACTOR_NONCOMPLIANT', statement: '承建单位拒不按建设方案执行，拒不接受监督检查，依法终止。' } })).terminateDigitalProject;
    expect(ended).toMatchObject({ status: 'TERMINATED', termination: { cause: 'CONTRACTOR_NONCOMPLIANT' } });
    expect(codes(await gql(OWNER, ACCEPT, { id, input: { passed: true, report: '验收' } }))).toEqual(['CONFLICT']);
  });

  test('authorization of each party (§16-17, §26): the owner, the other departments, the county, the wrong party', async () => {
    const id = await inPlan(1_200_000);
    await planned(id);
    const tryStep = async (who: DemoUser, step: string) => codes(await gql(who, DECIDE, { id, input: { step, approve: true } }));
    expect(await tryStep(OWNER, 'TECHNICAL_REVIEW')).toEqual(['FORBIDDEN']);
    expect(await tryStep('county-authority', 'TECHNICAL_REVIEW')).toEqual(['FORBIDDEN']);
    expect(await tryStep(REFORM, 'TECHNICAL_REVIEW')).toEqual(['FORBIDDEN']);
    await decide(AUTHORITY, id, 'TECHNICAL_REVIEW');
    expect(await tryStep('city-gaj-approver', 'APPROVAL')).toEqual(['FORBIDDEN']);
    expect(await tryStep(COUNTY_REFORM, 'APPROVAL')).toEqual(['FORBIDDEN']);
    expect(await tryStep(FINANCE, 'APPROVAL')).toEqual(['FORBIDDEN']);
    expect(await tryStep(AUTHORITY, 'APPROVAL')).toEqual(['FORBIDDEN']);
    expect(await tryStep(REFORM, 'BUDGET')).toEqual(['FORBIDDEN']);
    expect((await ok(REFORM, GET, { id })).digitalProject.status).toBe('APPROVAL_REVIEW'); // the deciders read what they decide
    expect(codes(await gql('city-zrzy-user', GET, { id }))).toEqual(['FORBIDDEN']);
    expect(codes(await gql('city-gaj-approver', PROCURE, { id, input: procurement }))).toEqual(['FORBIDDEN']);
  });
});
