import { buildSubgraph, createSubgraphApp, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { QualityDeps } from './context';
import { QualityIssue } from './entities/quality-issue';
import { migrations } from './migrations';
import { DataResourceQualityResolver, DepartmentQualityResolver, QualityIssueResolver } from './resolvers/quality-issue.resolver';
import { references } from './resolvers/references';
import { seedQuality } from './seed';

export async function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  const schema = await buildSubgraph({ resolvers: [QualityIssueResolver, DepartmentQualityResolver, DataResourceQualityResolver], references });
  const base: QualityDeps = { ds: deps.ds };
  return createSubgraphApp({
    name: 'quality', schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal, deps: base,
  });
}

export const service: ServiceModule = {
  name: 'quality',
  entities: [QualityIssue],
  migrations,
  createServer,
  seed: seedQuality,
};
