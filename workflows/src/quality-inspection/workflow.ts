// One inspection run: the activity does the I/O (catalog entry, sharing's record stream, rules, issues, audit).
import { uuid4 } from '@temporalio/workflow';
import type { QualityInspectionActivities, QualityInspectionInput, QualityInspectionResult } from './definitions';
import { serviceActivities } from '../activities';

export async function qualityInspectionWorkflow(input: QualityInspectionInput): Promise<QualityInspectionResult> {
  const quality = serviceActivities<QualityInspectionActivities>('quality', {
    startToCloseTimeout: '30 minutes',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
  });
  // A scheduled start carries no run id: the workflow's seeded uuid4 is stable across replays and activity retries.
  const runId = input.runId ?? uuid4();
  try {
    return await quality.inspectResource({ ...input, runId });
  } catch (e) {
    const error = (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message;
    await quality.markRunFailed({ runId, error: error.slice(0, 1000) });
    return { runId, status: 'FAILED', score: null, recordCount: 0 };
  }
}
