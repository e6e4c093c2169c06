// Activities of the assessment run and period-end workflows: idempotent (the snapshot is stored only while the run is RUNNING).
import type { AssessmentPeriodEndActivities, AssessmentRunActivities } from '@gov/workflows';
import type { CommonConfig } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { computeRun, createPeriodEndRun, failRun } from '../domain/runs';

export function runActivities(ds: DataSource, config: CommonConfig): AssessmentRunActivities & AssessmentPeriodEndActivities {
  return {
    computeAssessmentRun: ({ runId }) => computeRun(ds, runId, config),
    failAssessmentRun: ({ runId, reason }) => failRun(ds, runId, reason),
    createPeriodEndRun: ({ periodId }) => createPeriodEndRun(ds, periodId),
  };
}
