// What the exchange needs to know about a catalog entry: kit's catalog client reads it (fetchCatalogEntry) with the
// caller's (or the service's) token.
import type { CatalogEntry, CatalogEntryItem } from '@gov/kit';

export type ExchangeItem = CatalogEntryItem;
export type ExchangeResource = Pick<CatalogEntry, 'id' | 'departmentId' | 'regionCode' | 'status' | 'shareType' | 'sensitivityGrade' | 'items'>;

/** Items that identify a record, in order of preference; otherwise a resource's first item is its key. */
const KEY_ITEMS = ['公民身份号码', '统一社会信用代码'];
export function keyItemOf(resource: Pick<ExchangeResource, 'items'>): string {
  return KEY_ITEMS.find((k) => resource.items.some((i) => i.name === k)) ?? resource.items[0]?.name ?? '';
}
