// Activities of the inspection and issue workflows, on quality's own queue: they change quality rows only and are
// idempotent (run id / round conditions), so Temporal may retry them.
import type { ServiceDeps } from '@gov/kit';
import type { QualityCalendarActivities, QualityInspectionActivities, QualityIssueActivities } from '@gov/workflows';
import type { QualityConfig } from '../config';
import { InspectionStatus } from '../entities/enums';
import { InspectionRun } from '../entities/inspection';
import { inspectResource } from '../domain/inspection';
import { issueSteps, startIssueProcess } from '../domain/issues';
import { calendarActivities } from './calendar.activities';

export function qualityActivities(deps: Pick<ServiceDeps<QualityConfig>, 'ds' | 'config' | 'temporal' | 'taskQueuePrefix'>): QualityInspectionActivities & QualityIssueActivities & QualityCalendarActivities {
  return {
    async inspectResource(input) {
      const r = await inspectResource(deps.ds, input, {
        config: deps.config,
        // The issues' fix workflows start once their rows are committed; the workflow id makes a retry harmless.
        afterCommit: async (opened) => { for (const i of opened) await startIssueProcess(deps.temporal, deps.taskQueuePrefix, i); },
      });
      return { runId: r.runId, status: r.status, score: r.score, recordCount: r.recordCount };
    },
    async markRunFailed({ runId, error }) {
      await deps.ds.getRepository(InspectionRun).update({ id: runId, status: InspectionStatus.RUNNING }, { status: InspectionStatus.FAILED, error, finishedAt: new Date() });
    },
    ...issueSteps(deps.ds, deps.config),
    ...calendarActivities(deps.ds, deps.temporal),
  };
}
