// What each step of 001 临湘项目办法 requires and what it changes, as a Step for applyStep. Checks that need other
// subgraphs (catalog entries, the assessment) go through their graphs.
import { BadUserInputError, ConflictError } from '@gov/kit';
import { chinaDate } from '@gov/working-days';
import type { DigitalProject, ExpertPanel } from '../entities/digital-project';
import { DigitalProjectStatus as S, ProjectDecisionStep, ProjectPlanType } from '../entities/enums';
import type { Expert } from '../entities/project-records';
import type { DigitalProjectKind, ProjectDecisionStep as Step_, TerminationCause } from '../entities/enums';

// The shapes the steps take (the resolvers' validated input types satisfy them).
export interface DeclarationInput { kind: DigitalProjectKind; budget: number; selfBuiltReason?: string | null; participatingDepartmentIds?: string[] | null; yearlyInvestment?: Array<{ year: number; amount: number }> | null }
export interface ConstructionPlanInput { plan: string; resourceIds: string[]; newSystem: boolean; sharingInterfaces?: string | null }
export interface DecisionInput { step: Step_; approve: boolean; comment?: string | null; approvedBudget?: number | null }
export interface ProcurementInput { procurementDocument: string; contractNo: string; contractor: string; contractAmount: number; omYears: number; supervisor: string }
export interface ChangeInput { content: string; reason: string; newBudget?: number | null }
export interface TerminationInput { cause: TerminationCause; statement: string }
export interface SecurityAssessmentInput { level: number; agency: string; reportNo: string; passed: boolean; assessedOn: string }
export interface AcceptanceInput { passed: boolean; report: string }
export interface EvaluationInput { construction: number; use: number; effect: number; security: number }
import { catalogEntries, latestIndicators } from './checks';
import type { Step } from './projects';
import { annualDeclarationDeadline, drawPanel, gateFailure, MIN_OM_YEARS, needsExpertReview, planTypeFor, type Gate } from './rules';

function expectStatus(p: DigitalProject, allowed: S[], what: string): void {
  if (!allowed.includes(p.status)) throw new ConflictError(`${what}: digital project ${p.id} is ${p.status}, not ${allowed.join(' or ')}`);
}

/** §5, §10: a self-built project says why it cannot be unified; a unified one serves two or more departments. */
export function checkDeclaration(input: DeclarationInput): void {
  if (input.kind === 'SELF_BUILT' && !input.selfBuiltReason?.trim()) {
    throw BadUserInputError.field('selfBuiltReason', 'a self-built project states why it cannot be built as a unified one (§10)');
  }
  if (input.kind === 'UNIFIED' && new Set(input.participatingDepartmentIds ?? []).size < 2) {
    throw BadUserInputError.field('participatingDepartmentIds', 'a unified project serves two or more departments (§5)');
  }
  const planned = (input.yearlyInvestment ?? []).reduce((s, y) => s + y.amount, 0);
  if (planned > input.budget + 0.001) throw BadUserInputError.field('yearlyInvestment', `the yearly plan (${planned}) exceeds the budget estimate (${input.budget})`);
}

/** §10-11: declared by 30 October for the annual plan; later, only as an urgent supplementary project. */
export function submission(p: DigitalProject, urgentReason: string | null | undefined, now = new Date()): Step {
  expectStatus(p, [S.PLANNED], 'submit');
  const planType = planTypeFor(p.year, now);
  if (planType === ProjectPlanType.SUPPLEMENTARY && !urgentReason?.trim()) {
    throw BadUserInputError.field('urgentReason', `the annual plan for ${p.year} closed on ${annualDeclarationDeadline(p.year)}: a later project goes to the supplementary plan and states why it is urgent (§11)`);
  }
  const supplementary = planType === ProjectPlanType.SUPPLEMENTARY;
  return {
    event: supplementary ? 'SUPPLEMENTARY_SUBMITTED' : 'SUBMITTED', detail: supplementary ? `supplementary plan: ${urgentReason}` : `annual plan ${p.year} (declared ${chinaDate(now)})`,
    to: supplementary ? S.SUPPLEMENTARY_SUBMITTED : S.SUBMITTED,
    patch: { planType, urgentReason: supplementary ? urgentReason! : null, submittedAt: now },
  };
}

/** §13, 004 §35, 临湘资源办法 §11: the plan comes with its resource catalog; a new system plans sharing/open interfaces. */
export async function constructionPlan(p: DigitalProject, input: ConstructionPlanInput): Promise<Step> {
  expectStatus(p, [S.PLAN_APPROVED], 'file the construction plan (only projects in an approved plan go on, §12)');
  if (input.newSystem && !input.sharingInterfaces?.trim()) {
    throw BadUserInputError.field('sharingInterfaces', 'a new system that plans no sharing or open interfaces is not built (临湘资源办法 §11)');
  }
  const owners = new Set([p.ownerDepartmentId, ...p.participatingDepartmentIds]);
  const entries = await catalogEntries([...new Set(input.resourceIds)]);
  for (const [id, e] of entries) {
    if (!e) throw BadUserInputError.field('resourceIds', `no catalog entry ${id}`);
    if (!owners.has(e.departmentId)) throw BadUserInputError.field('resourceIds', `catalog entry ${id} belongs to ${e.departmentId}, not to this project's departments`);
  }
  return {
    event: 'CONSTRUCTION_PLAN_FILED', detail: `${entries.size} catalog entries: ${[...entries.keys()].join(', ')}`, to: S.TECHNICAL_REVIEW,
    patch: { constructionPlan: input.plan, resourceIds: [...entries.keys()], sharingInterfaces: input.sharingInterfaces ?? null },
  };
}

/** §14-15: the expert panel, drawn reproducibly from the pool without the owner department's experts. */
export function panelDraw(p: DigitalProject, pool: Expert[], seed: number, size: number, actor: string): Step {
  expectStatus(p, [S.TECHNICAL_REVIEW], 'draw an expert panel');
  if (!needsExpertReview(p.budget)) throw new ConflictError(`a budget of ${p.budget} CNY is below 2,000,000: the authority reviews it without a panel (§14)`);
  const eligible = pool.filter((e) => e.active && e.affiliation !== p.ownerDepartmentId).sort((a, b) => a.id.localeCompare(b.id));
  if (eligible.length < size) throw new ConflictError(`the expert pool has ${eligible.length} eligible experts, ${size} needed`);
  const members = drawPanel(eligible, seed, size).map((e) => ({ expertId: e.id, name: e.name, affiliation: e.affiliation, field: e.field }));
  const panel: ExpertPanel = { seed, poolIds: eligible.map((e) => e.id), members, drawnBy: actor, drawnAt: new Date().toISOString() };
  return { event: 'EXPERT_PANEL_DRAWN', detail: `seed ${seed}: ${members.map((m) => m.name).join('、')}`, to: S.EXPERT_REVIEW, patch: { expertPanel: panel } };
}

/** §11-17, §24, §26-27: a party's decision on its step. */
export async function decision(p: DigitalProject, input: DecisionInput, gate: Gate): Promise<Step> {
  const reason = input.comment ?? null;
  const refuse = (event: string): Step => ({ event, detail: reason ?? 'refused', to: S.REJECTED, patch: { refusalReason: reason } });
  switch (input.step) {
    case ProjectDecisionStep.PLAN:
      return input.approve
        ? { event: p.planType === ProjectPlanType.SUPPLEMENTARY ? 'SUPPLEMENTARY_PLAN_APPROVED' : 'ANNUAL_PLAN_APPROVED', detail: reason ?? 'in the plan', to: S.PLAN_APPROVED }
        : refuse('PLAN_REFUSED');
    case ProjectDecisionStep.TECHNICAL_REVIEW:
      if (needsExpertReview(p.budget)) throw new ConflictError('a budget of 2,000,000 CNY or more is reviewed by an expert panel: draw it first (§14)');
      return input.approve ? { event: 'TECHNICAL_REVIEW_PASSED', detail: reason ?? 'passed', to: S.APPROVAL_REVIEW } : refuse('TECHNICAL_REVIEW_FAILED');
    case ProjectDecisionStep.EXPERT_REVIEW:
      return input.approve ? { event: 'EXPERT_REVIEW_PASSED', detail: reason ?? 'passed', to: S.APPROVAL_REVIEW } : refuse('EXPERT_REVIEW_FAILED');
    case ProjectDecisionStep.APPROVAL: {
      if (!input.approve) return refuse('APPROVAL_REFUSED');
      const { period, indicators } = await latestIndicators(p.ownerDepartmentId);
      const failed = gateFailure(indicators, gate);
      if (failed) return { event: 'APPROVAL_REFUSED_BY_GATE', detail: `${period}: ${failed}`, to: S.REJECTED, patch: { refusalReason: `${period}: ${failed}` } };
      return { event: 'APPROVED_BY_REFORM', detail: `${reason ?? 'approved'} (assessment ${period ?? 'none yet'} passed the gate)`, to: S.BUDGET_REVIEW };
    }
    case ProjectDecisionStep.BUDGET: {
      if (!input.approve) return refuse('BUDGET_REFUSED');
      const approvedBudget = input.approvedBudget ?? p.budget;
      return { event: 'BUDGET_APPROVED', detail: `${approvedBudget} CNY${reason ? `: ${reason}` : ''}`, to: S.APPROVED, patch: { approvedBudget } };
    }
    case ProjectDecisionStep.CHANGE: {
      const c = p.pendingChange;
      if (!c) throw new ConflictError(`digital project ${p.id} has no change waiting for approval`);
      return input.approve
        ? { event: 'CHANGE_APPROVED', detail: `${c.content}${reason ? ` (${reason})` : ''}`, to: null, patch: { pendingChange: null, ...(c.newBudget ? { budget: c.newBudget, approvedBudget: c.newBudget } : {}) } }
        : { event: 'CHANGE_REFUSED', detail: `${c.content}: ${reason ?? 'refused'}`, to: null, patch: { pendingChange: null } };
    }
    case ProjectDecisionStep.FINAL_ACCEPTANCE_AUTHORITY:
    case ProjectDecisionStep.FINAL_ACCEPTANCE_FINANCE: {
      const byAuthority = input.step === ProjectDecisionStep.FINAL_ACCEPTANCE_AUTHORITY;
      if (!input.approve) return failedAcceptance(p, `final acceptance refused by ${byAuthority ? 'the authority' : 'finance'}: ${reason ?? ''}`);
      const signed = { finalByAuthority: p.finalByAuthority || byAuthority, finalByFinance: p.finalByFinance || !byAuthority };
      if (!(signed.finalByAuthority && signed.finalByFinance)) return { event: input.step, detail: reason ?? 'signed', to: null, patch: signed };
      await assertAcceptancePrerequisites(p);
      return { event: 'FINAL_ACCEPTANCE_PASSED', detail: reason ?? 'accepted by the authority and finance', to: S.ACCEPTED, patch: { ...signed, acceptedAt: new Date() } };
    }
  }
}

/** §27: the first failure sends the contractor to rectify; still failing, finance withholds the remaining payment. */
function failedAcceptance(p: DigitalProject, detail: string): Step {
  const reset = { finalByAuthority: false, finalByFinance: false, failedAcceptances: p.failedAcceptances + 1 };
  return p.failedAcceptances === 0
    ? { event: 'ACCEPTANCE_FAILED_RECTIFY', detail, to: S.RECTIFICATION, patch: reset }
    : { event: 'ACCEPTANCE_FAILED_PAYMENT_WITHHELD', detail, to: S.ACCEPTANCE_FAILED, patch: { ...reset, paymentWithheld: true } };
}

/** 004 §35, §32: checked, not ticked — every catalog entry of the project published, the 等保测评 passed. */
export async function assertAcceptancePrerequisites(p: DigitalProject): Promise<void> {
  const problems: string[] = [];
  if (!p.resourceIds.length) problems.push('the project has no resource catalog (004 §35)');
  for (const [id, e] of await catalogEntries(p.resourceIds)) {
    if (e?.status !== 'PUBLISHED') problems.push(`catalog entry ${e?.name ?? id} is ${e?.status ?? 'missing'}, not PUBLISHED (004 §35)`);
  }
  if (!p.securityAssessment) problems.push('no security level assessment (等保测评) is recorded (§32)');
  else if (!p.securityAssessment.passed) problems.push(`security level assessment ${p.securityAssessment.reportNo} did not pass (§32)`);
  if (problems.length) throw new ConflictError(`acceptance refused: ${problems.join('; ')}`);
}

/** §26: < 2M the owner's acceptance is final; >= 2M the owner's is the initial one, before the trial run. */
export async function acceptance(p: DigitalProject, input: AcceptanceInput): Promise<Step> {
  expectStatus(p, [S.UNDER_CONSTRUCTION, S.RECTIFICATION], 'file an acceptance');
  if (!input.passed) return failedAcceptance(p, `acceptance report: ${input.report}`);
  await assertAcceptancePrerequisites(p);
  return needsExpertReview(p.budget)
    ? { event: 'INITIAL_ACCEPTANCE_PASSED', detail: input.report, to: S.TRIAL_RUN, patch: { finalByAuthority: false, finalByFinance: false } }
    : { event: 'ACCEPTANCE_PASSED', detail: input.report, to: S.ACCEPTED, patch: { acceptedAt: new Date() } };
}

export function procurement(p: DigitalProject, input: ProcurementInput, actor: string): Step {
  expectStatus(p, [S.APPROVED], 'file procurement');
  if (input.omYears < MIN_OM_YEARS) throw BadUserInputError.field('omYears', `the contract's O&M period is at least ${MIN_OM_YEARS} years (§19)`);
  return {
    event: 'PROCUREMENT_FILED', detail: `contract ${input.contractNo} with ${input.contractor}, ${input.contractAmount} CNY, O&M ${input.omYears} years, supervisor ${input.supervisor}`,
    to: S.UNDER_CONSTRUCTION, patch: { procurement: { ...input, filedBy: actor, filedAt: new Date().toISOString() } },
  };
}

export function changeRequest(p: DigitalProject, input: ChangeInput, actor: string): Step {
  expectStatus(p, [S.APPROVED, S.UNDER_CONSTRUCTION], 'request a change');
  if (p.pendingChange) throw new ConflictError(`a change of digital project ${p.id} already waits for approval`);
  return {
    event: 'CHANGE_REQUESTED', detail: `${input.content}: ${input.reason}`, to: null,
    patch: { pendingChange: { content: input.content, reason: input.reason, newBudget: input.newBudget ?? null, requestedBy: actor, requestedAt: new Date().toISOString() } },
  };
}

export function termination(p: DigitalProject, input: TerminationInput, actor: string): Step {
  expectStatus(p, [S.APPROVED, S.UNDER_CONSTRUCTION, S.TRIAL_RUN, S.RECTIFICATION], 'terminate (§25: during implementation)');
  return {
    event: 'TERMINATED', detail: `${input.cause}: ${input.statement}`, to: S.TERMINATED,
    patch: { termination: { cause: input.cause, statement: input.statement, terminatedBy: actor, terminatedAt: new Date().toISOString() } },
  };
}

export function securityAssessment(p: DigitalProject, input: SecurityAssessmentInput, actor: string): Step {
  expectStatus(p, [S.APPROVED, S.UNDER_CONSTRUCTION, S.TRIAL_RUN, S.RECTIFICATION], 'record a security level assessment');
  return {
    event: 'SECURITY_ASSESSMENT_RECORDED', detail: `level ${input.level}, ${input.agency} report ${input.reportNo}: ${input.passed ? 'passed' : 'failed'}`, to: null,
    patch: { securityAssessment: { ...input, recordedBy: actor } },
  };
}

export function archive(p: DigitalProject, archiveNo: string): Step {
  expectStatus(p, [S.ACCEPTED], 'file the archive (§28: after acceptance)');
  return { event: 'ARCHIVE_FILED', detail: archiveNo, to: S.IN_OPERATION, patch: { archiveNo } };
}

export function evaluation(p: DigitalProject, input: EvaluationInput, actor: string): Step {
  expectStatus(p, [S.IN_OPERATION], 'evaluate (§33: after the system runs)');
  const total = Math.round(((input.construction + input.use + input.effect + input.security) / 4) * 100) / 100;
  return {
    event: 'POST_EVALUATED', detail: `construction ${input.construction}, use ${input.use}, effect ${input.effect}, security ${input.security}: ${total}`, to: null,
    patch: { evaluation: { ...input, total, evaluatedBy: actor, evaluatedAt: new Date().toISOString() } },
  };
}
