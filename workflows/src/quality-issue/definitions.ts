// A quality issue's fix process (000 §14, 004 §24): the source department explains or fixes within its working days;
// past the deadline the issue is escalated to the authority (counted for assessment) and still waits; the platform
// verifies a fix (re-running the failing rule, or the operator's check for a flag) → VERIFIED, or REOPENED with a
// new deadline.
import { defineQuery, defineSignal } from '@temporalio/workflow';

/** 000 §14: explain or fix within 3 working days; 004 §24: a consumer's flag within 5. */
export const FIX_WORKING_DAYS = { INSPECTION: 3, CONSUMER: 5 } as const;

export interface QualityIssueProcessInput { issueId: string; workingDays: number }
export interface IssueFixed { round: number; actor: string }
export interface IssueVerdict { round: number; accepted: boolean; actor: string; note: string }
export interface QualityIssueState { round: number; deadline: string | null; phase: 'WAITING_FIX' | 'VERIFYING' | 'DONE'; overdueRounds: number[] }

/** Activities on the quality queue; idempotent (conditional updates on the round). */
export interface QualityIssueActivities {
  openRound(input: { issueId: string; round: number; deadline: string; calendarVersion?: string }): Promise<void>;
  /** The round's deadline counted again on a newly loaded official calendar (stored with its version, audited). */
  recountRound(input: { issueId: string; round: number; deadline: string; calendarVersion: string; previous: string }): Promise<void>;
  escalateIssue(input: { issueId: string; round: number }): Promise<void>;
  /** The round's fix deadline is one working day away: the source department is reminded (once per round). */
  remindRound(input: { issueId: string; round: number; deadline: string }): Promise<void>;
  /** Re-runs the failing rule on the affected records; `auto` false when nothing can be re-run (a consumer's flag). */
  verifyByRerun(input: { issueId: string; round: number }): Promise<{ auto: boolean; passed: boolean; note: string }>;
  closeRound(input: { issueId: string; round: number; passed: boolean; note: string; actor: string }): Promise<void>;
}

export const issueFixedSignal = defineSignal<[IssueFixed]>('issueFixed');
export const issueVerdictSignal = defineSignal<[IssueVerdict]>('issueVerdict');
export const qualityIssueStateQuery = defineQuery<QualityIssueState>('qualityIssueState');

export function qualityIssueWorkflowId(issueId: string): string {
  return `quality-issue-${issueId}`;
}
