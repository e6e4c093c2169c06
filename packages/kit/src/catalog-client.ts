// The one catalog client: reads a catalog entry THROUGH THE GRAPH with the caller's (or the service's) token, so
// catalog applies its own visibility rules; other subgraphs never read catalog's database.
import { querySubgraph } from './run';

export type CatalogGrade = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';

export interface CatalogEntryItem {
  name: string;
  type: string;
  length: number | null;
  sensitive: boolean;
  /** The item's own grade (never above its entry's); absent in older catalog answers. */
  sensitivity?: CatalogGrade | null;
}

/** What other subgraphs need to know about a catalog entry. */
export interface CatalogEntry {
  id: string;
  departmentId: string;
  regionCode: string;
  status: string;
  shareType: string;
  openType: string;
  sensitivityGrade: CatalogGrade;
  items: CatalogEntryItem[];
}

const ENTRY_QUERY = `query CatalogEntry($id: ID!) { dataResource(id: $id) {
  id departmentId regionCode status shareType openType sensitivityGrade items { name type length sensitive sensitivity } } }`;

/** The entry, or null when it does not exist or the token's holder may not read it. */
export async function fetchCatalogEntry(id: string, token: string): Promise<CatalogEntry | null> {
  return (await querySubgraph<{ dataResource: CatalogEntry | null }>('catalog', ENTRY_QUERY, { id }, token))?.dataResource ?? null;
}
