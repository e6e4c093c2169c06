import { loadConfig, type OpenDataConfig } from './config';
import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { OpenDataDeps } from './context';
import { OpenDataset } from './entities/open-dataset';
import { migrations } from './migrations';
import { DepartmentOpenDataResolver, OpenDatasetResolver } from './resolvers/open-dataset.resolver';
import { references } from './resolvers/references';
import { seedOpenData } from './seed';

export function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  return subgraphServer<OpenDataDeps>(deps, { name: 'open-data', resolvers: [OpenDatasetResolver, DepartmentOpenDataResolver], references, context: { ds: deps.ds } });
}

export const service: ServiceModule<OpenDataConfig> = {
  name: 'open-data',
  loadConfig,
  entities: [OpenDataset],
  migrations,
  createServer,
  seed: seedOpenData,
};
