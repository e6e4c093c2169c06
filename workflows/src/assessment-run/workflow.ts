// Computes one assessment run by an activity on assessment's queue (the snapshot lives there; the facts come from
// each owning subgraph's service-only query).
import { ActivityFailure } from '@temporalio/workflow';
// Only import the activity types: workflows run in a sandbox.
import type { AssessmentRunActivities, AssessmentRunInput, AssessmentRunResult } from './definitions';
import { serviceActivities } from '../activities';

export async function assessmentRunWorkflow(input: AssessmentRunInput): Promise<AssessmentRunResult> {
  const assessment = serviceActivities<AssessmentRunActivities>('assessment', {
    startToCloseTimeout: '10 minutes',
    retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', backoffCoefficient: 2, maximumAttempts: 5 },
  });
  try {
    return await assessment.computeAssessmentRun(input);
  } catch (e) {
    const reason = e instanceof ActivityFailure ? (e.cause?.message ?? e.message) : String(e);
    await assessment.failAssessmentRun({ runId: input.runId, reason: reason.slice(0, 500) });
    return { runId: input.runId, status: 'FAILED', departments: 0, durationMs: 0 };
  }
}
