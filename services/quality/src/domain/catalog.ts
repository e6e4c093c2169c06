// What quality needs of a catalog entry, read THROUGH THE GRAPH: with the caller's token (catalog applies its
// visibility rules) or, in activities, as the platform's service account.
import { callSubgraphAsService, querySubgraph, type CommonConfig } from '@gov/kit';
import type { CatalogItem } from './checks';

export interface CatalogResource {
  id: string;
  departmentId: string;
  regionCode: string;
  status: string;
  updateCycle: string;
  items: CatalogItem[];
}

const RESOURCE_QUERY = 'query($id: ID!){ dataResource(id: $id){ id departmentId regionCode status updateCycle items { name type length } } }';

/** The entry, or null when it does not exist or the caller may not read it. */
export async function fetchCatalogResource(id: string, token: string): Promise<CatalogResource | null> {
  return (await querySubgraph<{ dataResource: CatalogResource | null }>('catalog', RESOURCE_QUERY, { id }, token))?.dataResource ?? null;
}

export async function fetchCatalogResourceAsPlatform(id: string, config?: CommonConfig): Promise<CatalogResource | null> {
  return (await callSubgraphAsService<{ dataResource: CatalogResource | null }>('catalog', RESOURCE_QUERY, { id }, config)).dataResource;
}
