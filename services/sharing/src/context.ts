import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';

export interface SharingDeps {
  ds: DataSource;
}
export type SharingContext = SubgraphContext<SharingDeps>;
