import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import { DEFAULT_REVIEW_WORKING_DAYS } from '@gov/workflows';
import { reviewActivities } from './activities/review.activities';
import { requestLoaders, type CatalogStaticDeps } from './context';
import { DataItem, DataResource } from './entities/data-resource';
import { Department } from './entities/department';
import { Region } from './entities/region';
import { migrations } from './migrations';
import { DataResourceResolver } from './resolvers/data-resource.resolver';
import { DepartmentResolver, RegionResolver, ViewerResolver } from './resolvers/org.resolver';
import { references } from './resolvers/references';
import { seedCatalog } from './seed';

export function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  const context: CatalogStaticDeps = {
    ds: deps.ds, temporal: deps.temporal, taskQueuePrefix: deps.taskQueuePrefix,
    reviewWorkingDays: Number(process.env.CATALOG_REVIEW_WORKING_DAYS ?? DEFAULT_REVIEW_WORKING_DAYS),
  };
  return subgraphServer(deps, {
    name: 'catalog', resolvers: [DataResourceResolver, RegionResolver, DepartmentResolver, ViewerResolver], references, context,
    perRequest: () => requestLoaders(deps.ds),
  });
}

export const service: ServiceModule = {
  name: 'catalog',
  entities: [Region, Department, DataResource, DataItem],
  migrations,
  createServer,
  activities: (deps) => reviewActivities(deps.ds),
  seed: seedCatalog,
};
