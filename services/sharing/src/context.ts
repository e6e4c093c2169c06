import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';
import type { DeliveryPolicy } from './domain/delivery-policy';

export interface SharingDeps {
  ds: DataSource;
  temporal: Client;
  taskQueuePrefix: string;
  /** The grade policy, masks and the SM4 cipher of the exchange (one per process). */
  policy: DeliveryPolicy;
  /** RECLASSIFICATION_OPINION_WORKING_DAYS (001 §21). */
  reclassificationOpinionWorkingDays: number;
}
export type SharingContext = SubgraphContext<SharingDeps>;
