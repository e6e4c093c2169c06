// One assessment run (a version of a period's assessment, 000 §28): shared by the workflow and assessment's activity.
export interface AssessmentRunInput { runId: string }
export interface AssessmentRunResult { runId: string; status: 'COMPLETED' | 'FAILED'; departments: number; durationMs: number }

export interface AssessmentRunActivities {
  /** Collects every indicator from its source, scores and stores the snapshot; a retry of a finished run does nothing. */
  computeAssessmentRun(input: AssessmentRunInput): Promise<AssessmentRunResult>;
  /** Marks a run that could not complete (sources kept failing) as FAILED, with the reason. */
  failAssessmentRun(input: { runId: string; reason: string }): Promise<void>;
}

/** Workflow id = business key: one workflow per run version, a retried start never computes twice at once. */
export function assessmentRunWorkflowId(runId: string): string {
  return `assessment-run-${runId}`;
}

/** The scheduled run at a period's end (000 §28): waits for the end of its last China day, then runs once. */
export interface AssessmentPeriodEndInput { periodId: string; endsOn: string }
export interface AssessmentPeriodEndActivities {
  /** Creates the period-end run (idempotency key `period-end`: a retry returns the same run) and returns its id. */
  createPeriodEndRun(input: { periodId: string }): Promise<{ runId: string }>;
}
export function assessmentPeriodEndWorkflowId(periodId: string): string {
  return `assessment-period-end-${periodId}`;
}
/** Milliseconds from `nowMs` to the end of the China (UTC+8) day `day` (YYYY-MM-DD): pure, safe in the sandbox. */
export function msUntilEndOfChinaDay(day: string, nowMs: number): number {
  return Math.max(0, Date.parse(`${day}T00:00:00+08:00`) + 86_400_000 - nowMs);
}
