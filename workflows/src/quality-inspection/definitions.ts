// Inspections (000 §14): a Temporal schedule per resource following its update cycle, on demand, and after every load. The run itself is
// one activity on the quality queue: it streams the records from sharing and evaluates every rule in one pass.
/** SCHEDULE: the resource's schedule; ON_DEMAND: a person asked; LOAD: sharing committed a load (run id = load id). */
export type InspectionTrigger = 'SCHEDULE' | 'ON_DEMAND' | 'LOAD';
export interface QualityInspectionInput { resourceId: string; trigger: InspectionTrigger; requestedBy: string; runId?: string }
export interface QualityInspectionResult { runId: string; status: string; score: number | null; recordCount: number }

export interface QualityInspectionActivities {
  /** Idempotent by run id: a retried attempt of a finished run returns it. */
  inspectResource(input: QualityInspectionInput & { runId: string }): Promise<QualityInspectionResult>;
  /** After the last attempt failed: the run says FAILED with the reason instead of staying RUNNING. */
  markRunFailed(input: { runId: string; error: string }): Promise<void>;
}

/** How often the schedule inspects, by the resource's declared update cycle (001 §16): once per cycle, at least daily. */
export const INSPECTION_EVERY_MINUTES: Record<string, number> = {
  REAL_TIME: 24 * 60, DAILY: 24 * 60, WEEKLY: 7 * 24 * 60, MONTHLY: 30 * 24 * 60, QUARTERLY: 91 * 24 * 60, YEARLY: 365 * 24 * 60,
};

/** Schedule id = business key (one per resource), prefixed per deployment like the task queues. */
export function qualityInspectionScheduleId(resourceId: string, prefix = ''): string {
  return `${prefix}quality-inspection-${resourceId}`;
}
/** Workflow id of one run = business key of the run. */
export function qualityInspectionWorkflowId(runId: string): string {
  return `quality-inspection-run-${runId}`;
}
