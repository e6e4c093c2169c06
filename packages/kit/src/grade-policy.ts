// The grade policy as stored in security (000 §24-25), for the subgraphs that deliver data (sharing, open-data): read
// with the platform's service token, cached briefly, and FAIL CLOSED: when security cannot be reached the policy is
// empty, so masking's treatmentFor() withholds every item rather than guessing.
import type { GradePolicyRule } from '@gov/masking';
import type { CommonConfig } from './config';
import type { Logger } from './logger';
import { subgraphUrl } from './run';
import { clientCredentialsToken, graphqlRequest } from './tokens';

const QUERY = 'query GradePolicy { gradePolicy { grade usageMode itemSensitivity treatment } }';

export interface GradePolicySource { (): Promise<GradePolicyRule[]> }

export function gradePolicySource(config: CommonConfig, opts: { ttlMs?: number; logger?: Logger; securityUrl?: string } = {}): GradePolicySource {
  const ttl = opts.ttlMs ?? 60_000;
  let cached: { rules: GradePolicyRule[]; until: number } | undefined;
  return async () => {
    if (cached && cached.until > Date.now()) return cached.rules;
    try {
      const token = await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
      const res = await graphqlRequest<{ gradePolicy: GradePolicyRule[] }>(opts.securityUrl ?? subgraphUrl('security'), QUERY, {}, token, {}, AbortSignal.timeout(5000));
      if (!res.data?.gradePolicy) throw new Error(res.errors?.map((e) => e.message).join('; ') || `security answered ${res.status}`);
      cached = { rules: res.data.gradePolicy, until: Date.now() + ttl };
      return cached.rules;
    } catch (e) {
      opts.logger?.warn({ err: e }, 'grade policy unavailable: withholding every sensitive item until it is back');
      return []; // not cached: the next delivery asks again
    }
  };
}
