// Shared between the approval workflow, the sharing service (client + activities) and tests. Definitions only.
import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * Steps of a conditional-sharing application and their time limits in Chinese working days.
 * 000 §17: provider accepts/rejects within 5, the platform files within 1, the provider delivers within 1.
 * 004 §22-23: under whole authorisation the authority decides within 2.
 * 000 §17 county → city: the county bureau accepts, then the city provider and the city bureau review. The rules give
 * no separate limit for the county's acceptance and the city bureau's review: they get the filing (1) and the
 * authority's (2) limits; arbitration of a dispute (001 §21) gets the authority's 5-day review limit.
 */
export const STAGE_WORKING_DAYS = {
  COUNTY_ACCEPT: 1,
  PROVIDER_REVIEW: 5,
  CITY_AUTHORITY_REVIEW: 2,
  AUTHORITY_DECISION: 2,
  ARBITRATION: 5,
  FILING: 1,
  DELIVERY: 1,
} as const;
export type ApprovalStage = keyof typeof STAGE_WORKING_DAYS;
export const APPROVAL_STAGES = Object.keys(STAGE_WORKING_DAYS) as ApprovalStage[];
/** Working days the applicant has to dispute a rejection before it becomes final. */
export const DISPUTE_WINDOW_WORKING_DAYS = 5;

export interface ShareApprovalInput {
  applicationId: string;
  consumerRegionCode: string;
  providerRegionCode: string;
  /** The consumer's region runs "whole authorisation" (整体授权): the authority decides instead of the provider. */
  wholeAuthorisation: boolean;
}

/** A decision on the open step; who decided (username, and since 已办 their subject, department and region) for the record. */
export interface StageDecision {
  stage: ApprovalStage; approve: boolean; actor: string; reason?: string | null;
  actorSub?: string | null; actorDepartment?: string | null; actorRegion?: string | null;
}
export interface Withdrawal { actor: string }
export interface Dispute { actor: string; reason: string }

export interface ShareApprovalState {
  applicationId: string;
  path: ApprovalStage[];
  stage: ApprovalStage | null;
  deadline: string | null;
  /** The calendar the open deadline was counted on: official:<year>#<v>, shipped:<year> or statutory:<year> (provisional). */
  calendarVersion: string | null;
  overdueStages: ApprovalStage[];
  outcome: ShareApprovalOutcome['outcome'] | null;
}

export interface ShareApprovalOutcome {
  applicationId: string;
  outcome: 'GRANTED' | 'REJECTED' | 'WITHDRAWN';
  grantId: string | null;
  overdueStages: ApprovalStage[];
}

/** Activities on the sharing service's queue: they change sharing rows only, and are idempotent. */
export interface ShareApprovalActivities {
  enterStage(input: { applicationId: string; stage: ApprovalStage; deadline: string; calendarVersion?: string }): Promise<void>;
  /** The open step's deadline counted again on a newly loaded official calendar (recorded and audited). */
  recountStage(input: { applicationId: string; stage: ApprovalStage; deadline: string; calendarVersion: string; previous: string }): Promise<void>;
  markStageOverdue(input: { applicationId: string; stage: ApprovalStage }): Promise<void>;
  /** The open step's deadline is one working day away: its deciders are reminded (once per step and deadline). */
  remindStage(input: { applicationId: string; stage: ApprovalStage; deadline: string }): Promise<void>;
  recordDecision(input: { applicationId: string; decision: StageDecision }): Promise<void>;
  closeApplication(input: { applicationId: string; status: 'REJECTED' | 'WITHDRAWN'; reason?: string | null }): Promise<void>;
  awaitDispute(input: { applicationId: string; deadline: string }): Promise<void>;
  startArbitration(input: { applicationId: string; reason: string }): Promise<void>;
  /** Creates (once) the grant of an approved, delivered application. */
  grantFromApplication(input: { applicationId: string }): Promise<{ grantId: string; expiresAt: string }>;
}

export const stageDecisionSignal = defineSignal<[StageDecision]>('stageDecision');
export const withdrawSignal = defineSignal<[Withdrawal]>('withdraw');
export const disputeSignal = defineSignal<[Dispute]>('dispute');
export const approvalStateQuery = defineQuery<ShareApprovalState>('approvalState');

/** Workflow id = business key: a retried submit can never start a second approval of the same application. */
export function shareApprovalWorkflowId(applicationId: string): string {
  return `share-application-${applicationId}`;
}

/** The steps an application goes through (pure: the workflow and the service's tests use it). */
export function approvalPath(input: Pick<ShareApprovalInput, 'consumerRegionCode' | 'providerRegionCode' | 'wholeAuthorisation'>): ApprovalStage[] {
  const countyToCity = input.consumerRegionCode !== input.providerRegionCode && /^\d{4}00$/.test(input.providerRegionCode)
    && input.consumerRegionCode.slice(0, 4) === input.providerRegionCode.slice(0, 4);
  if (countyToCity) return ['COUNTY_ACCEPT', 'PROVIDER_REVIEW', 'CITY_AUTHORITY_REVIEW', 'FILING', 'DELIVERY'];
  if (input.wholeAuthorisation) return ['AUTHORITY_DECISION', 'FILING', 'DELIVERY'];
  return ['PROVIDER_REVIEW', 'FILING', 'DELIVERY'];
}
