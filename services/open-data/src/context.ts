import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';

export interface OpenDataDeps {
  ds: DataSource;
}
export type OpenDataContext = SubgraphContext<OpenDataDeps>;
