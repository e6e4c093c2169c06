import { buildSubgraph, createSubgraphApp, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { ProjectsDeps } from './context';
import { DigitalProject } from './entities/digital-project';
import { migrations } from './migrations';
import { DepartmentProjectsResolver, DigitalProjectResolver } from './resolvers/digital-project.resolver';
import { references } from './resolvers/references';
import { seedProjects } from './seed';

export async function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  const schema = await buildSubgraph({ resolvers: [DigitalProjectResolver, DepartmentProjectsResolver], references });
  return createSubgraphApp<ProjectsDeps>({
    name: 'projects', schema, config: deps.config, logger: deps.logger, ds: deps.ds, temporal: deps.temporal,
    deps: { ds: deps.ds },
  });
}

export const service: ServiceModule = {
  name: 'projects',
  entities: [DigitalProject],
  migrations,
  createServer,
  seed: seedProjects,
};
