import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';

export interface ProjectsDeps { ds: DataSource }
export type ProjectsContext = SubgraphContext<ProjectsDeps>;
