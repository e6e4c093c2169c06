// How a granted item's value leaves the exchange: the security grade policy (@gov/masking's rule engine) decides
// CLEAR / MASKED / WITHHELD per resource grade, usage mode and item sensitivity; masks come from @gov/masking.
// The policy is the one security stores (service-only `gradePolicy`); while security does not serve that field yet
// the seed policy applies; if security cannot be asked at all, no rule applies: everything is WITHHELD (fail closed).
import { clientCredentialsToken, graphqlRequest, subgraphUrl, type CommonConfig } from '@gov/kit';
import { DEFAULT_GRADE_POLICY, maskValue, treatmentFor, type Grade, type GradePolicyRule, type MaskKind, type Treatment, type UsageMode } from '@gov/masking';
import type { ExchangeItem, ExchangeResource } from '../exchange/resource';
import type { ExchangeCipher } from '../exchange/protect';

export type { Treatment };

const KINDS: Array<[RegExp, MaskKind]> = [
  [/身份号码|身份证/, 'ID_NUMBER'], [/统一社会信用代码/, 'USCC'], [/电话|手机/, 'MOBILE'], [/银行卡|账号/, 'BANK_CARD'],
  [/邮箱|电子邮件/, 'EMAIL'], [/住址|住所|地址|坐落/, 'ADDRESS'], [/姓名|法定代表人|负责人/, 'NAME'],
];
export function maskKindOf(itemName: string): MaskKind {
  return KINDS.find(([re]) => re.test(itemName))?.[1] ?? 'GENERIC';
}

/** The item's own grade from catalog; from an older catalog answer: a sensitive item carries its resource's grade. */
export function itemSensitivity(resource: Pick<ExchangeResource, 'sensitivityGrade'>, item: Pick<ExchangeItem, 'sensitive' | 'sensitivity'>): Grade {
  return item.sensitivity ?? (item.sensitive ? resource.sensitivityGrade : 'NONE');
}

export interface DeliveryPolicy {
  treatments(resource: ExchangeResource, items: ExchangeItem[], usageMode: UsageMode, clearTextGranted: boolean): Promise<Map<string, Treatment>>;
  mask(item: Pick<ExchangeItem, 'name'>, value: string): string;
  cipher: ExchangeCipher;
}

const POLICY_QUERY = 'query { gradePolicy { grade usageMode itemSensitivity treatment } }';

/** Loads the stored policy with the platform's service token, cached for a minute. */
export function gradePolicySource(config: CommonConfig, ttlMs = 60_000): () => Promise<GradePolicyRule[]> {
  let cached: { rules: GradePolicyRule[]; until: number } | null = null;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.rules;
    let rules: GradePolicyRule[];
    try {
      const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
      const res = await graphqlRequest<{ gradePolicy: GradePolicyRule[] }>(subgraphUrl('security'), POLICY_QUERY, {}, token);
      if (res.data?.gradePolicy) rules = res.data.gradePolicy;
      else if ((res.errors ?? []).every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')) rules = DEFAULT_GRADE_POLICY; // not served yet
      else rules = [];
    } catch {
      rules = []; // security unreachable: fail closed, and ask again soon
      cached = { rules, until: Date.now() + 5_000 };
      return rules;
    }
    cached = { rules, until: Date.now() + ttlMs };
    return rules;
  };
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
