// security's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, envInt, type CommonConfig } from '@gov/kit';
import { keyringFromEnv, type Sm4Keyring } from '@gov/gm-crypto';
import { signingKeyFromEnv, type SigningKey } from './domain/anchor';

export interface SecurityConfig extends CommonConfig {
  /** SM4 keys of personal text kept at rest (GM_SM4_KEYS, GM_SM4_ACTIVE_KEY). */
  keyring: Sm4Keyring;
  /** SM2 key that signs daily anchors and archives (AUDIT_SM2_PRIVATE_KEY; public dev key outside production). */
  signer: SigningKey;
  /**
   * Department webhook deliveries: first retry delay (doubling, at most 15 min), attempts before FAILED, per-POST timeout;
   * DELIVERED and FAILED rows older than retentionDays (default 90; 0 = at the next sweep) are deleted every pruneEveryMs (1 h).
   */
  webhooks: { retryBaseMs: number; maxAttempts: number; timeoutMs: number; retentionDays: number; pruneEveryMs: number };
}

export function loadConfig(): SecurityConfig {
  return {
    ...commonConfig(), keyring: keyringFromEnv(), signer: signingKeyFromEnv(),
    webhooks: { retryBaseMs: envInt('WEBHOOK_RETRY_BASE_MS', 2000), maxAttempts: envInt('WEBHOOK_MAX_ATTEMPTS', 10), timeoutMs: envInt('WEBHOOK_TIMEOUT_MS', 10_000),
      retentionDays: envInt('WEBHOOK_DELIVERY_RETENTION_DAYS', 90), pruneEveryMs: envInt('WEBHOOK_PRUNE_INTERVAL_MS', 3_600_000) },
  };
}
