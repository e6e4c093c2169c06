// Encryption at rest in the exchange (000 §23-25, issues 5 and 13): values of MEDIUM and HIGH items (the item's own
// grade — those the grade policy masks or withholds at delivery) are stored as SM4 envelopes; record keys are stored as HMAC-SM3 digests so a lookup (VERIFY, flags) never needs the
// key in clear and the table holds no ID number in clear.
import { hmacSm3Hex, isSm4Envelope, keyringFromEnv, sm4Decrypt, sm4Encrypt, type Sm4Keyring } from '@gov/gm-crypto';
import { ConfigError, env } from '@gov/kit';
import type { ExchangeResource } from './resource';

const DEV_KEY_SECRET = 'dev-only-exchange-record-key-secret';

export interface ExchangeCipher {
  /** The stored form of a record key: HMAC-SM3 over the resource and the key. */
  storedKey(resourceId: string, key: string): string;
  /** Encrypts the values of a row's MEDIUM and HIGH items. */
  protect(resource: Pick<ExchangeResource, 'sensitivityGrade' | 'items'>, fields: Record<string, string>): Record<string, string>;
  /** A stored value in clear. */
  reveal(value: string): string;
  /** One value SM4-encrypted (secrets kept at rest). */
  seal(value: string): string;
}

export function exchangeCipher(ring: Sm4Keyring = keyringFromEnv(), keySecret = env('EXCHANGE_KEY_SECRET', '')): ExchangeCipher {
  if (!keySecret) {
    if (process.env.NODE_ENV === 'production') throw new ConfigError('EXCHANGE_KEY_SECRET is required in production');
    keySecret = DEV_KEY_SECRET;
  }
  return {
    storedKey: (resourceId, key) => hmacSm3Hex(keySecret, `${resourceId}\n${key}`),
    protect(resource, fields) {
      const out: Record<string, string> = { ...fields };
      // The item's own grade (older catalog answers: a sensitive item takes the resource's grade); MEDIUM and HIGH items
      // are never delivered in clear by default (masked or withheld), so a copy of the table must not show them either.
      for (const item of resource.items) {
        const grade = item.sensitivity ?? (item.sensitive ? resource.sensitivityGrade : 'NONE');
        if ((grade === 'MEDIUM' || grade === 'HIGH') && out[item.name] !== undefined) out[item.name] = sm4Encrypt(out[item.name], ring);
      }
      return out;
    },
    reveal: (value) => (isSm4Envelope(value) ? sm4Decrypt(value, ring) : value),
    seal: (value) => sm4Encrypt(value, ring),
  };
}
