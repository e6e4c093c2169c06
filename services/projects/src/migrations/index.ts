import { InitProjects1732300000000 } from './1732300000000-init-projects';

export const migrations = [InitProjects1732300000000];
