// Activities of the assessment run workflow: idempotent (the snapshot is stored only while the run is RUNNING).
import type { AssessmentRunActivities } from '@gov/workflows';
import type { CommonConfig } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { computeRun, failRun } from '../domain/runs';

export function runActivities(ds: DataSource, config: CommonConfig): AssessmentRunActivities {
  return {
    computeAssessmentRun: ({ runId }) => computeRun(ds, runId, config),
    failAssessmentRun: ({ runId, reason }) => failRun(ds, runId, reason),
  };
}
