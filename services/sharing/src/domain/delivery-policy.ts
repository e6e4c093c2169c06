// How a granted item's value leaves the exchange: the security grade policy (@gov/masking's rule engine) decides
// CLEAR / MASKED / WITHHELD per resource grade, usage mode and item sensitivity; masks come from @gov/masking.
// The policy is the one security stores, read through kit's gradePolicySource (service token, short cache); if security
// cannot be asked, no rule applies and everything sensitive is WITHHELD (fail closed).
import { maskKindOf, maskValue, treatmentFor, type Grade, type GradePolicyRule, type Treatment, type UsageMode } from '@gov/masking';
import type { ExchangeItem, ExchangeResource } from './resource';
import type { ExchangeCipher } from './protect';

export type { Treatment };

export { maskKindOf };

/** The item's own grade from catalog; from an older catalog answer: a sensitive item carries its resource's grade. */
export function itemSensitivity(resource: Pick<ExchangeResource, 'sensitivityGrade'>, item: Pick<ExchangeItem, 'sensitive' | 'sensitivity'>): Grade {
  return item.sensitivity ?? (item.sensitive ? resource.sensitivityGrade : 'NONE');
}

export interface DeliveryPolicy {
  treatments(resource: ExchangeResource, items: ExchangeItem[], usageMode: UsageMode, clearTextGranted: boolean): Promise<Map<string, Treatment>>;
  mask(item: Pick<ExchangeItem, 'name'>, value: string): string;
  cipher: ExchangeCipher;
}

export function gradePolicy(rules: () => Promise<GradePolicyRule[]>, cipher: ExchangeCipher): DeliveryPolicy {
  return {
    async treatments(resource, items, usageMode, clearTextGranted) {
      const r = await rules();
      return new Map(items.map((i) => [i.name, treatmentFor(r, {
        grade: resource.sensitivityGrade, usageMode, itemSensitivity: itemSensitivity(resource, i), clearTextGranted,
      })]));
    },
    mask: (item, value) => maskValue(maskKindOf(item.name), value),
    cipher,
  };
}
