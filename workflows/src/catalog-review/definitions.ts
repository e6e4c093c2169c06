// Shared between the workflow, the catalog service (client + activities) and tests. No runtime imports beyond definitions.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export const DEFAULT_REVIEW_WORKING_DAYS = 5;

export interface CatalogReviewInput {
  resourceId: string;
  resourceCode: string;
  departmentId: string;
  regionCode: string;
  submittedBy: string;
  /** Working days the authority has to decide. */
  deadlineWorkingDays: number;
}

export interface ReviewDecision { approve: boolean; reviewer: string; comment?: string | null }

export interface CatalogReviewState {
  resourceId: string;
  deadline: string;
  overdue: boolean;
  decision: ReviewDecision | null;
}

export interface CatalogReviewOutcome { resourceId: string; outcome: 'PUBLISHED' | 'RETURNED'; overdue: boolean; deadline: string }

/** Activities on the catalog service's queue: they change catalog rows, nothing else. */
export interface CatalogReviewActivities {
  recordReviewDeadline(input: { resourceId: string; deadline: string; calendarVersion?: string }): Promise<void>;
  /** The review deadline counted again on a newly loaded official calendar (stored with its version, audited). */
  recountReview(input: { resourceId: string; deadline: string; calendarVersion: string; previous: string }): Promise<void>;
  markReviewOverdue(input: { resourceId: string; deadline: string }): Promise<void>;
  /** The review is due in one working day: the authority is reminded (once per submission and deadline). */
  remindReview(input: { resourceId: string; deadline: string }): Promise<void>;
  publishResource(input: { resourceId: string; reviewer: string; comment?: string | null }): Promise<void>;
  returnResourceToDraft(input: { resourceId: string; reviewer: string; comment?: string | null }): Promise<void>;
}

export const reviewDecisionSignal = defineSignal<[ReviewDecision]>('reviewDecision');
export const reviewStateQuery = defineQuery<CatalogReviewState>('reviewState');

/** Workflow id = business key: a retried submit can never start a second review of the same submission. */
export function catalogReviewWorkflowId(resourceId: string, submission: number): string {
  return `catalog-review-${resourceId}-${submission}`;
}
