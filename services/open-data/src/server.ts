import { OpenDataTaskResolver } from './resolvers/task.resolver';
import { gradePolicySource, subgraphServer, verifierFor, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import { applicationActivities } from './activities/application.activities';
import { caseActivities } from './activities/case.activities';
import { calendarActivities } from './activities/calendar.activities';
import { loadConfig, type OpenDataConfig } from './config';
import type { OpenDataDeps } from './context';
import { apiHandler } from './routes/api.route';
import { catalogHandler } from './routes/catalog.route';
import { downloadHandler } from './routes/download.route';
import { OpenDataApplication } from './entities/open-data-application';
import { OpenDataCase } from './entities/open-data-case';
import { OpenDataUsage } from './entities/open-data-usage';
import { OpenDataset } from './entities/open-dataset';
import { migrations } from './migrations';
import { OpenDataApiKey } from './entities/open-data-api-key';
import { OpenDataUseReport } from './entities/open-data-use-report';
import { OpenDataDemand } from './entities/open-data-demand';
import { OpenDataShowcase } from './entities/open-data-showcase';
import { OpenDataApiResolver } from './resolvers/api.resolver';
import { OpenDataUseReportResolver } from './resolvers/use-report.resolver';
import { OpenCatalogFacetsResolver } from './resolvers/facets.resolver';
import { OpenDataDemandResolver } from './resolvers/demand.resolver';
import { ShowcaseResolver } from './resolvers/showcase.resolver';
import { OpenDataApplicationResolver } from './resolvers/application.resolver';
import { OpenDataCaseResolver } from './resolvers/case.resolver';
import { OpenDataDownloadResolver } from './resolvers/download.resolver';
import { DepartmentOpenDataResolver, OpenDatasetResolver } from './resolvers/open-dataset.resolver';
import { references } from './resolvers/references';
import { OpenDatasetUsageResolver } from './resolvers/usage.resolver';
import { seedOpenData } from './seed';
import { OpenDataFactResolver } from './resolvers/facts.resolver';

export async function createServer(deps: ServiceDeps<OpenDataConfig>): Promise<GraphQLApp> {
  const rules = gradePolicySource(deps.config, { logger: deps.logger });
  const context: OpenDataDeps = { ds: deps.ds, temporal: deps.temporal, taskQueuePrefix: deps.taskQueuePrefix, rules, config: deps.config, logger: deps.logger };
  const app = await subgraphServer<OpenDataDeps>(deps, {
    name: 'open-data',
    resolvers: [OpenDatasetResolver, DepartmentOpenDataResolver, OpenDataDownloadResolver, OpenDataApplicationResolver, OpenDataCaseResolver, OpenDatasetUsageResolver, ShowcaseResolver, OpenDataDemandResolver, OpenDataApiResolver, OpenDataTaskResolver, OpenDataFactResolver, OpenDataUseReportResolver, OpenCatalogFacetsResolver],
    references, context,
  });
  // Bulk downloads stream beside /graphql: a GraphQL answer is one buffered body.
  const verify = verifierFor(deps.config);
  app.app.get('/open-data/datasets/:id/download', downloadHandler({ ds: deps.ds, verify, rules, config: deps.config, logger: deps.logger }));
  app.app.get('/open-data/api/datasets/:id/records', apiHandler({ ds: deps.ds, verify, rules, config: deps.config, logger: deps.logger }));
  // Harvesting (DCAT-AP 3 for ckanext-dcat and the like; Project Open Data data.json).
  for (const [path, kind] of [['catalog.ttl', 'ttl'], ['catalog.jsonld', 'jsonld'], ['data.json', 'pod']] as const) {
    app.app.get(`/open-data/${path}`, catalogHandler({ ds: deps.ds, config: deps.config, logger: deps.logger }, kind));
  }
  return app;
}

export const service: ServiceModule<OpenDataConfig> = {
  name: 'open-data',
  loadConfig,
  entities: [OpenDataset, OpenDataApplication, OpenDataCase, OpenDataUsage, OpenDataDemand, OpenDataShowcase, OpenDataApiKey, OpenDataUseReport],
  migrations,
  createServer,
  activities: (deps) => ({ ...applicationActivities(deps.ds), ...caseActivities(deps.ds), ...calendarActivities(deps.ds, deps.temporal) }),
  seed: seedOpenData,
};
