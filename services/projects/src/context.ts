import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';
import type { ProjectsConfig } from './config';

export interface ProjectsDeps { ds: DataSource; temporal: Client; taskQueuePrefix: string; config: ProjectsConfig }
export type ProjectsContext = SubgraphContext<ProjectsDeps>;
