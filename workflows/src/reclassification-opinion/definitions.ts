// 001 §21: the providing department gives its opinion on reclassifying its NOT_SHARED resource within a working-day
// deadline (sharing computes it from RECLASSIFICATION_OPINION_WORKING_DAYS); a silent provider is escalated to the
// authority at the deadline, which may then decide without the opinion.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface ReclassificationOpinionInput {
  requestId: string;
  /** ISO instant the opinion is due (the end of the last working day). */
  deadline: string;
}
export interface ReclassificationOpinionState { deadline: string; answered: boolean; escalated: boolean }

/** On sharing's queue; idempotent (the row's status guards the write). */
export interface ReclassificationOpinionActivities {
  escalateReclassificationOpinion(input: { requestId: string }): Promise<void>;
  /** The opinion is due in one working day: the providing department is reminded (once per deadline). */
  remindReclassificationOpinion(input: { requestId: string; deadline: string }): Promise<void>;
}

/** The opinion was given, or the authority decided: nothing to escalate. */
export const reclassificationAnsweredSignal = defineSignal<[{ by: string }]>('reclassificationAnswered');
export const reclassificationOpinionStateQuery = defineQuery<ReclassificationOpinionState>('reclassificationOpinionState');

/** Workflow id = business key. */
export function reclassificationOpinionWorkflowId(requestId: string): string {
  return `reclassification-opinion-${requestId}`;
}
