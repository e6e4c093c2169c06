import { loadConfig, type AssessmentConfig } from './config';
import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import { runActivities } from './activities/run.activities';
import type { AssessmentDeps } from './context';
import { AssessmentPeriod } from './entities/assessment-period';
import { AssessmentResult, AssessmentRun } from './entities/assessment-run';
import { AssessmentIndicator } from './entities/indicator';
import { migrations } from './migrations';
import { AssessmentPeriodResolver, AssessmentResultResolver, DepartmentAssessmentResolver } from './resolvers/assessment-period.resolver';
import { AssessmentRunResolver } from './resolvers/assessment-run.resolver';
import { AssessmentIndicatorResolver } from './resolvers/indicator.resolver';
import { LatestAssessmentResolver } from './resolvers/latest-assessment.resolver';
import { references } from './resolvers/references';
import { SelfAssessmentResolver } from './resolvers/self-assessment.resolver';
import { SelfAssessmentReport } from './entities/self-assessment';
import { seedAssessment } from './seed';
import { AssessmentTaskResolver } from './resolvers/task.resolver';

export function createServer(deps: ServiceDeps<AssessmentConfig>): Promise<GraphQLApp> {
  return subgraphServer<AssessmentDeps>(deps, {
    name: 'assessment',
    resolvers: [AssessmentPeriodResolver, AssessmentResultResolver, DepartmentAssessmentResolver, LatestAssessmentResolver, AssessmentIndicatorResolver, AssessmentRunResolver, SelfAssessmentResolver, AssessmentTaskResolver],
    references,
    context: { ds: deps.ds, temporal: deps.temporal, taskQueuePrefix: deps.taskQueuePrefix, config: deps.config },
  });
}

export const service: ServiceModule<AssessmentConfig> = {
  name: 'assessment',
  loadConfig,
  entities: [AssessmentPeriod, AssessmentIndicator, AssessmentRun, AssessmentResult, SelfAssessmentReport],
  migrations,
  createServer,
  activities: (deps) => runActivities(deps.ds, deps.config),
  seed: seedAssessment,
};
