// sharing's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, env, envInt, type CommonConfig } from '@gov/kit';
import { keyringFromEnv, type Sm4Keyring } from '@gov/gm-crypto';

export interface SharingConfig extends CommonConfig {
  /** SM4 keys of record values at rest (GM_SM4_KEYS, GM_SM4_ACTIVE_KEY). */
  keyring: Sm4Keyring;
  /** HMAC-SM3 secret of stored record keys (EXCHANGE_KEY_SECRET; required in production). */
  exchangeKeySecret: string;
  /** 001 §21 names no time for the provider's opinion on a reclassification: configuration, default 5 working days. */
  reclassificationOpinionWorkingDays: number;
}

export function loadConfig(): SharingConfig {
  return {
    ...commonConfig(), keyring: keyringFromEnv(), exchangeKeySecret: env('EXCHANGE_KEY_SECRET', ''),
    reclassificationOpinionWorkingDays: envInt('RECLASSIFICATION_OPINION_WORKING_DAYS', 5),
  };
}
