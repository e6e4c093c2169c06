// A complaint (003 §17) or a feedback (003 §24) about an open dataset: answered within 10 working days. The answer is
// written by the publisher's mutation; this process owns the deadline and the escalation.
import { defineSignal } from '@temporalio/workflow';

export const OPEN_DATA_ANSWER_WORKING_DAYS = 10;

export interface OpenDataCaseInput { caseId: string }

export interface OpenDataCaseActivities {
  /** Records the answer deadline the submitter and the publisher see. */
  openCase(input: { caseId: string; deadline: string; calendarVersion?: string }): Promise<void>;
  /** The answer deadline counted again on a newly loaded official calendar (stored with its version, audited). */
  recountCase(input: { caseId: string; deadline: string; calendarVersion: string; previous: string }): Promise<void>;
  /** The answer deadline is one working day away: the publisher is reminded (once per deadline). */
  remindCase(input: { caseId: string; deadline: string }): Promise<void>;
  /** Past the deadline unanswered: escalated to the authority (the answer is still owed). False: already answered. */
  escalateCase(input: { caseId: string }): Promise<boolean>;
}

/** Sent by the publisher's answer: the clock stops. */
export const openDataCaseAnsweredSignal = defineSignal('openDataCaseAnswered');

export function openDataCaseWorkflowId(caseId: string): string {
  return `open-data-case-${caseId}`;
}
