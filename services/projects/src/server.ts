import { loadConfig, type ProjectsConfig } from './config';
import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import type { ProjectsDeps } from './context';
import { DigitalProject } from './entities/digital-project';
import { migrations } from './migrations';
import { DepartmentProjectsResolver, DigitalProjectResolver } from './resolvers/digital-project.resolver';
import { references } from './resolvers/references';
import { seedProjects } from './seed';

export function createServer(deps: ServiceDeps): Promise<GraphQLApp> {
  return subgraphServer<ProjectsDeps>(deps, { name: 'projects', resolvers: [DigitalProjectResolver, DepartmentProjectsResolver], references, context: { ds: deps.ds } });
}

export const service: ServiceModule<ProjectsConfig> = {
  name: 'projects',
  loadConfig,
  entities: [DigitalProject],
  migrations,
  createServer,
  seed: seedProjects,
};
