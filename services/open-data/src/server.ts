import { buildSubgraph, createSubgraphApp, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { OpenDataDeps } from './context';
import { OpenDataset } from './entities/open-dataset';
import { migrations } from './migrations';
import { DepartmentOpenDataResolver, OpenDatasetResolver } from './resolvers/open-dataset.resolver';
import { references } from './resolvers/references';
import { seedOpenData } from './seed';

export async function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  const schema = await buildSubgraph({ resolvers: [OpenDatasetResolver, DepartmentOpenDataResolver], references });
  const base: OpenDataDeps = { ds: deps.ds };
  return createSubgraphApp({
    name: 'open-data', schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal, deps: base,
  });
}

export const service: ServiceModule = {
  name: 'open-data',
  entities: [OpenDataset],
  migrations,
  createServer,
  seed: seedOpenData,
};
