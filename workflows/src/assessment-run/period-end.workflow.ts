// The period-end assessment: sleeps (a durable timer) until the period's last China day is over, then computes a run.
import { sleep } from '@temporalio/workflow';
// Only import the activity types: workflows run in a sandbox.
import type { AssessmentPeriodEndActivities, AssessmentPeriodEndInput, AssessmentRunActivities, AssessmentRunResult } from './definitions';
import { msUntilEndOfChinaDay } from './definitions';
import { serviceActivities } from '../activities';

export async function assessmentPeriodEndWorkflow(input: AssessmentPeriodEndInput): Promise<AssessmentRunResult> {
  const wait = msUntilEndOfChinaDay(input.endsOn, new Date().getTime());
  if (wait > 0) await sleep(wait);
  const assessment = serviceActivities<AssessmentPeriodEndActivities & AssessmentRunActivities>('assessment', {
    startToCloseTimeout: '10 minutes',
    retry: { initialInterval: '5 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
  });
  const { runId } = await assessment.createPeriodEndRun({ periodId: input.periodId });
  return assessment.computeAssessmentRun({ runId });
}
