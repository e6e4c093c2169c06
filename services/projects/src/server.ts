import { subgraphServer, type GraphQLApp, type ServiceDeps, type ServiceModule } from '@gov/kit';
import { lifecycleActivities } from './activities/lifecycle.activities';
import { loadConfig, type ProjectsConfig } from './config';
import type { ProjectsDeps } from './context';
import { DigitalProject } from './entities/digital-project';
import { Expert, OmReport, ProjectEvent, ProjectGate } from './entities/project-records';
import { migrations } from './migrations';
import { ProjectDecisionResolver } from './resolvers/decision.resolver';
import { DepartmentProjectsResolver, DigitalProjectResolver } from './resolvers/digital-project.resolver';
import { ExpertResolver } from './resolvers/expert.resolver';
import { ProjectLifecycleResolver } from './resolvers/lifecycle.resolver';
import { references } from './resolvers/references';
import { seedProjects } from './seed';
import { ProjectFactResolver } from './resolvers/facts.resolver';
import { ProjectTaskResolver } from './resolvers/task.resolver';

export function createServer(deps: ServiceDeps<ProjectsConfig>): Promise<GraphQLApp> {
  return subgraphServer<ProjectsDeps>(deps, {
    name: 'projects',
    resolvers: [DigitalProjectResolver, ProjectLifecycleResolver, ProjectDecisionResolver, ExpertResolver, DepartmentProjectsResolver, ProjectFactResolver, ProjectTaskResolver],
    references,
    context: { ds: deps.ds, temporal: deps.temporal, taskQueuePrefix: deps.taskQueuePrefix, config: deps.config },
  });
}

export const service: ServiceModule<ProjectsConfig> = {
  name: 'projects',
  loadConfig,
  entities: [DigitalProject, Expert, ProjectEvent, OmReport, ProjectGate],
  migrations,
  createServer,
  activities: (deps) => lifecycleActivities(deps.ds, deps.config),
  seed: seedProjects,
};
