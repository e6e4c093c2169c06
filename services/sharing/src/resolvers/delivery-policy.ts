// How a granted item's value leaves the exchange. Until the security core's grade policy (@gov/masking) is wired in,
// this fails closed: an item the catalog marks sensitive is WITHHELD, others are CLEAR.
import type { ExchangeItem, ExchangeResource } from '../exchange/resource';

export type Treatment = 'CLEAR' | 'MASKED' | 'WITHHELD';

export interface DeliveryPolicy {
  treatment(resource: ExchangeResource, item: ExchangeItem, usageMode: 'VERIFY' | 'QUERY' | 'PUSH', clearTextGranted: boolean): Treatment;
  mask(item: ExchangeItem, value: string): string;
  /** Stored value -> plain value (decrypts what encryption at rest wrote). */
  reveal(value: string): string;
  /** Plain row -> stored row (encryption at rest of HIGH-sensitivity items). */
  protect(resource: Pick<ExchangeResource, 'sensitivityGrade' | 'items'> | null, fields: Record<string, string>): Record<string, string>;
}

export const failClosedPolicy: DeliveryPolicy = {
  treatment: (_r, item) => (item.sensitive ? 'WITHHELD' : 'CLEAR'),
  mask: () => '',
  reveal: (v) => v,
  protect: (_r, f) => f,
};
