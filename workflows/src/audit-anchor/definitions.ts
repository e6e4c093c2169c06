// Daily anchoring of the audit chain (上链, 000 §25): shared by the workflow, security's activity and the schedule.
export interface AuditAnchorInput {
  /** YYYY-MM-DD (China day); default: the day before the workflow started, in UTC+8. */
  day?: string;
}
export interface AuditAnchorResult { day: string; anchorId: string; recordCount: number; merkleRoot: string }

export interface AuditAnchorActivities {
  anchorAuditDay(input: { day: string }): Promise<AuditAnchorResult>;
}

/** Workflow id = business key: one anchoring run per day, a retry never anchors twice at once. */
export function auditAnchorWorkflowId(day: string): string {
  return `audit-anchor-${day}`;
}
export const AUDIT_ANCHOR_SCHEDULE_ID = 'audit-anchor-daily';

/** The China (UTC+8) day before the instant `ms`: pure arithmetic, safe inside the workflow sandbox. */
export function previousChinaDay(ms: number): string {
  return new Date(ms + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
}
