import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';
import type { AssessmentConfig } from './config';

export interface AssessmentDeps { ds: DataSource; temporal: Client; taskQueuePrefix: string; config: AssessmentConfig }
export type AssessmentContext = SubgraphContext<AssessmentDeps>;
