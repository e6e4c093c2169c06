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
