import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { GradePolicySource, Logger, SubgraphContext } from '@gov/kit';
import type { OpenDataConfig } from './config';

export interface OpenDataDeps {
  ds: DataSource;
  temporal: Client;
  taskQueuePrefix: string;
  /** The grade policy security stores (cached, fail closed). */
  rules: GradePolicySource;
  config: OpenDataConfig;
  logger: Logger;
}
export type OpenDataContext = SubgraphContext<OpenDataDeps>;
