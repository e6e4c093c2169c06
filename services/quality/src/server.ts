import { loadConfig, type QualityConfig } from './config';
import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { QualityDeps } from './context';
import { QualityIssue } from './entities/quality-issue';
import { migrations } from './migrations';
import { DataResourceQualityResolver, DepartmentQualityResolver, QualityIssueResolver } from './resolvers/quality-issue.resolver';
import { references } from './resolvers/references';
import { seedQuality } from './seed';

export function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  return subgraphServer<QualityDeps>(deps, { name: 'quality', resolvers: [QualityIssueResolver, DepartmentQualityResolver, DataResourceQualityResolver], references, context: { ds: deps.ds } });
}

export const service: ServiceModule<QualityConfig> = {
  name: 'quality',
  loadConfig,
  entities: [QualityIssue],
  migrations,
  createServer,
  seed: seedQuality,
};
