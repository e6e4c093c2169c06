import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';

export interface QualityDeps {
  ds: DataSource;
}
export type QualityContext = SubgraphContext<QualityDeps>;
