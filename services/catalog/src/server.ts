import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import { loadConfig, type CatalogConfig } from './config';
import { changeActivities } from './activities/change.activities';
import { demandActivities } from './activities/demand.activities';
import { reviewActivities } from './activities/review.activities';
import { calendarActivities } from './activities/calendar.activities';
import { requestLoaders, type CatalogStaticDeps } from './context';
import { ChangeRequest } from './entities/change-request';
import { Demand, DemandMessage } from './entities/demand';
import { InformationSystem } from './entities/information-system';
import { ResourceVersion } from './entities/resource-version';
import { ResponsibilityItem } from './entities/responsibility-item';
import { SearchToken } from './entities/search-token';
import { DataItem, DataResource } from './entities/data-resource';
import { Department } from './entities/department';
import { Region } from './entities/region';
import { migrations } from './migrations';
import { ChangeRequestResolver } from './resolvers/change-request.resolver';
import { ReclassificationResolver } from './resolvers/reclassification.resolver';
import { DataResourceResolver } from './resolvers/data-resource.resolver';
import { DemandResolver } from './resolvers/demand.resolver';
import { InformationSystemResolver } from './resolvers/inventory.resolver';
import { MountResolver } from './resolvers/mount.resolver';
import { NegativeListResolver } from './resolvers/negative-list.resolver';
import { ResponsibilityResolver } from './resolvers/responsibility-list.resolver';
import { ReviewResolver } from './resolvers/review.resolver';
import { CatalogIndicatorResolver } from './resolvers/indicator.resolver';
import { ResourceVersionResolver } from './resolvers/version.resolver';
import { DepartmentResolver, RegionResolver, ViewerResolver } from './resolvers/org.resolver';
import { references } from './resolvers/references';
import { SpreadsheetResolver } from './resolvers/spreadsheet.resolver';
import { seedCatalog } from './seed';
import { mountActivities } from './activities/mount.activities';
import { filingActivities } from './activities/filing.activities';
import { FunctionChange } from './entities/function-change';
import { FunctionChangeResolver } from './resolvers/function-change.resolver';
import { WorkingCalendar } from './entities/working-calendar';
import { WorkingCalendarResolver } from './resolvers/working-calendar.resolver';
import { TaskResolver } from './resolvers/task.resolver';
import { ensureMountHealthSchedule } from './domain/mount-schedule';

export async function createServer(deps: ServiceDeps<CatalogConfig>): Promise<GraphQLApp> {
  // Test runs start the probe workflow themselves; offline composition has no Temporal client.
  if (deps.temporal && deps.config.nodeEnv !== 'test') await ensureMountHealthSchedule(deps.temporal, deps.taskQueuePrefix, deps.config.mountProbeMinutes, deps.logger);
  const { reviewWorkingDays, demandAnswerWorkingDays, demandArbitrationWorkingDays } = deps.config;
  const context: CatalogStaticDeps = {
    ds: deps.ds, temporal: deps.temporal, taskQueuePrefix: deps.taskQueuePrefix, reviewWorkingDays, demandAnswerWorkingDays, demandArbitrationWorkingDays,
  };
  return subgraphServer(deps, {
    name: 'catalog',
    resolvers: [
      DataResourceResolver, ReviewResolver, CatalogIndicatorResolver, ChangeRequestResolver, ReclassificationResolver, ResourceVersionResolver, MountResolver, NegativeListResolver,
      InformationSystemResolver, ResponsibilityResolver, FunctionChangeResolver, WorkingCalendarResolver, TaskResolver, DemandResolver, SpreadsheetResolver, RegionResolver, DepartmentResolver, ViewerResolver,
    ],
    references, context,
    perRequest: () => requestLoaders(deps.ds),
  });
}

export const service: ServiceModule<CatalogConfig> = {
  name: 'catalog',
  loadConfig,
  entities: [Region, Department, DataResource, DataItem, InformationSystem, ResourceVersion, ChangeRequest, SearchToken, ResponsibilityItem, Demand, DemandMessage, FunctionChange, WorkingCalendar],
  migrations,
  createServer,
  activities: (deps) => ({ ...reviewActivities(deps.ds), ...changeActivities(deps.ds), ...demandActivities(deps.ds), ...mountActivities(deps.ds), ...filingActivities(deps.ds), ...calendarActivities(deps.ds, deps.temporal) }),
  seed: seedCatalog,
};
