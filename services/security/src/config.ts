// security's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, type CommonConfig } from '@gov/kit';
import { keyringFromEnv, type Sm4Keyring } from '@gov/gm-crypto';
import { signingKeyFromEnv, type SigningKey } from './domain/anchor';

export interface SecurityConfig extends CommonConfig {
  /** SM4 keys of personal text kept at rest (GM_SM4_KEYS, GM_SM4_ACTIVE_KEY). */
  keyring: Sm4Keyring;
  /** SM2 key that signs daily anchors and archives (AUDIT_SM2_PRIVATE_KEY; public dev key outside production). */
  signer: SigningKey;
}

export function loadConfig(): SecurityConfig {
  return { ...commonConfig(), keyring: keyringFromEnv(), signer: signingKeyFromEnv() };
}
