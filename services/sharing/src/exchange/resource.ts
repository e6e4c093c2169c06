// What the exchange needs to know about a catalog entry, read from catalog with the caller's (or the service's) token.
import { querySubgraph } from '@gov/kit';

export interface ExchangeItem {
  name: string; type: string; length: number | null; sensitive: boolean;
  /** The item's own grade from catalog (never above its resource's); absent in older catalog answers. */
  sensitivity?: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
}
export interface ExchangeResource {
  id: string;
  departmentId: string;
  regionCode: string;
  status: string;
  shareType: string;
  sensitivityGrade: 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
  items: ExchangeItem[];
}

const QUERY = 'query($id: ID!){ dataResource(id: $id){ id departmentId regionCode status shareType sensitivityGrade items { name type length sensitive sensitivity } } }';

export async function fetchExchangeResource(id: string, token: string): Promise<ExchangeResource | null> {
  return (await querySubgraph<{ dataResource: ExchangeResource | null }>('catalog', QUERY, { id }, token))?.dataResource ?? null;
}

/** Items that identify a record, in order of preference; otherwise a resource's first item is its key. */
const KEY_ITEMS = ['公民身份号码', '统一社会信用代码'];
export function keyItemOf(resource: Pick<ExchangeResource, 'items'>): string {
  return KEY_ITEMS.find((k) => resource.items.some((i) => i.name === k)) ?? resource.items[0]?.name ?? '';
}
