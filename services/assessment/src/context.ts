import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '@gov/kit';

export interface AssessmentDeps { ds: DataSource }
export type AssessmentContext = SubgraphContext<AssessmentDeps>;
