// Change request of a published catalog entry (000 §9, 004 §9): reviewed by the authority within a working-day
// deadline like a first publication; approval publishes a new version. Shared by workflow, catalog service and tests.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ReviewDecision } from '../catalog-review/definitions';

export interface CatalogChangeInput {
  changeRequestId: string;
  resourceId: string;
  regionCode: string;
  /** Working days the authority has to decide (CATALOG_REVIEW_WORKING_DAYS). */
  deadlineWorkingDays: number;
}

export interface CatalogChangeState { changeRequestId: string; deadline: string; overdue: boolean; decision: ReviewDecision | null }
export interface CatalogChangeOutcome { changeRequestId: string; outcome: 'APPROVED' | 'REJECTED'; overdue: boolean; deadline: string }

/** On catalog's queue; idempotent (the change request's status guards every write). */
export interface CatalogChangeActivities {
  recordChangeDeadline(input: { changeRequestId: string; deadline: string; calendarVersion?: string }): Promise<void>;
  /** The review deadline counted again on a newly loaded official calendar (stored with its version, audited). */
  recountChange(input: { changeRequestId: string; deadline: string; calendarVersion: string; previous: string }): Promise<void>;
  markChangeOverdue(input: { changeRequestId: string }): Promise<void>;
  /** The review is due in one working day: the authority is reminded (once per deadline). */
  remindChange(input: { changeRequestId: string; deadline: string }): Promise<void>;
  applyChange(input: { changeRequestId: string; reviewer: string; comment?: string | null }): Promise<void>;
  rejectChange(input: { changeRequestId: string; reviewer: string; comment?: string | null }): Promise<void>;
}

export const changeDecisionSignal = defineSignal<[ReviewDecision]>('changeDecision');
export const changeStateQuery = defineQuery<CatalogChangeState>('changeState');

/** Workflow id = business key. */
export function catalogChangeWorkflowId(changeRequestId: string): string {
  return `catalog-change-${changeRequestId}`;
}

/** 004 §9: a change of law or function reaches the catalog within 15 working days. */
export const CATALOG_CHANGE_FILING_WORKING_DAYS = 15;
