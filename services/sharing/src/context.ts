import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';

export interface SharingDeps {
  ds: DataSource;
  temporal: Client;
  taskQueuePrefix: string;
}
export type SharingContext = SubgraphContext<SharingDeps>;
