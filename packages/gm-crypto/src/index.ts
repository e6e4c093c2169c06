// Chinese national commercial cryptography (商用密码, 000 §25) on node:crypto (OpenSSL 3): SM3 digests, SM4 field
// encryption with rotating key ids, SM2 signatures (point arithmetic on @noble/curves). No business rules here.
import {
  createCipheriv, createDecipheriv, createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync,
  randomBytes, timingSafeEqual,
} from 'node:crypto';
import { mod, invert } from '@noble/curves/abstract/modular';
import { DER, weierstrassN } from '@noble/curves/abstract/weierstrass';

export type Bytes = string | Buffer;

/** SM3 digest (GB/T 32905) of the parts in order (strings as UTF-8). */
export function sm3(...parts: Bytes[]): Buffer {
  const h = createHash('sm3');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** SM3 digest, lowercase hex. */
export function sm3Hex(...parts: Bytes[]): string {
  return sm3(...parts).toString('hex');
}

/** HMAC with SM3 as the hash, lowercase hex. */
export function hmacSm3Hex(key: Bytes, data: Bytes): string {
  return createHmac('sm3', key).update(data).digest('hex');
}

// ---------------------------------------------------------------------------------------------------------------
// SM4 (GB/T 32907) envelopes: `sm4:<keyId>:<base64(iv ‖ ciphertext ‖ tag)>`.
// node:crypto has no SM4-GCM, so: SM4-CBC with a random IV per value, then HMAC-SM3 over the key id, IV and
// ciphertext (encrypt-then-MAC). The encryption and MAC keys are derived from the 128-bit keyring key.

export interface Sm4Keyring {
  /** Key id new values are encrypted with. */
  activeKeyId: string;
  /** Every key that may still decrypt (old ids stay here after a rotation), 16 bytes each. */
  keys: ReadonlyMap<string, Buffer>;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/;
const IV_BYTES = 16;
const TAG_BYTES = 32;
const ENVELOPE = /^sm4:([A-Za-z0-9_-]{1,16}):([A-Za-z0-9+/]+={0,2})$/;

/** For development and tests only: a fixed, public key. keyringFromEnv refuses it in production. */
export const DEV_SM4_KEY_ID = 'dev0';
const DEV_SM4_KEY_HEX = '0123456789abcdeffedcba9876543210'; // the GB/T 32907 example key: NOT a secret

export function keyring(keys: Record<string, string | Buffer>, activeKeyId: string): Sm4Keyring {
  const map = new Map<string, Buffer>();
  for (const [id, k] of Object.entries(keys)) {
    if (!KEY_ID.test(id)) throw new Error(`SM4 key id "${id}" must be 1-16 letters, digits, _ or -`);
    const buf = typeof k === 'string' ? Buffer.from(k, 'hex') : Buffer.from(k);
    if (buf.length !== 16 || (typeof k === 'string' && !/^[0-9a-fA-F]{32}$/.test(k))) {
      throw new Error(`SM4 key "${id}" must be 128 bits (32 hex digits)`);
    }
    map.set(id, buf);
  }
  if (!map.has(activeKeyId)) throw new Error(`active SM4 key "${activeKeyId}" is not in the keyring`);
  return { activeKeyId, keys: map };
}

/**
 * GM_SM4_KEYS="k1:<32 hex>,k2:<32 hex>", GM_SM4_ACTIVE_KEY=k2 (default: the last listed). Unset outside production:
 * the public development key `dev0`. Unset in production: an error (no silent plaintext, no known key).
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv = process.env): Sm4Keyring {
  const raw = env.GM_SM4_KEYS?.trim();
  if (!raw) {
    if (env.NODE_ENV === 'production') throw new Error('GM_SM4_KEYS is required in production');
    return keyring({ [DEV_SM4_KEY_ID]: DEV_SM4_KEY_HEX }, DEV_SM4_KEY_ID);
  }
  const entries = raw.split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
    const i = p.indexOf(':');
    if (i < 1) throw new Error('GM_SM4_KEYS entries must look like <keyId>:<32 hex digits>');
    return [p.slice(0, i), p.slice(i + 1)] as const;
  });
  const active = env.GM_SM4_ACTIVE_KEY?.trim() || entries[entries.length - 1][0];
  if (env.NODE_ENV === 'production' && entries.some(([, k]) => k.toLowerCase() === DEV_SM4_KEY_HEX)) {
    throw new Error('GM_SM4_KEYS holds the public development key in production');
  }
  return keyring(Object.fromEntries(entries), active);
}

let envRing: Sm4Keyring | undefined;
function defaultRing(): Sm4Keyring {
  envRing ??= keyringFromEnv();
  return envRing;
}

// IVs cut from a pool of random bytes drawn 256 at a time (one CSPRNG call instead of one per value); each used once.
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function freshIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) { ivPool = randomBytes(IV_BYTES * 256); ivAt = 0; }
  ivAt += IV_BYTES;
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

// Derived once per key, not per value: the derivation was two of the three HMACs every encrypt/decrypt paid.
const derived = new WeakMap<Buffer, { enc: Buffer; mac: Buffer }>();
function subkeys(key: Buffer): { enc: Buffer; mac: Buffer } {
  let d = derived.get(key);
  if (!d) {
    d = { enc: createHmac('sm3', key).update('gov/sm4/enc').digest().subarray(0, 16), mac: createHmac('sm3', key).update('gov/sm4/mac').digest() };
    derived.set(key, d);
  }
  return d;
}

function tag(mac: Buffer, keyId: string, iv: Buffer, ct: Buffer): Buffer {
  return createHmac('sm3', mac).update(`sm4:${keyId}:`).update(iv).update(ct).digest();
}

export function isSm4Envelope(s: string): boolean {
  return typeof s === 'string' && ENVELOPE.test(s);
}

/** Encrypts with the ring's active key: a fresh random IV per call, so equal plaintexts give different envelopes. */
export function sm4Encrypt(plain: string, ring: Sm4Keyring = defaultRing()): string {
  const key = ring.keys.get(ring.activeKeyId);
  if (!key) throw new Error(`active SM4 key "${ring.activeKeyId}" is not in the keyring`);
  const { enc, mac } = subkeys(key);
  const iv = freshIv();
  const cipher = createCipheriv('sm4-cbc', enc, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `sm4:${ring.activeKeyId}:${Buffer.concat([iv, ct, tag(mac, ring.activeKeyId, iv, ct)]).toString('base64')}`;
}

/** Decrypts an envelope made with any key still in the ring; throws on an unknown key id or any tampering. */
export function sm4Decrypt(envelope: string, ring: Sm4Keyring = defaultRing()): string {
  const m = ENVELOPE.exec(envelope);
  if (!m) throw new Error('not an SM4 envelope');
  const [, keyId, b64] = m;
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`SM4 key "${keyId}" is not in the keyring`);
  const raw = Buffer.from(b64, 'base64');
  if (raw.length < IV_BYTES + 16 + TAG_BYTES || (raw.length - IV_BYTES - TAG_BYTES) % 16 !== 0) throw new Error('SM4 envelope is truncated');
  const iv = raw.subarray(0, IV_BYTES);
  const ct = raw.subarray(IV_BYTES, raw.length - TAG_BYTES);
  const { enc, mac } = subkeys(key);
  if (!timingSafeEqual(tag(mac, keyId, iv, ct), raw.subarray(raw.length - TAG_BYTES))) throw new Error('SM4 envelope failed authentication');
  const decipher = createDecipheriv('sm4-cbc', enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** The key id an envelope was made with (to find values to re-encrypt after a rotation). */
export function sm4KeyIdOf(envelope: string): string | null {
  return ENVELOPE.exec(envelope)?.[1] ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// SM2 signatures (GB/T 32918.2) with SM3: e = SM3(Z ‖ M), Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA). node:crypto
// (OpenSSL 3) cannot set the distinguishing identifier ID and signs with an empty one, so the signature equations run
// on @noble/curves' constant-time point arithmetic; keys stay PEM (node:crypto). New signatures use GM/T 0009's
// default ID "1234567812345678"; signatures made with the empty ID (anchors before it) verify with signerId ''.
// The unit test checks both against an independent implementation (sm-crypto) and OpenSSL.

/** GM/T 0009-2012 §10: the default user ID when the parties agree on none. */
export const SM2_DEFAULT_SIGNER_ID = '1234567812345678';

const SM2_CURVE = {
  p: BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFF'),
  a: BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC'),
  b: BigInt('0x28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93'),
  n: BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123'),
  h: BigInt(1),
  Gx: BigInt('0x32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7'),
  Gy: BigInt('0xBC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0'),
};
const Sm2Point = weierstrassN(SM2_CURVE);
const N = SM2_CURVE.n;
const be32 = (x: bigint): Buffer => Buffer.from(x.toString(16).padStart(64, '0'), 'hex');
const toBig = (b: Uint8Array): bigint => BigInt(`0x${Buffer.from(b).toString('hex') || '0'}`);

export interface Sm2Options {
  /** The distinguishing identifier (UTF-8); default GM/T 0009's "1234567812345678", '' = OpenSSL's empty ID. */
  signerId?: string;
}

function publicPointOf(publicKeyPem: string) {
  // An SM2 SubjectPublicKeyInfo ends with the uncompressed point 04 ‖ x ‖ y.
  const spki = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return Sm2Point.fromHex(spki.subarray(spki.length - 65));
}

/** e = SM3(Z_A ‖ M) as an integer (GB/T 32918.2 §6.1). */
function digestOf(data: Bytes, point: ReturnType<typeof publicPointOf>, signerId: string): bigint {
  const id = Buffer.from(signerId, 'utf8');
  if (id.length > 8191) throw new Error('SM2 signer id too long');
  const { x, y } = point.toAffine();
  const entl = Buffer.from([(id.length * 8) >> 8, (id.length * 8) & 0xff]);
  const z = sm3(entl, id, be32(SM2_CURVE.a), be32(SM2_CURVE.b), be32(SM2_CURVE.Gx), be32(SM2_CURVE.Gy), be32(x), be32(y));
  return toBig(sm3(z, Buffer.from(data)));
}

export function sm2GenerateKeyPair(): { publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'SM2' });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** SM2 signature over `data` with the signer id (default GM/T 0009's), DER, base64. */
export function sm2Sign(data: Bytes, privateKeyPem: string, opts: Sm2Options = {}): string {
  const key = createPrivateKey(privateKeyPem);
  // PKCS#8 wraps an ECPrivateKey: 30 len 02 01 01 04 20 <d, 32 bytes> ... (node cannot export an SM2 key as SEC1).
  const der = key.export({ type: 'pkcs8', format: 'der' });
  const at = der.indexOf(Buffer.from('0201010420', 'hex'));
  if (at < 0) throw new Error('not an SM2 private key');
  const d = toBig(der.subarray(at + 5, at + 37));
  const e = digestOf(data, publicPointOf(createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString()), opts.signerId ?? SM2_DEFAULT_SIGNER_ID);
  const dInv = invert(mod(1n + d, N), N);
  for (;;) {
    const k = mod(toBig(randomBytes(48)), N - 1n) + 1n;
    const { x: x1 } = Sm2Point.BASE.multiply(k).toAffine();
    const r = mod(e + x1, N);
    if (r === 0n || r + k === N) continue;
    const s = mod(dInv * (k - r * d), N);
    if (s === 0n) continue;
    return Buffer.from(DER.hexFromSig({ r, s }), 'hex').toString('base64');
  }
}

/** True only for a valid SM2 signature of exactly `data` under this public key and signer id; false for anything malformed. */
export function sm2Verify(data: Bytes, signatureB64: string, publicKeyPem: string, opts: Sm2Options = {}): boolean {
  try {
    const { r, s } = DER.toSig(Buffer.from(signatureB64, 'base64'));
    if (r < 1n || r >= N || s < 1n || s >= N) return false;
    const t = mod(r + s, N);
    if (t === 0n) return false;
    const pa = publicPointOf(publicKeyPem);
    pa.assertValidity();
    const e = digestOf(data, pa, opts.signerId ?? SM2_DEFAULT_SIGNER_ID);
    const p = Sm2Point.BASE.multiplyUnsafe(s).add(pa.multiplyUnsafe(t));
    if (p.is0()) return false;
    return mod(e + p.toAffine().x, N) === r;
  } catch {
    return false;
  }
}
