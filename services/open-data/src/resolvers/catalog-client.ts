// Reads a catalog entry THROUGH THE GRAPH with the caller's own token: catalog applies its visibility rules for us.
import { querySubgraph } from '@gov/kit';
import type { CatalogResource } from './rules';

const RESOURCE_QUERY = 'query($id: ID!){ dataResource(id: $id){ id departmentId regionCode status openType sensitivityGrade } }';

/** The entry, or null when it does not exist or the caller may not read it. */
export async function fetchCatalogResource(id: string, token: string): Promise<CatalogResource | null> {
  return (await querySubgraph<{ dataResource: CatalogResource | null }>('catalog', RESOURCE_QUERY, { id }, token))?.dataResource ?? null;
}
