import { buildSubgraph, createSubgraphApp, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { AssessmentDeps } from './context';
import { AssessmentPeriod } from './entities/assessment-period';
import { DepartmentScore } from './entities/department-score';
import { migrations } from './migrations';
import { AssessmentPeriodResolver, DepartmentAssessmentResolver, DepartmentScoreResolver } from './resolvers/assessment-period.resolver';
import { references } from './resolvers/references';
import { seedAssessment } from './seed';

export async function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  const schema = await buildSubgraph({ resolvers: [AssessmentPeriodResolver, DepartmentScoreResolver, DepartmentAssessmentResolver], references });
  return createSubgraphApp<AssessmentDeps>({
    name: 'assessment', schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal,
    deps: { ds: deps.ds },
  });
}

export const service: ServiceModule = {
  name: 'assessment',
  entities: [AssessmentPeriod, DepartmentScore],
  migrations,
  createServer,
  seed: seedAssessment,
};
