// Walks the authorization matrix (gateway/src/authz/matrix.ts, published as docs/authorization-matrix.md) against the
// running graph with real Keycloak tokens:
//  1. role gate — every query and mutation of the supergraph × every caller role, in the city and in a county, plus a
//     machine identity and an anonymous caller;
//  2. scope — for operations on department-owned objects, every caller × objects owned by two departments in the
//     city and the same two in the county (own department / other department / other level).
import { CALLERS, expected, MATRIX, relationOf, type Caller, type HumanRole, type Level, type OperationRule } from '../gateway/src/authz/matrix';
import { rootOperations, type RootOperation } from '../gateway/src/authz/operations';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { auditDrained, codes, eventually, gatewayUrl, ok, serviceToken, tokenOf, uniqueCode, type DemoUser } from './support';
import { ROOT } from './stack';
import { seededPlanId } from '../services/security/src/domain/demo';
import { graphqlRequest } from '@gov/kit';
import { qualityInspectionScheduleId, sharePullScheduleId } from '@gov/workflows';

const REGION: Record<Level, string> = { city: '420600', county: '420683' };
/** The demo user playing each human role (org.json), and its department kind. */
const PLAYER: Record<HumanRole, { user: string; dept: string | null }> = {
  authority: { user: 'authority', dept: 'sjj' },
  'platform-operator': { user: 'operator', dept: 'dsjzx' },
  'dept-admin': { user: 'gaj-admin', dept: 'gaj' },
  'dept-approver': { user: 'gaj-approver', dept: 'gaj' },
  'dept-user': { user: 'wjw-user', dept: 'wjw' },
  assessor: { user: 'assessor', dept: 'kpb' },
  public: { user: 'public', dept: null },
};

interface Principal { caller: Caller; level: Level; label: string; department: string | null; region: string | null; token?: string }

async function principals(): Promise<Principal[]> {
  const out: Principal[] = [];
  for (const caller of CALLERS) {
    if (caller === 'anonymous') { out.push({ caller, level: 'city', label: 'anonymous', department: null, region: null }); continue; }
    if (caller === 'service') {
      out.push({ caller, level: 'city', label: 'svc-platform', department: '420600-dsjzx', region: '420600', token: await serviceToken('svc-platform') });
      continue;
    }
    for (const level of ['city', 'county'] as const) {
      const p = PLAYER[caller];
      const label = `${level}-${p.user}`;
      out.push({ caller, level, label, region: REGION[level], department: p.dept ? `${REGION[level]}-${p.dept}` : null, token: await tokenOf(label as DemoUser) });
    }
  }
  return out;
}

type Response = Awaited<ReturnType<typeof graphqlRequest>>;

/** Every mutation call carries its own request id, so its audit record can be found (issue 9: one record per call). */
interface AuditExpectation { op: string; who: Principal; requestId: string; outcome: 'SUCCESS' | 'DENIED' }
const auditExpectations: AuditExpectation[] = [];
let lastRequestId = '';
const call = (p: Principal, document: string, variables: Record<string, unknown>): Promise<Response> => {
  lastRequestId = `authz-${randomUUID()}`;
  return graphqlRequest(gatewayUrl(), document, variables, p.token, { 'x-request-id': lastRequestId });
};
/** After a mutation call: a clean success must leave one SUCCESS record, a refusal one DENIED record. */
function expectAudit(op: RootOperation, p: Principal, res: Response, field: string): void {
  if (op.kind !== 'mutation' || p.caller === 'anonymous') return;
  const c = codes(res);
  const data = res.data as Record<string, unknown> | null | undefined;
  if (c.length === 1 && c[0] === 'FORBIDDEN') auditExpectations.push({ op: op.key, who: p, requestId: lastRequestId, outcome: 'DENIED' });
  else if (!c.length && data?.[field] != null) auditExpectations.push({ op: op.key, who: p, requestId: lastRequestId, outcome: 'SUCCESS' });
}

/**
 * Errors raised before execution (parse, validation, variable coercion) would hide the role gate: none allowed. A
 * subgraph answers an anonymous call to a protected field with HTTP 401, which the gateway reports without a path
 * as UNAUTHENTICATED — that is the gate itself, not a request error.
 */
function requestLevelErrors(res: Response): unknown[] {
  return (res.errors ?? [])
    .filter((e) => !(e as { path?: unknown }).path && e.extensions?.code !== 'UNAUTHENTICATED')
    .map((e) => `${String(e.extensions?.code)}: ${e.message}`);
}

function gateOutcome(res: Response): 'refused' | 'passed' {
  const c = codes(res);
  return c.includes('FORBIDDEN') || c.includes('UNAUTHENTICATED') ? 'refused' : 'passed';
}

let everyone: Principal[];
beforeAll(async () => { everyone = await principals(); }, 60_000);

const operations = rootOperations();

describe('authorization matrix: role gate of every operation', () => {
  test.each(operations.map((o) => [o.key, o] as const))('%s', async (_key, op: RootOperation) => {
    const rule = MATRIX[op.key];
    expect(rule).toBeDefined(); // an operation without a matrix entry fails here and in gateway/src/authz/matrix.test.ts
    const mismatches: string[] = [];
    for (const p of everyone) {
      const res = await call(p, op.document, { ...op.variables, ...rule.vars });
      expect({ who: p.label, errors: requestLevelErrors(res) }).toEqual({ who: p.label, errors: [] });
      const want = rule.allow.includes(p.caller) && (!rule.levels || p.caller === 'service' || rule.levels.includes(p.level)) ? 'passed' : 'refused';
      const got = gateOutcome(res);
      expectAudit(op, p, res, op.field);
      if (got !== want) mismatches.push(`${p.label}: expected ${want}, got ${got} ${JSON.stringify(codes(res))}`);
      if (want === 'refused' && got === 'refused') {
        expect({ who: p.label, codes: codes(res) }).toEqual({ who: p.label, codes: [p.caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN'] });
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});

// ── scope ─────────────────────────────────────────────────────────────────────────────────────────────────────────
interface Owned { id: string; departmentId: string; regionCode: string }
type OwnerKey = `${Level}-${'gaj' | 'scjg'}`;
const OWNERS: OwnerKey[] = ['city-gaj', 'city-scjg', 'county-gaj', 'county-scjg'];

function as(user: string, document: string, variables: Record<string, unknown>) {
  return ok<Record<string, Record<string, string>>>(user as DemoUser, document, variables);
}

function owned(owner: OwnerKey, id: string): Owned {
  const [level, kind] = owner.split('-') as [Level, string];
  return { id, departmentId: `${REGION[level]}-${kind}`, regionCode: REGION[level] };
}

const catalogEntry = () => ({
  code: uniqueCode('AUTHZ'), name: '授权矩阵测试目录', description: '授权矩阵测试', category: 'DEPARTMENT', shareType: 'UNCONDITIONAL',
  openType: 'NOT_OPEN', notOpenReason: '测试数据', sensitivityGrade: 'LOW',
  items: [{ name: '名称', type: 'STRING', length: 50, sensitive: false }],
});
const CREATE_RESOURCE = 'mutation($input: DataResourceInput!) { createDataResource(input: $input) { id } }';

async function draftResource(owner: OwnerKey): Promise<Owned> {
  const d = await as(`${owner}-admin`, CREATE_RESOURCE, { input: catalogEntry() });
  return owned(owner, d.createDataResource.id);
}
async function submittedResource(owner: OwnerKey): Promise<Owned> {
  const o = await draftResource(owner);
  await as(`${owner}-admin`, 'mutation($id: ID!) { submitDataResource(id: $id) { id } }', { id: o.id });
  return o;
}
async function project(owner: OwnerKey): Promise<Owned> {
  const d = await as(`${owner}-admin`, 'mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { id } }', {
    input: { name: `授权矩阵测试项目 ${uniqueCode('P')}`, year: new Date().getUTCFullYear() + 1, budget: 100000, kind: 'SELF_BUILT', selfBuiltReason: '授权矩阵测试' },
  });
  return owned(owner, d.createDigitalProject.id);
}
async function openDataset(owner: OwnerKey): Promise<Owned> {
  const d = await as(`${owner}-admin`, 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }', {
    input: { name: '授权矩阵测试数据集', openType: 'UNCONDITIONAL', formats: ['CSV'], dataType: '表格', openMode: 'DOWNLOAD', updateFrequency: 'MONTHLY', theme: '测试' },
  });
  return owned(owner, d.createOpenDataset.id);
}
/** Seeded published resources (services/catalog/src/seed.ts): gaj's POP-BASE and scjg's LP-BASE in each region. */
const SEEDED_RESOURCE: Record<string, number> = { gaj: 0, scjg: 1 };
async function qualityIssue(owner: OwnerKey): Promise<Owned> {
  const [level, kind] = owner.split('-') as [Level, string];
  const o = owned(owner, '');
  const resourceId = `00000000-0000-4000-8000-${(REGION[level] + String(SEEDED_RESOURCE[kind])).padStart(12, '0')}`;
  const d = await as(`${level}-operator`, 'mutation($input: QualityIssueInput!) { reportQualityIssue(input: $input) { id } }', {
    input: { resourceId, departmentId: o.departmentId, description: '授权矩阵测试：疑义数据' },
  });
  return { ...o, id: d.reportQualityIssue.id };
}

async function incident(owner: OwnerKey): Promise<Owned> {
  const d = await as(`${owner}-admin`, 'mutation($input: ReportIncidentInput!) { reportSecurityIncident(input: $input) { id } }', {
    input: { title: '授权矩阵测试事件', description: '授权矩阵测试', severity: 'HIGH', emergencyPlan: '测试预案' },
  });
  return owned(owner, d.reportSecurityIncident.id);
}
async function agreement(owner: OwnerKey): Promise<Owned> {
  const o = owned(owner, `grant-${uniqueCode('AUTHZ')}`);
  const res = await graphqlRequest(gatewayUrl(), 'mutation($input: RecordAgreementInput!) { recordAgreement(input: $input) { id } }', {
    input: { grantId: o.id, consumerDepartmentId: o.departmentId, resourceId: 'authz-resource', signedBy: '测试签署人', text: '授权矩阵测试协议' },
  }, await serviceToken('svc-platform'));
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return o;
}

/** An emergency plan of the owner's department (000 §24), registered by its data administrator. */
async function planOf(owner: OwnerKey): Promise<Owned> {
  const d = await as(`${owner}-admin`, 'mutation($input: EmergencyPlanInput!) { registerEmergencyPlan(input: $input) { id } }', {
    input: { title: '授权矩阵测试预案', text: '授权矩阵测试：应急处置流程' },
  });
  return owned(owner, d.registerEmergencyPlan.id);
}
const yesterday = new Date(Date.now() + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

interface ScopeCase {
  /** Makes one object owned by `owner`, fresh for the operation. */
  fixture(owner: OwnerKey): Promise<Owned>;
  document: string;
  /** The call's variables; `caller` for an operation whose party depends on the caller's role (an approval step). */
  variables(o: Owned, caller: Caller): Record<string, unknown>;
}

const SCOPE_CASES: Record<string, ScopeCase> = {
  'Query.dataResource': { fixture: draftResource, document: 'query($id: ID!) { dataResource(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  'Mutation.updateDataResource': {
    fixture: draftResource, document: 'mutation($id: ID!, $input: DataResourceInput!) { updateDataResource(id: $id, input: $input) { id } }',
    variables: (o) => ({ id: o.id, input: catalogEntry() }),
  },
  'Mutation.submitDataResource': { fixture: draftResource, document: 'mutation($id: ID!) { submitDataResource(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  'Mutation.reviewDataResource': {
    fixture: submittedResource, document: 'mutation($id: ID!) { reviewDataResource(id: $id, approve: false, comment: "授权矩阵测试：退回") { id } }',
    variables: (o) => ({ id: o.id }),
  },
  'Query.digitalProject': { fixture: project, document: 'query($id: ID!) { digitalProject(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  'Mutation.submitDigitalProject': {
    fixture: project, document: 'mutation($id: ID!, $r: String) { submitDigitalProject(id: $id, urgentReason: $r) { id } }', variables: (o) => ({ id: o.id, r: '授权矩阵测试' }),
  },
  'Mutation.publishOpenDataset': { fixture: openDataset, document: 'mutation($id: ID!) { publishOpenDataset(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  'Query.qualityIssue': { fixture: qualityIssue, document: 'query($id: ID!) { qualityIssue(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  'Query.securityIncident': { fixture: incident, document: 'query($id: ID!) { securityIncident(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  'Mutation.notifyAuthorityOfIncident': { fixture: incident, document: 'mutation($id: ID!) { notifyAuthorityOfIncident(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  'Mutation.closeSecurityIncident': {
    fixture: incident, document: 'mutation($input: CloseIncidentInput!) { closeSecurityIncident(input: $input) { id } }',
    variables: (o) => ({ input: { id: o.id, summary: '授权矩阵测试：已处置' } }),
  },
  'Query.emergencyPlan': { fixture: planOf, document: 'query($id: ID!) { emergencyPlan(id: $id) { id } }', variables: (o) => ({ id: o.id }) },
  // The first keeper let through revises (or records the drill); later ones repeat it, which changes nothing.
  'Mutation.reviseEmergencyPlan': {
    fixture: planOf, document: 'mutation($input: ReviseEmergencyPlanInput!) { reviseEmergencyPlan(input: $input) { id } }',
    variables: (o) => ({ input: { id: o.id, text: '授权矩阵测试：应急处置流程（修订）', note: '授权矩阵测试' } }),
  },
  'Mutation.recordEmergencyDrill': {
    fixture: planOf, document: 'mutation($input: EmergencyDrillInput!) { recordEmergencyDrill(input: $input) { id } }',
    variables: (o) => ({ input: { planId: o.id, drilledOn: yesterday, participants: ['授权矩阵测试'], findings: '授权矩阵测试', followUpActions: [] } }),
  },
  'Query.agreementForGrant': { fixture: agreement, document: 'query($g: String!) { agreementForGrant(grantId: $g) { id } }', variables: (o) => ({ g: o.id }) },
  'Mutation.resolveQualityIssue': {
    fixture: qualityIssue, document: 'mutation($id: ID!) { resolveQualityIssue(id: $id, explanation: "授权矩阵测试：已核实") { id } }',
    variables: (o) => ({ id: o.id }),
  },
};

// Catalog (issue 3): the same draft/department fixtures reach each operation's scope check first; a domain refusal after
// it (CONFLICT: not published / not mounted, BAD_USER_INPUT: no such version) counts as let through.
const department = async (owner: OwnerKey): Promise<Owned> => owned(owner, owned(owner, '').departmentId);
async function demandOf(owner: OwnerKey): Promise<Owned> {
  const [level] = owner.split('-') as [Level, string];
  // The holder is a department no matrix player belongs to, so only the requesting department is a party.
  const d = await as(`${owner}-admin`, 'mutation($input: DemandInputType!) { raiseDemand(input: $input) { id } }', {
    input: { holderDepartmentId: `${REGION[level]}-zrzy`, title: `授权矩阵测试需求 ${uniqueCode('D')}`, description: '授权矩阵测试', items: [] },
  });
  return owned(owner, d.raiseDemand.id);
}
Object.assign(SCOPE_CASES, {
  'Query.dataResourceVersions': { fixture: draftResource, document: 'query($id: ID!) { dataResourceVersions(resourceId: $id) { totalCount } }', variables: (o: Owned) => ({ id: o.id }) },
  'Query.dataResourceDiff': { fixture: draftResource, document: 'query($id: ID!) { dataResourceDiff(resourceId: $id, fromVersion: 1, toVersion: 2) { field } }', variables: (o: Owned) => ({ id: o.id }) },
  'Mutation.requestDataResourceChange': {
    fixture: draftResource,
    document: 'mutation($id: ID!, $input: ChangeRequestInput!) { requestDataResourceChange(resourceId: $id, input: $input) { id } }',
    variables: (o: Owned) => ({ id: o.id, input: { basis: 'FUNCTION_CHANGED', reason: '授权矩阵测试', entry: catalogEntry() } }),
  },
  'Mutation.retireDataResource': { fixture: draftResource, document: 'mutation($id: ID!) { retireDataResource(id: $id, reason: "授权矩阵测试") { id } }', variables: (o: Owned) => ({ id: o.id }) },
  'Mutation.mountDataResource': {
    fixture: draftResource, document: 'mutation($id: ID!) { mountDataResource(id: $id, input: { kind: TABLE, endpoint: "ods.authz" }) { id } }', variables: (o: Owned) => ({ id: o.id }),
  },
  'Mutation.declareOutage': {
    fixture: draftResource, document: 'mutation($id: ID!) { declareOutage(id: $id, input: { reason: "授权矩阵测试", alternative: "电子表单" }) { id } }', variables: (o: Owned) => ({ id: o.id }),
  },
  'Mutation.endOutage': { fixture: draftResource, document: 'mutation($id: ID!) { endOutage(id: $id) { id } }', variables: (o: Owned) => ({ id: o.id }) },
  'Mutation.reportMountHealth': { fixture: draftResource, document: 'mutation($id: ID!) { reportMountHealth(id: $id, up: true) { id } }', variables: (o: Owned) => ({ id: o.id }) },
  'Query.informationSystems': { fixture: department, document: 'query($d: String!) { informationSystems(departmentId: $d) { totalCount } }', variables: (o: Owned) => ({ d: o.departmentId }) },
  'Query.catalogCoverage': { fixture: department, document: 'query($d: String) { catalogCoverage(departmentId: $d) { systems } }', variables: (o: Owned) => ({ d: o.departmentId }) },
  'Query.demand': { fixture: demandOf, document: 'query($id: ID!) { demand(id: $id) { id } }', variables: (o: Owned) => ({ id: o.id }) },
} satisfies Record<string, ScopeCase>);

// Sharing (issue 4): applications and grants have two parties. Each fixture picks the party that owns the object for
// the rule (consumer or provider) among the four owners, and takes the other party from a department no matrix player
// belongs to (zrzy), or — for operations only the consumer may use — from any other department, so the walk's single
// owner is the only party a player can belong to.
/** Seeded resources per region (services/catalog/src/seed.ts): 0 POP-BASE (gaj, CONDITIONAL), 1 LP-BASE (scjg,
 * UNCONDITIONAL), 2 GEO-PARCEL (zrzy, CONDITIONAL), 3 HEALTH-INST (wjw, UNCONDITIONAL). */
const seededResource = (level: Level, index: number) => `00000000-0000-4000-8000-${(REGION[level] + String(index)).padStart(12, '0')}`;
const { populationRow, legalPersonRow } = require(join(ROOT, 'services/sharing/dist/domain/demo.js')) as {
  populationRow(i: number): Record<string, string>; legalPersonRow(i: number): Record<string, string>;
};
const year = new Date().getUTCFullYear();
const PERIOD = { periodFrom: `${year}-01-01`, periodTo: `${year + 1}-12-31` };
const APPLY = 'mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { id } }';
const SUBMIT_APPLICATION = 'mutation($id: ID!) { submitShareApplication(id: $id) { id status stage } }';
const SUBSCRIBE = 'mutation($input: SubscriptionInput!) { subscribeToResource(input: $input) { id } }';
const SIGN = 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id } }';
const levelOf = (owner: OwnerKey) => owner.split('-') as [Level, 'gaj' | 'scjg'];
/** 000 §24: the consumer's security capability, naming its department's seeded emergency plan (services/security/src/seed.ts). */
const DECLARE = 'mutation($g: ID!, $input: SecurityCapabilityInput!) { declareSecurityCapability(grantId: $g, input: $input) { status } }';
const CONFIRM = 'mutation($g: ID!) { confirmSecurityCapability(grantId: $g, passed: true) { status } }';
const capability = (level: Level, kind: 'gaj' | 'scjg' | 'zrzy') => ({
  responsiblePerson: '授权矩阵测试负责人', systems: ['授权矩阵测试系统'], gradeProtectionLevel: 3, emergencyPlanId: seededPlanId(REGION[level], kind),
});

/** A submitted application of the owner (consumer) for zrzy's GEO-PARCEL of its region: open at PROVIDER_REVIEW. */
async function applicationOf(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const d = await as(`${owner}-admin`, APPLY, {
    input: {
      resourceId: seededResource(level, 2), requestedItems: ['宗地编号', '坐落'], scenario: '授权矩阵测试：不动产登记', purpose: '授权矩阵测试',
      usageMode: 'QUERY', ...PERIOD, idempotencyKey: uniqueCode('authz'),
    },
  });
  const id = d.createShareApplication.id;
  const s = await as(`${owner}-admin`, SUBMIT_APPLICATION, { id });
  if (s.submitShareApplication.status !== 'SUBMITTED' || s.submitShareApplication.stage !== 'PROVIDER_REVIEW') throw new Error(`fixture: ${JSON.stringify(s)}`);
  return owned(owner, id);
}

/** Granted items of the subscriptions below: gaj subscribes to scjg's LP-BASE, scjg to wjw's HEALTH-INST. */
const SUBSCRIBED: Record<'gaj' | 'scjg', { index: number; items: string[] }> = {
  gaj: { index: 1, items: ['统一社会信用代码', '企业名称'] },
  scjg: { index: 3, items: ['机构名称', '执业许可证号'] },
};
/** A grant the owner holds as consumer (a subscription to an UNCONDITIONAL resource, 000 §16), signed unless asked not to. */
async function grantHeld(owner: OwnerKey, usageMode = 'QUERY', sign = true): Promise<Owned> {
  const [level, kind] = levelOf(owner);
  const { index, items } = SUBSCRIBED[kind];
  const d = await as(`${owner}-admin`, SUBSCRIBE, {
    input: { resourceId: seededResource(level, index), items, scenario: '授权矩阵测试', usageMode, ...PERIOD, idempotencyKey: uniqueCode('authz') },
  });
  const id = d.subscribeToResource.id;
  if (sign) {
    await as(`${owner}-admin`, SIGN, { g: id });
    await as(`${owner}-admin`, DECLARE, { g: id, input: capability(level, kind) });
    await as(`${level}-operator`, CONFIRM, { g: id });
  }
  return owned(owner, id);
}
const grantFields = (o: Owned) => SUBSCRIBED[o.departmentId.endsWith('-gaj') ? 'gaj' : 'scjg'].items.map((name) => ({ name, value: '授权矩阵测试' }));

/**
 * A grant the owner gives as provider to zrzy (no player): gaj's POP-BASE through the whole 000 §17 approval (zrzy
 * applies, gaj accepts, the operator files, gaj delivers); scjg's LP-BASE by zrzy's subscription.
 */
async function grantGiven(owner: OwnerKey): Promise<Owned> {
  const [level, kind] = levelOf(owner);
  const consumer = `${level}-zrzy-user`;
  if (kind === 'scjg') {
    const d = await as(consumer, SUBSCRIBE, {
      input: { resourceId: seededResource(level, 1), items: ['统一社会信用代码', '企业名称'], scenario: '授权矩阵测试', usageMode: 'QUERY', ...PERIOD, idempotencyKey: uniqueCode('authz') },
    });
    return owned(owner, d.subscribeToResource.id);
  }
  const d = await as(consumer, APPLY, {
    input: {
      resourceId: seededResource(level, 0), requestedItems: ['姓名', '户号'], scenario: '授权矩阵测试：户籍核验', purpose: '授权矩阵测试',
      usageMode: 'VERIFY', ...PERIOD, idempotencyKey: uniqueCode('authz'),
    },
  });
  const id = d.createShareApplication.id;
  await as(consumer, SUBMIT_APPLICATION, { id });
  const decide = 'mutation($id: ID!, $stage: ApprovalStage!) { decideShareApplication(id: $id, stage: $stage, approve: true) { id status stage } }';
  await as(`${owner}-approver`, decide, { id, stage: 'PROVIDER_REVIEW' });
  await as(`${level}-operator`, decide, { id, stage: 'FILING' });
  await as(`${owner}-admin`, decide, { id, stage: 'DELIVERY' });
  for (let i = 0; i < 100; i++) {
    const a = (await as(consumer, 'query($id: ID!) { shareApplication(id: $id) { status grantId } }', { id })).shareApplication;
    if (a.grantId) return owned(owner, a.grantId);
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`fixture: application ${id} was not granted`);
}

/**
 * A bulk load of the owner's own resource through the upload endpoint (001 §16). Its one row carries a column that is
 * no data item, so the load is FAILED with that row's problem: still the owner's load, and nothing enters the exchange
 * (no records for other suites to count, no PUSH delivery).
 */
async function loadOf(owner: OwnerKey): Promise<Owned> {
  const [level, kind] = levelOf(owner);
  const n = 700_000 + Math.floor(Math.random() * 100_000);
  const row = { ...(kind === 'gaj' ? populationRow(n) : legalPersonRow(n)), 授权矩阵测试: '不是数据项' };
  const url = `${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/exchange/resources/${seededResource(level, kind === 'gaj' ? 0 : 1)}/records?format=jsonl`;
  const res = await fetch(url, { method: 'POST', body: JSON.stringify(row), headers: { authorization: `Bearer ${await tokenOf(`${owner}-admin` as DemoUser)}` } });
  const body = (await res.json()) as { data?: { exchangeLoad: { id: string } } };
  if (!body.data?.exchangeLoad.id) throw new Error(`fixture: upload answered ${res.status} ${JSON.stringify(body)}`);
  return owned(owner, body.data.exchangeLoad.id);
}

const byId = (document: string): Pick<ScopeCase, 'document' | 'variables'> => ({ document, variables: (o) => ({ id: o.id }) });
Object.assign(SCOPE_CASES, {
  'Query.shareApplication': { fixture: applicationOf, ...byId('query($id: ID!) { shareApplication(id: $id) { id } }') },
  'Mutation.submitShareApplication': { fixture: applicationOf, ...byId('mutation($id: ID!) { submitShareApplication(id: $id) { id } }') },
  'Mutation.withdrawShareApplication': { fixture: applicationOf, ...byId('mutation($id: ID!) { withdrawShareApplication(id: $id) { id } }') },
  // Not rejected: the owner's call ends in CONFLICT (only a rejection can be disputed), after the scope check.
  'Mutation.disputeShareApplication': { fixture: applicationOf, ...byId('mutation($id: ID!) { disputeShareApplication(id: $id, reason: "授权矩阵测试：异议") { id } }') },
  'Query.shareGrant': { fixture: grantGiven, ...byId('query($id: ID!) { shareGrant(id: $id) { id } }') },
  'Mutation.revokeShareGrant': { fixture: grantGiven, ...byId('mutation($id: ID!) { revokeShareGrant(id: $id, reason: "授权矩阵测试：撤销") { id } }') },
  'Mutation.signConfidentialityAgreement': { fixture: (o: OwnerKey) => grantHeld(o, 'QUERY', false), document: SIGN, variables: (o: Owned) => ({ g: o.id }) },
  'Mutation.declareSecurityCapability': {
    fixture: (o: OwnerKey) => grantHeld(o, 'QUERY', false), document: DECLARE,
    variables: (o: Owned) => ({ g: o.id, input: capability(o.regionCode === REGION.city ? 'city' : 'county', o.departmentId.endsWith('-gaj') ? 'gaj' : 'scjg') }),
  },
  // The owner is the provider; zrzy (no player) declared. The first confirmer let through passes it, later ones repeat it.
  'Mutation.confirmSecurityCapability': {
    fixture: async (o: OwnerKey) => {
      const g = await grantGiven(o);
      const [level] = levelOf(o);
      await as(`${level}-zrzy-user`, DECLARE, { g: g.id, input: capability(level, 'zrzy') });
      return g;
    },
    document: CONFIRM, variables: (o: Owned) => ({ g: o.id }),
  },
  'Mutation.registerPushEndpoint': {
    fixture: (o: OwnerKey) => grantHeld(o, 'PUSH'),
    document: 'mutation($g: ID!) { registerPushEndpoint(grantId: $g, url: "https://push.authz.invalid/records") { secret } }', variables: (o: Owned) => ({ g: o.id }),
  },
  'Query.verifyRecord': {
    fixture: (o: OwnerKey) => grantHeld(o, 'VERIFY'),
    document: 'query($g: ID!, $f: [FieldValueInput!]!) { verifyRecord(grantId: $g, fields: $f) { match } }', variables: (o: Owned) => ({ g: o.id, f: grantFields(o) }),
  },
  'Query.grantedRecords': {
    fixture: (o: OwnerKey) => grantHeld(o, 'QUERY'),
    document: 'query($g: ID!) { grantedRecords(grantId: $g, first: 1) { totalCount } }', variables: (o: Owned) => ({ g: o.id }),
  },
  // No record has this key: the owner's call ends in BAD_USER_INPUT (recordKey), after the grant check.
  'Mutation.flagRecord': {
    fixture: (o: OwnerKey) => grantHeld(o, 'QUERY'),
    document: 'mutation($g: ID!) { flagRecord(grantId: $g, recordKey: "AUTHZ-NO-SUCH-KEY", reason: "授权矩阵测试") { id } }', variables: (o: Owned) => ({ g: o.id }),
  },
  'Query.exchangeLoad': { fixture: loadOf, ...byId('query($id: ID!) { exchangeLoad(id: $id) { id } }') },
} satisfies Record<string, ScopeCase>);

/**
 * An application to the owner as provider, open at PROVIDER_REVIEW: zrzy (no player) applies for gaj's POP-BASE, or for
 * a CONDITIONAL entry scjg publishes for the walk (scjg's seeded entries are not CONDITIONAL).
 */
async function applicationTo(owner: OwnerKey): Promise<Owned> {
  const [level, kind] = levelOf(owner);
  const resource = kind === 'gaj'
    ? { id: seededResource(level, 0), items: ['姓名', '户号'] }
    : { id: (await publishedResource(owner, { ...catalogEntry(), shareType: 'CONDITIONAL', shareCondition: '授权矩阵测试：仅限登记核验' })).id, items: ['名称'] };
  const consumer = `${level}-zrzy-user`;
  const d = await as(consumer, APPLY, {
    input: {
      resourceId: resource.id, requestedItems: resource.items, scenario: '授权矩阵测试：登记核验', purpose: '授权矩阵测试', usageMode: 'VERIFY', ...PERIOD,
      idempotencyKey: uniqueCode('authz'),
    },
  });
  const id = d.createShareApplication.id;
  const s = await as(consumer, SUBMIT_APPLICATION, { id });
  if (s.submitShareApplication.stage !== 'PROVIDER_REVIEW') throw new Error(`fixture: ${JSON.stringify(s)}`);
  return owned(owner, id);
}
/** Each deciding role calls the step it decides (004 §22-23, 000 §17); the first provider let through rejects, later
 * callers meet CONFLICT (not the open step), after the scope check. */
const STEP_OF: Partial<Record<Caller, string>> = { authority: 'CITY_AUTHORITY_REVIEW', 'platform-operator': 'FILING' };
SCOPE_CASES['Mutation.decideShareApplication'] = {
  fixture: applicationTo,
  document: 'mutation($id: ID!, $stage: ApprovalStage!) { decideShareApplication(id: $id, stage: $stage, approve: false, reason: "授权矩阵测试：不符合共享条件") { id } }',
  variables: (o, caller) => ({ id: o.id, stage: STEP_OF[caller] ?? 'PROVIDER_REVIEW' }),
};

// Catalog (issue 3): change review, responsibility lists, the demand negotiation.
/** A freshly published entry of the owner: draft, submitted, approved by the authority of its region. */
async function publishedResource(owner: OwnerKey, entry: ReturnType<typeof catalogEntry> & { shareCondition?: string } = catalogEntry()): Promise<Owned & { entry: typeof entry }> {
  const [level] = levelOf(owner);
  const id = (await as(`${owner}-admin`, CREATE_RESOURCE, { input: entry })).createDataResource.id;
  await as(`${owner}-admin`, 'mutation($id: ID!) { submitDataResource(id: $id) { id } }', { id });
  const reviewed = await as(`${level}-authority`, 'mutation($id: ID!) { reviewDataResource(id: $id, approve: true) { status } }', { id });
  // Under load the review workflow may apply the approval a moment after the answer (it then says SUBMITTED).
  const status = reviewed.reviewDataResource.status === 'PUBLISHED' ? 'PUBLISHED' : (await eventually(
    async () => (await as(`${owner}-admin`, 'query($id: ID!) { dataResource(id: $id) { status } }', { id })).dataResource.status, (st) => st === 'PUBLISHED', 150));
  if (status !== 'PUBLISHED') throw new Error(`fixture: entry ${id} is ${status}`);
  return { ...owned(owner, id), entry };
}
/** A change request (000 §9) on a freshly published entry of the owner. */
async function changeRequestOf(owner: OwnerKey): Promise<Owned> {
  const r = await publishedResource(owner);
  const cr = await as(`${owner}-admin`, 'mutation($id: ID!, $input: ChangeRequestInput!) { requestDataResourceChange(resourceId: $id, input: $input) { id } }', {
    id: r.id, input: { basis: 'FUNCTION_CHANGED', reason: '授权矩阵测试：职能调整', entry: { ...r.entry, name: '授权矩阵测试目录（变更）' } },
  });
  return owned(owner, cr.requestDataResourceChange.id);
}
/** A line of the owner's responsibility list, published by the authority of its region (000 §4,7). */
async function responsibilityLine(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const o = owned(owner, '');
  const d = await as(`${level}-authority`, 'mutation($d: String!, $n: String!) { publishResponsibilityItem(departmentId: $d, name: $n) { id } }', {
    d: o.departmentId, n: `授权矩阵测试职责 ${uniqueCode('R')}`,
  });
  return { ...o, id: d.publishResponsibilityItem.id };
}
/** A demand (000 §17) the owner holds: zrzy (no player) asks it for data. */
async function demandHeldBy(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const o = owned(owner, '');
  const d = await as(`${level}-zrzy-user`, 'mutation($input: DemandInputType!) { raiseDemand(input: $input) { id } }', {
    input: { holderDepartmentId: o.departmentId, title: `授权矩阵测试需求 ${uniqueCode('D')}`, description: '授权矩阵测试', items: [] },
  });
  return { ...o, id: d.raiseDemand.id };
}
Object.assign(SCOPE_CASES, {
  // The first authority let through rejects; later ones meet CONFLICT (already decided), after the scope check.
  'Mutation.reviewDataResourceChange': {
    fixture: changeRequestOf, ...byId('mutation($id: ID!) { reviewDataResourceChange(id: $id, approve: false, comment: "授权矩阵测试：退回") { id } }'),
  },
  'Mutation.publishResponsibilityItem': {
    fixture: department, document: 'mutation($d: String!, $n: String!) { publishResponsibilityItem(departmentId: $d, name: $n) { id } }',
    variables: (o: Owned) => ({ d: o.departmentId, n: `授权矩阵测试职责 ${uniqueCode('R')}` }),
  },
  // The owner links its own seeded entry (gaj: POP-BASE, scjg: LP-BASE).
  'Mutation.linkResponsibilityItem': {
    fixture: responsibilityLine, document: 'mutation($id: ID!, $r: ID!) { linkResponsibilityItem(id: $id, resourceId: $r) { id } }',
    variables: (o: Owned) => ({ id: o.id, r: seededResource(o.regionCode === REGION.city ? 'city' : 'county', o.departmentId.endsWith('-gaj') ? 0 : 1) }),
  },
  // The owner is the requesting department (the holder is zrzy, no player).
  'Mutation.postDemandMessage': { fixture: demandOf, ...byId('mutation($id: ID!) { postDemandMessage(id: $id, body: "授权矩阵测试：补充说明") { id } }') },
  'Mutation.concludeDemandNegotiation': {
    fixture: demandOf, ...byId('mutation($id: ID!) { concludeDemandNegotiation(id: $id, agreed: false, note: "授权矩阵测试：未达成一致") { id } }'),
  },
  // Not escalated: the authority let through meets CONFLICT, after the scope check.
  'Mutation.arbitrateDemand': { fixture: demandOf, ...byId('mutation($id: ID!) { arbitrateDemand(id: $id, decision: NOT_PROVIDE, note: "授权矩阵测试") { id } }') },
  // The owner is the holder; no agreed demand and no such entry: the holder meets BAD_USER_INPUT, after the scope check.
  'Mutation.fulfilDemand': {
    fixture: demandHeldBy, document: 'mutation($id: ID!, $r: ID!) { fulfilDemand(id: $id, resourceId: $r) { id } }',
    variables: (o: Owned) => ({ id: o.id, r: '00000000-0000-4000-8000-0000000a0720' }),
  },
} satisfies Record<string, ScopeCase>);

// Open data (issue 10): a conditional dataset the owner publishes, applied for by the public user of its level.
async function openDataApplicationOf(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const d = await as(`${owner}-admin`, 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }', {
    input: { name: `授权矩阵测试有条件数据集 ${uniqueCode('OD')}`, openType: 'CONDITIONAL', formats: ['JSON'], dataType: '表格', openMode: 'API', updateFrequency: 'MONTHLY', theme: '测试' },
  });
  await as(`${owner}-admin`, 'mutation($id: ID!) { publishOpenDataset(id: $id) { id } }', { id: d.createOpenDataset.id });
  const a = await as(`${level}-public`, 'mutation($input: OpenDataApplicationInput!) { applyForOpenData(input: $input) { id } }', {
    input: {
      datasetId: d.createOpenDataset.id, applicantKind: 'COMPANY', applicantName: '授权矩阵测试公司', demandType: '数据分析', description: '授权矩阵测试',
      domain: '测试', format: 'JSON', purpose: '授权矩阵测试', ...PERIOD, idempotencyKey: uniqueCode('authz'),
    },
  });
  return owned(owner, a.applyForOpenData.id);
}
Object.assign(SCOPE_CASES, {
  'Query.openDataApplication': { fixture: openDataApplicationOf, ...byId('query($id: ID!) { openDataApplication(id: $id) { id } }') },
  'Mutation.decideOpenDataApplication': {
    fixture: openDataApplicationOf, ...byId('mutation($id: ID!) { decideOpenDataApplication(input: { id: $id, approve: true }) { decisionPending } }'),
  },
  // Not approved yet: the owner meets CONFLICT (no access to suspend) or "not suspended, nothing changed", after the scope check (003 §35).
  'Query.openDataUseReports': { fixture: openDataApplicationOf, ...byId('query($id: ID!) { openDataUseReports(applicationId: $id) { id } }') },
  'Mutation.suspendOpenDataAccess': {
    fixture: openDataApplicationOf, ...byId('mutation($id: ID!) { suspendOpenDataAccess(input: { applicationId: $id, reason: "授权矩阵测试：风险评估报告逾期" }) { id } }'),
  },
  'Mutation.restoreOpenDataAccess': { fixture: openDataApplicationOf, ...byId('mutation($id: ID!) { restoreOpenDataAccess(applicationId: $id) { id } }') },
} satisfies Record<string, ScopeCase>);

/** A complaint by the public user of the owner's level about a dataset the owner publishes (003 §17). */
async function openDataComplaintOf(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const d = await as(`${owner}-admin`, 'mutation($input: OpenDatasetInput!) { createOpenDataset(input: $input) { id } }', {
    input: { name: `授权矩阵测试开放数据集 ${uniqueCode('OD')}`, openType: 'UNCONDITIONAL', formats: ['CSV'], dataType: '表格', openMode: 'DOWNLOAD', updateFrequency: 'MONTHLY', theme: '测试' },
  });
  await as(`${owner}-admin`, 'mutation($id: ID!) { publishOpenDataset(id: $id) { id } }', { id: d.createOpenDataset.id });
  const c = await as(`${level}-public`, 'mutation($input: OpenDataCaseInput!) { complainAboutOpenDataset(input: $input) { id } }', {
    input: { datasetId: d.createOpenDataset.id, category: 'PRIVACY', description: '授权矩阵测试：涉及个人隐私', idempotencyKey: uniqueCode('authz') },
  });
  return owned(owner, c.complainAboutOpenDataset.id);
}
Object.assign(SCOPE_CASES, {
  'Query.openDataCase': { fixture: openDataComplaintOf, ...byId('query($id: ID!) { openDataCase(id: $id) { id } }') },
  'Mutation.suspendOpenDatasetOnComplaint': { fixture: openDataComplaintOf, ...byId('mutation($id: ID!) { suspendOpenDatasetOnComplaint(id: $id) { id } }') },
  'Mutation.answerOpenDataCase': {
    fixture: openDataComplaintOf, ...byId('mutation($id: ID!) { answerOpenDataCase(input: { id: $id, answer: "授权矩阵测试：核实无误", outcome: RESTORE }) { id } }'),
  },
} satisfies Record<string, ScopeCase>);

/** A public demand for the owner's region, raised by that level's public user (003 §19). */
async function openDataDemandOf(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const d = await as(`${level}-public`, 'mutation($input: OpenDataDemandInput!) { raiseOpenDataDemand(input: $input) { id } }', {
    input: { title: `授权矩阵测试需求 ${uniqueCode('DM')}`, description: '授权矩阵测试', regionCode: REGION[level], idempotencyKey: uniqueCode('authz') },
  });
  return owned(owner, d.raiseOpenDataDemand.id);
}
SCOPE_CASES['Mutation.reviewOpenDataDemand'] = {
  fixture: openDataDemandOf, ...byId('mutation($id: ID!) { reviewOpenDataDemand(input: { id: $id, approve: false, reason: "授权矩阵测试：暂不开放" }) { id } }'),
};

// Security: an audit record of an action by the owner department (appended as the platform's services do, 004 §33).
async function auditRecordOf(owner: OwnerKey): Promise<Owned> {
  const o = owned(owner, randomUUID());
  const res = await graphqlRequest(gatewayUrl(), 'mutation($input: AppendAuditRecordInput!) { appendAuditRecord(input: $input) { id } }', {
    input: {
      id: o.id, actor: `${owner}-admin`, actorSub: `sub-${owner}-admin`, departmentId: o.departmentId, regionCode: o.regionCode, action: 'ACCESS',
      resourceId: `authz-${uniqueCode('A')}`, items: [], outcome: 'SUCCESS', detail: '授权矩阵测试',
    },
  }, await serviceToken('svc-platform'));
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return o;
}
SCOPE_CASES['Query.auditRecord'] = { fixture: auditRecordOf, ...byId('query($id: ID!) { auditRecord(id: $id) { id } }') };

// The scheduled pull (001 §16) of a freshly published entry of the owner, so no other suite's pull source is touched.
// The schedules the walk creates run monthly and are deleted after the walk.
// Projects (issue 12): every step on a fresh PLANNED project. The owner's (or the party's) call passes the scope check
// and then ends in CONFLICT / BAD_USER_INPUT (wrong step), so nothing moves; reform and finance are walked in
// test/projects.int.test.ts (no matrix player belongs to those departments).
const onProject = (document: string, input?: Record<string, unknown>): ScopeCase => ({ fixture: project, document, variables: (o) => ({ id: o.id, ...(input ? { input } : {}) }) });
Object.assign(SCOPE_CASES, {
  'Mutation.fileConstructionPlan': onProject('mutation($id: ID!, $input: ConstructionPlanInput!) { fileConstructionPlan(id: $id, input: $input) { id } }',
    { plan: '授权矩阵测试：建设方案', resourceIds: ['00000000-0000-4000-8000-000000000000'], newSystem: false }),
  'Mutation.recordProcurement': onProject('mutation($id: ID!, $input: ProcurementInput!) { recordProcurement(id: $id, input: $input) { id } }',
    { procurementDocument: '授权矩阵测试', contractNo: 'AUTHZ-1', contractor: '测试公司', contractAmount: 1000, omYears: 3, supervisor: '测试监理' }),
  'Mutation.requestProjectChange': onProject('mutation($id: ID!, $input: ChangeInput!) { requestProjectChange(id: $id, input: $input) { id } }', { content: '授权矩阵测试', reason: '测试' }),
  'Mutation.terminateDigitalProject': onProject('mutation($id: ID!, $input: TerminationInput!) { terminateDigitalProject(id: $id, input: $input) { id } }',
    { cause: 'FORCE_MAJEURE', statement: '授权矩阵测试：书面说明' }),
  'Mutation.recordSecurityAssessment': onProject('mutation($id: ID!, $input: SecurityAssessmentInput!) { recordSecurityAssessment(id: $id, input: $input) { id } }',
    { level: 2, agency: '测试测评机构', reportNo: 'AUTHZ-1', passed: true, assessedOn: '2026-01-01' }),
  'Mutation.fileAcceptance': onProject('mutation($id: ID!, $input: AcceptanceInput!) { fileAcceptance(id: $id, input: $input) { id } }', { passed: true, report: '授权矩阵测试' }),
  'Mutation.fileProjectArchive': { fixture: project, document: 'mutation($id: ID!, $no: String!) { fileProjectArchive(id: $id, archiveNo: $no) { id } }', variables: (o: Owned) => ({ id: o.id, no: 'AUTHZ-1' }) },
  'Mutation.fileOmReport': onProject('mutation($id: ID!, $input: OmReportInput!) { fileOmReport(id: $id, input: $input) { id } }', { omYear: 1, summary: '授权矩阵测试' }),
  'Mutation.drawExpertPanel': { fixture: project, document: 'mutation($id: ID!) { drawExpertPanel(id: $id) { id } }', variables: (o: Owned) => ({ id: o.id }) },
  'Mutation.evaluateDigitalProject': onProject('mutation($id: ID!, $input: EvaluationInput!) { evaluateDigitalProject(id: $id, input: $input) { id } }',
    { construction: 80, use: 80, effect: 80, security: 80 }),
  // The authority decides the plan step; department deciders try the reform step (they are not the reform department).
  'Mutation.decideDigitalProject': {
    fixture: project, document: 'mutation($id: ID!, $input: DecisionInput!) { decideDigitalProject(id: $id, input: $input) { id } }',
    variables: (o: Owned, caller: Caller) => ({ id: o.id, input: { step: caller === 'authority' ? 'PLAN' : 'APPROVAL', approve: false, comment: '授权矩阵测试' } }),
  },
  'Query.projectIndicators': {
    fixture: department, document: 'query($d: ID!, $from: String!, $to: String!) { projectIndicators(departmentId: $d, from: $from, to: $to) { projects } }',
    variables: (o: Owned) => ({ d: o.id, from: '2026-01-01', to: '2026-12-31' }),
  },
  'Query.publishedAssessmentResult': {
    fixture: department, document: 'query($p: ID!, $d: ID!) { publishedAssessmentResult(periodId: $p, departmentId: $d) { published } }',
    variables: (o: Owned) => ({ p: `00000000-0000-4000-a000-000000${o.regionCode}`, d: o.id }),
  },
  'Query.latestDepartmentAssessment': {
    fixture: department, document: 'query($d: ID!) { latestDepartmentAssessment(departmentId: $d) { departmentId } }', variables: (o: Owned) => ({ d: o.id }),
  },
} satisfies Record<string, ScopeCase>);

const pullResources: string[] = [];
async function pullableResource(owner: OwnerKey): Promise<Owned> {
  const r = await publishedResource(owner);
  pullResources.push(r.id);
  return owned(owner, r.id);
}
afterAll(async () => {
  if (!pullResources.length) return;
  const temporal = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' }) });
  try {
    for (const id of pullResources) {
      await temporal.schedule.getHandle(sharePullScheduleId(id, process.env.TEMPORAL_TASK_QUEUE_PREFIX)).delete().catch(() => undefined); // none: the owner was refused
    }
  } finally {
    await temporal.connection.close();
  }
});
// 004 §9: the owner's admin records a function change of its freshly published entry; everyone else is refused.
SCOPE_CASES['Mutation.recordFunctionChange'] = {
  fixture: (o: OwnerKey) => publishedResource(o),
  document: 'mutation($input: FunctionChangeInput!) { recordFunctionChange(input: $input) { id } }',
  variables: (o) => ({ input: { resourceId: o.id, basis: 'FUNCTION_CHANGED', changedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), description: '授权矩阵测试：职能调整' } }),
};
// Reclassification (001 §21): the owner provides a freshly published NOT_SHARED entry; zrzy (no player) asks for it.
async function reclassificationOf(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const entry = { ...catalogEntry(), shareType: 'NOT_SHARED', notSharedBasis: '授权矩阵测试：法规禁止' } as ReturnType<typeof catalogEntry>;
  const r = await publishedResource(owner, entry);
  const d = await as(`${level}-zrzy-user`, 'mutation($r: ID!, $why: String!) { requestReclassification(resourceId: $r, reason: $why) { id } }', { r: r.id, why: '授权矩阵测试' });
  return owned(owner, d.requestReclassification.id);
}
Object.assign(SCOPE_CASES, {
  // The first provider let through gives its opinion; later ones meet CONFLICT (already given), after the scope check.
  'Mutation.giveReclassificationOpinion': {
    fixture: reclassificationOf, ...byId('mutation($id: ID!) { giveReclassificationOpinion(id: $id, agree: false, opinion: "授权矩阵测试：不同意") { id } }'),
  },
  // No opinion yet and its deadline ahead: every authority let through meets CONFLICT, after the scope check.
  'Mutation.decideReclassification': {
    fixture: reclassificationOf, ...byId('mutation($id: ID!) { decideReclassification(id: $id, input: { approve: false, reason: "授权矩阵测试" }) { id } }'),
  },
});
SCOPE_CASES['Mutation.configureScheduledPull'] = {
  fixture: pullableResource,
  document: 'mutation($input: PullSourceInput!) { configureScheduledPull(input: $input) { resourceId } }',
  variables: (o) => ({ input: { resourceId: o.id, host: '127.0.0.1', port: 3306, database: 'authz_source', table: 'authz_table', username: 'authz', password: 'authz-test', everyMinutes: 44640 } }),
};

// Quality (issue 11): rules, runs and schedules on the owners' seeded resources; objections filed by the authority.
const seededOf = async (owner: OwnerKey): Promise<Owned> => { const [level, kind] = levelOf(owner); return owned(owner, seededResource(level, SEEDED_RESOURCE[kind])); };
const ITEM_OF = (o: Owned) => (o.departmentId.endsWith('-gaj') ? '姓名' : '企业名称');
async function inspectionOf(owner: OwnerKey): Promise<Owned> {
  const [level] = levelOf(owner);
  const o = await seededOf(owner);
  const started = await as(`${level}-operator`, 'mutation($r: ID!) { runQualityInspection(resourceId: $r) { runId } }', { r: o.id });
  const id = started.runQualityInspection.runId;
  for (let i = 0; i < 150; i++) {
    const r = await as(`${level}-operator`, 'query($id: ID!) { inspectionRun(id: $id) { status } }', { id });
    if (r.inspectionRun?.status === 'DONE') return { ...o, id };
    await new Promise((res) => setTimeout(res, 200));
  }
  throw new Error(`fixture: inspection ${id} did not finish`);
}
async function objectionOf(owner: OwnerKey, upTo: 'RECEIVED' | 'SUSPENDED' | 'DECIDED' = 'RECEIVED'): Promise<Owned> {
  const [level] = levelOf(owner);
  const o = await publishedResource(owner); // a fresh entry: a suspension must not stop other suites' deliveries
  const f = await as(`${level}-authority`, 'mutation($input: ObjectionInput!) { fileObjection(input: $input) { id } }', {
    input: { resourceId: o.id, objectorName: '授权矩阵测试人', ground: 'WRONG', description: '授权矩阵测试：纸质异议' },
  });
  const id = f.fileObjection.id;
  if (upTo !== 'RECEIVED') await as(`${level}-authority`, 'mutation($id: ID!) { suspendObjectedData(id: $id) { id } }', { id });
  if (upTo === 'DECIDED') await as(`${owner}-admin`, 'mutation($id: ID!) { decideObjection(id: $id, decision: RESTORE, finding: "授权矩阵测试：数据无误") { id } }', { id });
  return { ...o, id };
}
const inspectedResources: string[] = [];
afterAll(async () => {
  if (!inspectedResources.length) return;
  const temporal = new Client({ connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233' }) });
  try {
    for (const id of new Set(inspectedResources)) {
      await temporal.schedule.getHandle(qualityInspectionScheduleId(id, process.env.TEMPORAL_TASK_QUEUE_PREFIX)).delete().catch(() => undefined);
    }
  } finally {
    await temporal.connection.close();
  }
});
Object.assign(SCOPE_CASES, {
  'Query.qualityRules': { fixture: seededOf, document: 'query($r: ID!) { qualityRules(resourceId: $r) { id } }', variables: (o: Owned) => ({ r: o.id }) },
  'Mutation.defineQualityRule': {
    fixture: seededOf, document: 'mutation($input: QualityRuleInput!) { defineQualityRule(input: $input) { id } }',
    variables: (o: Owned) => ({ input: { resourceId: o.id, code: 'authz-required', check: 'REQUIRED', items: [ITEM_OF(o)] } }),
  },
  'Mutation.runQualityInspection': { fixture: seededOf, document: 'mutation($r: ID!) { runQualityInspection(resourceId: $r) { runId } }', variables: (o: Owned) => ({ r: o.id }) },
  'Mutation.scheduleQualityInspection': {
    fixture: async (owner: OwnerKey) => { const o = await seededOf(owner); inspectedResources.push(o.id); return o; },
    document: 'mutation($r: ID!) { scheduleQualityInspection(resourceId: $r) { scheduleId } }', variables: (o: Owned) => ({ r: o.id }),
  },
  'Query.inspectionRuns': { fixture: seededOf, document: 'query($r: ID!) { inspectionRuns(resourceId: $r) { id } }', variables: (o: Owned) => ({ r: o.id }) },
  'Query.inspectionRun': { fixture: inspectionOf, ...byId('query($id: ID!) { inspectionRun(id: $id) { id } }') },
  'Query.inspectionFailures': { fixture: inspectionOf, document: 'query($id: ID!) { inspectionFailures(runId: $id, ruleCode: "required") }', variables: (o: Owned) => ({ id: o.id }) },
  // An operator's report waits for the department's fix: a caller let through meets CONFLICT (nothing to verify yet).
  'Mutation.verifyQualityIssue': { fixture: qualityIssue, ...byId('mutation($id: ID!) { verifyQualityIssue(id: $id, accepted: true, note: "授权矩阵测试") { pending } }') },
  'Mutation.suspendObjectedData': { fixture: (o: OwnerKey) => objectionOf(o), ...byId('mutation($id: ID!) { suspendObjectedData(id: $id) { id } }') },
  'Mutation.decideObjection': {
    fixture: (o: OwnerKey) => objectionOf(o, 'SUSPENDED'), ...byId('mutation($id: ID!) { decideObjection(id: $id, decision: RESTORE, finding: "授权矩阵测试：数据无误") { id } }'),
  },
  'Mutation.answerObjection': { fixture: (o: OwnerKey) => objectionOf(o, 'DECIDED'), ...byId('mutation($id: ID!) { answerObjection(id: $id, answer: "授权矩阵测试：已答复") { id } }') },
  'Query.objection': { fixture: (o: OwnerKey) => objectionOf(o), ...byId('query($id: ID!) { objection(id: $id) { id } }') },
} satisfies Record<string, ScopeCase>);

// Department webhooks (issue 14 §4): a webhook the owner's data administrator registered; only it changes it, the
// authority of a covering region reads its deliveries too.
async function webhookOf(owner: OwnerKey): Promise<Owned> {
  const d = await ok<{ registerDepartmentWebhook: { webhook: { id: string } } }>(`${owner}-admin` as DemoUser,
    'mutation($input: RegisterDepartmentWebhookInput!) { registerDepartmentWebhook(input: $input) { webhook { id } } }', {
      input: { url: 'https://oa.authz.invalid/notices', description: '授权矩阵测试' },
    });
  return owned(owner, d.registerDepartmentWebhook.webhook.id);
}
/** A webhook its department disabled (to be enabled again). */
async function disabledWebhookOf(owner: OwnerKey): Promise<Owned> {
  const w = await webhookOf(owner);
  await ok(`${owner}-admin` as DemoUser, 'mutation($id: ID!) { disableDepartmentWebhook(id: $id) { id } }', { id: w.id });
  return w;
}
Object.assign(SCOPE_CASES, {
  'Mutation.disableDepartmentWebhook': { fixture: webhookOf, ...byId('mutation($id: ID!) { disableDepartmentWebhook(id: $id) { id } }') },
  'Mutation.enableDepartmentWebhook': { fixture: disabledWebhookOf, ...byId('mutation($id: ID!) { enableDepartmentWebhook(id: $id) { id } }') },
  'Mutation.removeDepartmentWebhook': { fixture: webhookOf, ...byId('mutation($id: ID!) { removeDepartmentWebhook(id: $id) }') },
  'Query.webhookDeliveries': { fixture: webhookOf, document: 'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 5) { id } }', variables: (o: Owned) => ({ id: o.id }) },
} satisfies Record<string, ScopeCase>);

/** Refused means FORBIDDEN / NOT_FOUND, or a null answer (the object is hidden); allowed means an answer. */
function scopeOutcome(res: Response, field: string): 'refused' | 'allowed' {
  const c = codes(res);
  if (c.includes('FORBIDDEN') || c.includes('UNAUTHENTICATED') || c.includes('NOT_FOUND')) return 'refused';
  const data = res.data as Record<string, unknown> | null | undefined;
  // A domain refusal after the scope check (e.g. CONFLICT: already submitted by an earlier allowed caller) still means
  // the caller was let through.
  return data?.[field] != null || c.length > 0 ? 'allowed' : 'refused';
}

const scoped = operations.filter((o) => MATRIX[o.key] && MATRIX[o.key].scope !== 'none');

describe('authorization matrix: department and region scope', () => {
  const withCase = scoped.filter((o) => SCOPE_CASES[o.key]);
  test.each(withCase.map((o) => [o.key, o] as const))('%s', async (_key, op: RootOperation) => {
    const rule: OperationRule = MATRIX[op.key];
    const kase = SCOPE_CASES[op.key];
    const mismatches: string[] = [];
    let checked = 0;
    for (const owner of OWNERS) {
      const object = await kase.fixture(owner);
      for (const p of everyone.filter((x) => x.caller !== 'anonymous' && x.caller !== 'public')) {
        const relation = relationOf(p, object);
        const want = expected(rule, p.caller, p.level, relation) ? 'allowed' : 'refused';
        const res = await call(p, kase.document, kase.variables(object, p.caller));
        expectAudit(op, p, res, op.field);
        const got = scopeOutcome(res, op.field);
        checked++;
        if (got !== want) mismatches.push(`${p.label} on ${owner} (${relation}): expected ${want}, got ${got} ${JSON.stringify(codes(res))}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  }, 300_000);

  const missing = scoped.filter((o) => !SCOPE_CASES[o.key]).map((o) => o.key);
  if (missing.length) test.todo(`scope walk without a fixture yet (role gate only): ${missing.join(', ')}`);
});

// ── audit ─────────────────────────────────────────────────────────────────────────────────────────────────────────
// Issue 9 §5, generated from the walks above: every mutation call that succeeded left exactly one SUCCESS record and
// every refused one exactly one DENIED record, each with its request id, the caller as actor and the caller's
// department (004 §33: collection, sharing, query, verification, download, access and update are all logged).
const AUDIT_RECORDS = 'query R($filter: AuditRecordFilter, $first: Int!) { auditRecords(filter: $filter, first: $first) { totalCount edges { node { action outcome actor departmentId requestId } } } }';
describe('audit: every mutation call of the walks left exactly one record', () => {
  test('one record per successful or refused mutation call, with its outcome, actor, department and request id', async () => {
    expect(auditExpectations.length).toBeGreaterThan(0);
    await auditDrained(60_000);
    const reader = await tokenOf('city-authority');
    const wrong: string[] = [];
    const checkedOps = new Set<string>();
    for (let i = 0; i < auditExpectations.length; i += 16) {
      await Promise.all(auditExpectations.slice(i, i + 16).map(async (x) => {
        // the city authority covers the city and its counties; a public caller's records are of its region too
        const res = await graphqlRequest<{ auditRecords: { totalCount: number; edges: Array<{ node: Record<string, string | null> }> } }>(
          gatewayUrl(), AUDIT_RECORDS, { filter: { requestId: x.requestId }, first: 5 }, reader);
        const recs = res.data?.auditRecords;
        const node = recs?.edges[0]?.node;
        const actorOk = x.who.caller === 'service' || node?.actor === x.who.label;
        const ok = recs?.totalCount === 1 && node?.outcome === x.outcome && node?.requestId === x.requestId && actorOk
          && (node?.departmentId ?? null) === (x.who.caller === 'service' ? node?.departmentId ?? null : x.who.department);
        checkedOps.add(x.op);
        if (!ok) wrong.push(`${x.op} by ${x.who.label} (${x.outcome}): ${recs ? `${recs.totalCount} record(s) ${JSON.stringify(recs.edges.map((e) => e.node))}` : JSON.stringify(res.errors)}`);
      }));
    }
    expect(checkedOps.size).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  }, 300_000);
});
