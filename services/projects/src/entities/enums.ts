import { registerEnumType } from 'type-graphql';

/** 统建项目 (organised city-wide, two or more departments) / 自建项目 (a department's own), 001 临湘项目办法 §5 */
export enum DigitalProjectKind { UNIFIED = 'UNIFIED', SELF_BUILT = 'SELF_BUILT' }

/** The lifecycle of 001 临湘项目办法: plan (§10-12), construction plan (§13), reviews (§14-17), procurement (§18-20),
 * construction (§21-25), acceptance (§26-27), archive (§28), O&M (§29). */
export enum DigitalProjectStatus {
  PLANNED = 'PLANNED',
  SUBMITTED = 'SUBMITTED',
  SUPPLEMENTARY_SUBMITTED = 'SUPPLEMENTARY_SUBMITTED',
  PLAN_APPROVED = 'PLAN_APPROVED',
  TECHNICAL_REVIEW = 'TECHNICAL_REVIEW',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  APPROVAL_REVIEW = 'APPROVAL_REVIEW',
  BUDGET_REVIEW = 'BUDGET_REVIEW',
  APPROVED = 'APPROVED',
  UNDER_CONSTRUCTION = 'UNDER_CONSTRUCTION',
  TRIAL_RUN = 'TRIAL_RUN',
  RECTIFICATION = 'RECTIFICATION',
  ACCEPTED = 'ACCEPTED',
  IN_OPERATION = 'IN_OPERATION',
  REJECTED = 'REJECTED',
  TERMINATED = 'TERMINATED',
  ACCEPTANCE_FAILED = 'ACCEPTANCE_FAILED',
}

/** 年度计划 (declared by 30 October, §10) / 补充计划 (later urgent projects, leading-group office's approval, §12). */
export enum ProjectPlanType { ANNUAL = 'ANNUAL', SUPPLEMENTARY = 'SUPPLEMENTARY' }

/** Who decides which step (the step names the party; §11-17, §24, §27). */
export enum ProjectDecisionStep {
  PLAN = 'PLAN',
  TECHNICAL_REVIEW = 'TECHNICAL_REVIEW',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  APPROVAL = 'APPROVAL',
  BUDGET = 'BUDGET',
  CHANGE = 'CHANGE',
  FINAL_ACCEPTANCE_AUTHORITY = 'FINAL_ACCEPTANCE_AUTHORITY',
  FINAL_ACCEPTANCE_FINANCE = 'FINAL_ACCEPTANCE_FINANCE',
}

/** The three causes of §25: (一) force majeure, (二) implementation failing / goals unreachable, (三) the contractor
 * departs from the approved plan and contract and refuses supervision. */
export enum TerminationCause {
  FORCE_MAJEURE = 'FORCE_MAJEURE',
  IMPLEMENTATION_FAILED = 'IMPLEMENTATION_FAILED',
  CONTRACTOR_NONCOMPLIANT = 'CONTRACTOR_NONCOMPLIANT',
}

registerEnumType(DigitalProjectKind, { name: 'DigitalProjectKind', description: '统建项目 / 自建项目 (001 临湘项目办法 §5)' });
registerEnumType(DigitalProjectStatus, { name: 'DigitalProjectStatus', description: 'lifecycle step of a digital project (001 临湘项目办法)' });
registerEnumType(ProjectPlanType, { name: 'ProjectPlanType', description: '年度计划 / 补充计划 (001 临湘项目办法 §10-12)' });
registerEnumType(ProjectDecisionStep, { name: 'ProjectDecisionStep', description: 'the decision step; it names the deciding party' });
registerEnumType(TerminationCause, { name: 'TerminationCause', description: 'the causes of 001 临湘项目办法 §25' });
