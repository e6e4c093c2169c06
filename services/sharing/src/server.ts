import { buildSubgraph, createSubgraphApp, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { SharingDeps } from './context';
import { ShareApplication } from './entities/share-application';
import { migrations } from './migrations';
import { references } from './resolvers/references';
import { DepartmentSharingResolver, ShareApplicationResolver } from './resolvers/share-application.resolver';
import { seedSharing } from './seed';

export async function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  const schema = await buildSubgraph({ resolvers: [ShareApplicationResolver, DepartmentSharingResolver], references });
  const base: SharingDeps = { ds: deps.ds };
  return createSubgraphApp({
    name: 'sharing', schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal, deps: base,
  });
}

export const service: ServiceModule = {
  name: 'sharing',
  entities: [ShareApplication],
  migrations,
  createServer,
  seed: seedSharing,
};
