// 004 §9: a change of law, function or system reaches the catalog within 15 working days. A department records the
// change date; this workflow waits for the change request and escalates on the 15th working day if none was filed.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface CatalogFilingInput {
  functionChangeId: string;
  /** YYYY-MM-DD (China day) the law was revised / the function or system changed. */
  changedOn: string;
}
export interface CatalogFilingState { deadline: string; filed: boolean; escalated: boolean }

/** On catalog's queue; idempotent (the row's status guards every write). */
export interface CatalogFilingActivities {
  recordFilingDeadline(input: { functionChangeId: string; deadline: string }): Promise<void>;
  escalateFiling(input: { functionChangeId: string }): Promise<void>;
}

export const changeFiledSignal = defineSignal<[{ changeRequestId: string }]>('changeFiled');
export const filingStateQuery = defineQuery<CatalogFilingState>('filingState');

/** Workflow id = business key. */
export function catalogFilingWorkflowId(functionChangeId: string): string {
  return `catalog-filing-${functionChangeId}`;
}

/** Start of the change day in China (UTC+8): the working days count from it. */
export function changeDayStart(changedOn: string): number {
  return Date.parse(`${changedOn}T00:00:00+08:00`);
}
