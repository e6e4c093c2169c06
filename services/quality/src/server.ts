import { QualityTaskResolver } from './resolvers/task.resolver';
import { loadConfig, type QualityConfig } from './config';
import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import { qualityActivities } from './activities/quality.activities';
import type { QualityDeps } from './context';
import { InspectionRuleResult, InspectionRun } from './entities/inspection';
import { Objection } from './entities/objection';
import { QualityIssue } from './entities/quality-issue';
import { QualityRule } from './entities/quality-rule';
import { migrations } from './migrations';
import { DataResourceQualityResolver, DepartmentQualityResolver } from './resolvers/extensions.resolver';
import { IndicatorResolver } from './resolvers/indicators.resolver';
import { InspectionResolver } from './resolvers/inspection.resolver';
import { ObjectionResolver } from './resolvers/objection.resolver';
import { QualityIssueResolver } from './resolvers/quality-issue.resolver';
import { QualityRuleResolver } from './resolvers/quality-rule.resolver';
import { references } from './resolvers/references';
import { resumeIssueProcesses } from './domain/issues';
import { seedQuality } from './seed';

export function createServer(deps: ServiceDeps<QualityConfig>): Promise<GraphQLApp> {
  // An issue without its workflow would show no deadline and never escalate: start the missing ones in the background.
  if (deps.ds.isInitialized && deps.temporal) { // not during offline composition
    resumeIssueProcesses(deps.ds, deps.temporal, deps.taskQueuePrefix)
      .then((n) => n && deps.logger.info({ issues: n }, 'resumed quality issue workflows'))
      .catch((e: unknown) => deps.logger.warn({ err: e }, 'could not resume quality issue workflows; retried at next start'));
  }
  return subgraphServer<QualityDeps>(deps, {
    name: 'quality',
    resolvers: [QualityIssueResolver, DepartmentQualityResolver, DataResourceQualityResolver, QualityRuleResolver, InspectionResolver, ObjectionResolver, IndicatorResolver, QualityTaskResolver],
    references,
    context: { ds: deps.ds, temporal: deps.temporal, taskQueuePrefix: deps.taskQueuePrefix, config: deps.config },
  });
}

export const service: ServiceModule<QualityConfig> = {
  name: 'quality',
  loadConfig,
  entities: [QualityIssue, QualityRule, InspectionRun, InspectionRuleResult, Objection],
  migrations,
  createServer,
  activities: (deps) => qualityActivities(deps),
  seed: seedQuality,
};
