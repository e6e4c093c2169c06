import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { SharingDeps } from './context';
import { ShareApplication } from './entities/share-application';
import { migrations } from './migrations';
import { references } from './resolvers/references';
import { DepartmentSharingResolver, ShareApplicationResolver } from './resolvers/share-application.resolver';
import { seedSharing } from './seed';

export function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  return subgraphServer<SharingDeps>(deps, { name: 'sharing', resolvers: [ShareApplicationResolver, DepartmentSharingResolver], references, context: { ds: deps.ds } });
}

export const service: ServiceModule = {
  name: 'sharing',
  entities: [ShareApplication],
  migrations,
  createServer,
  seed: seedSharing,
};
