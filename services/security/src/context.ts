import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';

export interface SecurityDeps { ds: DataSource }
export type SecurityContext = SubgraphContext<SecurityDeps>;
