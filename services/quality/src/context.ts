import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';
import type { QualityConfig } from './config';

export interface QualityDeps {
  ds: DataSource;
  temporal: Client;
  taskQueuePrefix: string;
  config: QualityConfig;
}
export type QualityContext = SubgraphContext<QualityDeps>;
