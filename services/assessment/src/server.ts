import { loadConfig, type AssessmentConfig } from './config';
import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { AssessmentDeps } from './context';
import { AssessmentPeriod } from './entities/assessment-period';
import { DepartmentScore } from './entities/department-score';
import { migrations } from './migrations';
import { AssessmentPeriodResolver, DepartmentAssessmentResolver, DepartmentScoreResolver } from './resolvers/assessment-period.resolver';
import { LatestAssessmentResolver } from './resolvers/latest-assessment.resolver';
import { references } from './resolvers/references';
import { seedAssessment } from './seed';

export function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  return subgraphServer<AssessmentDeps>(deps, { name: 'assessment', resolvers: [AssessmentPeriodResolver, DepartmentScoreResolver, DepartmentAssessmentResolver, LatestAssessmentResolver], references, context: { ds: deps.ds } });
}

export const service: ServiceModule<AssessmentConfig> = {
  name: 'assessment',
  loadConfig,
  entities: [AssessmentPeriod, DepartmentScore],
  migrations,
  createServer,
  seed: seedAssessment,
};
