// Shared between the project lifecycle workflow, the projects service (client + activities) and tests. Definitions only.
import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * Review limits in Chinese working days. 001 临湘项目办法 gives no numbers for them: configuration with these defaults
 * (PROJECT_<STEP>_WORKING_DAYS). Rectification after a failed acceptance (§27 限期整改) likewise.
 */
export const DEFAULT_PROJECT_STEP_WORKING_DAYS = {
  PLAN_REVIEW: 10,
  TECHNICAL_REVIEW: 10,
  EXPERT_REVIEW: 10,
  APPROVAL_REVIEW: 10,
  BUDGET_REVIEW: 10,
  RECTIFICATION: 20,
  /** A yearly O&M report (§29) is due this many working days after each O&M year ends. */
  OM_REPORT: 20,
} as const;

export interface ProjectLifecycleInput { projectId: string }

/** The project entered a step: its deadline (ISO instant) when the step has one, the O&M report dues when in O&M. */
export interface StageEntered {
  stage: string;
  deadline: string | null;
  /** Terminal stages end the workflow (rejected, terminated, acceptance failed, O&M over). */
  terminal: boolean;
  /** In operation: for each O&M year (1..n) the instant its report is due. */
  omReportDues?: Array<{ year: number; due: string }>;
}

export interface ProjectLifecycleState { projectId: string; stage: string | null; deadline: string | null; overdue: string[] }

/** Activities on the projects service's queue: conditional updates of project rows, safe to retry. */
export interface ProjectLifecycleActivities {
  /** Marks the step overdue only if the project still waits in it with that deadline. */
  markProjectStepOverdue(input: { projectId: string; stage: string; deadline: string }): Promise<void>;
  /** The step's deadline is one working day away: whoever must act is reminded (once per step and deadline). */
  remindProjectStep(input: { projectId: string; stage: string; deadline: string }): Promise<void>;
  /** The O&M report of `year` is due in one working day and not filed: the owner is reminded (once). */
  remindOmReport(input: { projectId: string; year: number; due: string }): Promise<void>;
  /** Marks the O&M report of `year` overdue unless it was filed. */
  markOmReportOverdue(input: { projectId: string; year: number }): Promise<void>;
}

export const projectStageSignal = defineSignal<[StageEntered]>('projectStage');
export const projectStateQuery = defineQuery<ProjectLifecycleState>('projectState');

/** Workflow id = business key: one lifecycle per project however often a step is retried. */
export function projectLifecycleWorkflowId(projectId: string): string {
  return `digital-project-${projectId}`;
}
