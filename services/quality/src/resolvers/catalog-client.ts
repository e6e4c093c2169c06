// Reads a catalog entry THROUGH THE GRAPH with the caller's own token: catalog applies its visibility rules for us.
import { graphqlRequest, subgraphUrl } from '@gov/kit';
import type { CatalogResource } from './rules';

const RESOURCE_QUERY = 'query($id: ID!){ dataResource(id: $id){ id departmentId regionCode status } }';

/** The entry, or null when it does not exist or the caller may not read it. Anything else is a platform fault. */
export async function fetchCatalogResource(id: string, token: string): Promise<CatalogResource | null> {
  let res: Awaited<ReturnType<typeof graphqlRequest<{ dataResource: CatalogResource | null }>>>;
  try {
    res = await graphqlRequest<{ dataResource: CatalogResource | null }>(subgraphUrl('catalog'), RESOURCE_QUERY, { id }, token);
  } catch (e) {
    throw new Error(`catalog subgraph unreachable: ${(e as Error).message}`);
  }
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (codes.some((c) => c === 'FORBIDDEN' || c === 'NOT_FOUND')) return null;
  if (res.errors?.length) throw new Error(`catalog subgraph answered ${res.status}: ${res.errors.map((e) => e.message).join('; ')}`);
  return res.data?.dataResource ?? null;
}
