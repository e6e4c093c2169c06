import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { CommonConfig, SubgraphContext } from '@gov/kit';

export interface QualityDeps {
  ds: DataSource;
  temporal: Client;
  taskQueuePrefix: string;
  config: CommonConfig;
}
export type QualityContext = SubgraphContext<QualityDeps>;
