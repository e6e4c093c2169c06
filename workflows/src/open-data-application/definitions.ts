// Shared between the open-data application workflow, the open-data service (client + activities) and tests.
import { defineSignal } from '@temporalio/workflow';

/** 000 §21: the provider department decides a conditional open-data application within 7 working days. */
export const OPEN_DATA_DECISION_WORKING_DAYS = 7;

export interface OpenDataApplicationInput { applicationId: string }
export interface OpenDataDecision { approve: boolean; actor: string; reason: string | null }

/** Activities on the open-data service's queue: they change open-data rows only, and are idempotent. */
export interface OpenDataApplicationActivities {
  /** Records the decision deadline the applicant and the provider see. */
  openReview(input: { applicationId: string; deadline: string; calendarVersion?: string }): Promise<void>;
  /** The decision deadline counted again on a newly loaded official calendar (stored with its version, audited). */
  recountApplication(input: { applicationId: string; deadline: string; calendarVersion: string; previous: string }): Promise<void>;
  /** The decision deadline is one working day away: the publisher's deciders are reminded (once per deadline). */
  remindApplication(input: { applicationId: string; deadline: string }): Promise<void>;
  /** Past the deadline with no decision: escalated to the authority (still waiting for the provider's decision). */
  escalateApplication(input: { applicationId: string }): Promise<void>;
  recordApplicationDecision(input: { applicationId: string; decision: OpenDataDecision }): Promise<void>;
}

export const openDataDecisionSignal = defineSignal<[OpenDataDecision]>('openDataDecision');

/** Workflow id = business key: a retried application never starts a second review. */
export function openDataApplicationWorkflowId(applicationId: string): string {
  return `open-data-application-${applicationId}`;
}
