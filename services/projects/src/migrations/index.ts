import { InitProjects1732300000000 } from './1732300000000-init-projects';
import { ProjectLifecycle1764500000000 } from './1764500000000-project-lifecycle';

export const migrations = [InitProjects1732300000000, ProjectLifecycle1764500000000];
