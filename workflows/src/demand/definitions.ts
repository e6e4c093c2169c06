// Demand-list negotiation (000 §17): a department asks a holder for data not catalogued; the holder answers within a
// working-day deadline and negotiates; agreement ends in a published, mounted entry; disagreement goes to the
// authority, and if the authority cannot settle it within its deadline, to the city government.
import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * 000 §17 says the holder "应及时回响" without a number: 5 working days is configuration (DEMAND_ANSWER_WORKING_DAYS),
 * aligned with the 5-working-day acceptance deadline of the same article for share applications.
 */
export const DEFAULT_DEMAND_ANSWER_WORKING_DAYS = 5;
/** The authority's time to settle a dispute before it goes to the city government (DEMAND_ARBITRATION_WORKING_DAYS; not fixed by 000 §17). */
export const DEFAULT_DEMAND_ARBITRATION_WORKING_DAYS = 10;

export interface DemandInput { demandId: string; answerWorkingDays: number; arbitrationWorkingDays: number }

/** What the mutations tell the workflow (after writing the row in their own transaction). */
export type DemandEvent =
  | { kind: 'ANSWERED' } | { kind: 'DISAGREED' } | { kind: 'AGREED' } | { kind: 'REFUSED' } | { kind: 'FULFILLED' }
  | { kind: 'REFERRED' };

export interface DemandState { demandId: string; stage: string; deadline: string | null; escalation: 'NONE' | 'AUTHORITY' | 'CITY_GOVERNMENT'; answerOverdue: boolean }

export interface DemandActivities {
  recordDemandDeadline(input: { demandId: string; deadline: string }): Promise<void>;
  /** Marks the holder late and puts the demand before the authority. */
  markDemandAnswerOverdue(input: { demandId: string }): Promise<void>;
  /** The holder's answer is due in one working day: the holder is reminded (once per deadline). */
  remindDemandAnswer(input: { demandId: string; deadline: string }): Promise<void>;
  /** Raises the escalation level (never lowers it), with the deadline of the new step if any. */
  escalateDemand(input: { demandId: string; level: 'AUTHORITY' | 'CITY_GOVERNMENT'; deadline: string | null; reason: string }): Promise<void>;
}

export const demandEventSignal = defineSignal<[DemandEvent]>('demandEvent');
export const demandStateQuery = defineQuery<DemandState>('demandState');

export function demandWorkflowId(demandId: string): string {
  return `catalog-demand-${demandId}`;
}
