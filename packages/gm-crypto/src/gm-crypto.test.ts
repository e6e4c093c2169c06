import { createCipheriv, createPrivateKey, createPublicKey, sign as opensslSign } from 'node:crypto';
import {
  DEV_SM4_KEY_ID, hmacSm3Hex, isSm4Envelope, keyring, keyringFromEnv, SM2_DEFAULT_SIGNER_ID, sm2GenerateKeyPair, sm2Sign, sm2Verify, sm3Hex,
  sm4Decrypt, sm4Encrypt, sm4KeyIdOf,
} from './index';

// An independent SM2 implementation (pure JS), only to check that node:crypto really signs SM2, not ECDSA on the curve.
const { sm2: reference } = require('sm-crypto') as {
  sm2: {
    doSignature(msg: string, privHex: string, o: { hash: boolean; der: boolean; userId: string }): string;
    doVerifySignature(msg: string, sigHex: string, pubHex: string, o: { hash: boolean; der: boolean; userId: string }): boolean;
    generateKeyPairHex(): { publicKey: string; privateKey: string };
  };
};

const K1 = '00112233445566778899aabbccddeeff';
const K2 = 'ffeeddccbbaa99887766554433221100';

describe('000 §25 SM3 (GB/T 32905)', () => {
  test('standard vectors "abc" and the 64-byte "abcd" x16', () => {
    expect(sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });
  test('strings are hashed as UTF-8, buffers as bytes', () => {
    expect(sm3Hex('公民身份号码')).toBe(sm3Hex(Buffer.from('公民身份号码', 'utf8')));
  });
  test('HMAC-SM3 depends on key and data', () => {
    const h = hmacSm3Hex('k', 'data');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(hmacSm3Hex('k2', 'data')).not.toBe(h);
    expect(hmacSm3Hex('k', 'data2')).not.toBe(h);
  });
});

describe('000 §25 SM4 at rest (GB/T 32907)', () => {
  const ring = keyring({ k1: K1 }, 'k1');

  test('the cipher node:crypto provides is SM4: standard example block', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const c = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    expect(Buffer.concat([c.update(key), c.final()]).toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  test('round trip of Chinese text; the envelope names its key and hides the plaintext', () => {
    const plain = '湖北省襄阳市襄城区檀溪路1号 11010519491231002X';
    const env = sm4Encrypt(plain, ring);
    expect(env).toMatch(/^sm4:k1:[A-Za-z0-9+/]+=*$/);
    expect(env).not.toContain('11010519491231002X');
    expect(isSm4Envelope(env)).toBe(true);
    expect(sm4KeyIdOf(env)).toBe('k1');
    expect(sm4Decrypt(env, ring)).toBe(plain);
    expect(sm4Decrypt(sm4Encrypt('', ring), ring)).toBe('');
  });

  test('a random IV per value: the same plaintext encrypts differently each time', () => {
    expect(sm4Encrypt('13812345678', ring)).not.toBe(sm4Encrypt('13812345678', ring));
  });

  test('tampering with ciphertext, IV, tag or key id is detected', () => {
    const env = sm4Encrypt('张三', ring);
    const raw = Buffer.from(env.split(':')[2], 'base64');
    for (const pos of [0, 20, raw.length - 1]) {
      const t = Buffer.from(raw);
      t[pos] ^= 1;
      expect(() => sm4Decrypt(`sm4:k1:${t.toString('base64')}`, ring)).toThrow(/authentication/);
    }
    const both = keyring({ k1: K1, k2: K1 }, 'k1');
    expect(() => sm4Decrypt(env.replace('sm4:k1:', 'sm4:k2:'), both)).toThrow(/authentication/);
    expect(() => sm4Decrypt('sm4:k1:AAAA', ring)).toThrow(/truncated/);
    expect(() => sm4Decrypt('张三', ring)).toThrow(/not an SM4 envelope/);
  });

  test('rotation: new values use the active key, values under the old key id still decrypt', () => {
    const old = sm4Encrypt('old value', ring);
    const rotated = keyring({ k1: K1, k2: K2 }, 'k2');
    const fresh = sm4Encrypt('new value', rotated);
    expect(sm4KeyIdOf(fresh)).toBe('k2');
    expect(sm4Decrypt(old, rotated)).toBe('old value');
    expect(sm4Decrypt(fresh, rotated)).toBe('new value');
    expect(() => sm4Decrypt(fresh, ring)).toThrow(/"k2" is not in the keyring/);
  });

  test('keyring from GM_SM4_KEYS / GM_SM4_ACTIVE_KEY; dev key only outside production', () => {
    const r = keyringFromEnv({ GM_SM4_KEYS: `k1:${K1}, k2:${K2}`, GM_SM4_ACTIVE_KEY: 'k1', NODE_ENV: 'production' });
    expect(r.activeKeyId).toBe('k1');
    expect([...r.keys.keys()]).toEqual(['k1', 'k2']);
    expect(keyringFromEnv({ GM_SM4_KEYS: `k1:${K1},k2:${K2}` }).activeKeyId).toBe('k2');
    expect(keyringFromEnv({ NODE_ENV: 'test' }).activeKeyId).toBe(DEV_SM4_KEY_ID);
    expect(() => keyringFromEnv({ NODE_ENV: 'production' })).toThrow(/GM_SM4_KEYS is required/);
    expect(() => keyringFromEnv({ NODE_ENV: 'production', GM_SM4_KEYS: 'p1:0123456789abcdeffedcba9876543210' })).toThrow(/development key/);
    expect(() => keyringFromEnv({ GM_SM4_KEYS: 'k1:abcd' })).toThrow(/128 bits/);
    expect(() => keyringFromEnv({ GM_SM4_KEYS: `k1:${K1}`, GM_SM4_ACTIVE_KEY: 'k9' })).toThrow(/"k9" is not in the keyring/);
  });
});

describe('000 §25 SM2 signatures (GB/T 32918, GM/T 0009 signer id)', () => {
  const { publicKeyPem, privateKeyPem } = sm2GenerateKeyPair();

  test('sign and verify; another message, another key or a damaged signature fail', () => {
    const sig = sm2Sign('merkle-root-2026-01-05', privateKeyPem);
    expect(sm2Verify('merkle-root-2026-01-05', sig, publicKeyPem)).toBe(true);
    expect(sm2Verify('merkle-root-2026-01-06', sig, publicKeyPem)).toBe(false);
    expect(sm2Verify('merkle-root-2026-01-05', sig, sm2GenerateKeyPair().publicKeyPem)).toBe(false);
    expect(sm2Verify('merkle-root-2026-01-05', 'AAAA', publicKeyPem)).toBe(false);
  });

  const pubHexOf = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' }).subarray(-65).toString('hex');
  const pemOfHex = (hex: string) => createPublicKey({
    key: Buffer.concat([Buffer.from('3059301306072a8648ce3d020106082a811ccf5501822d034200', 'hex'), Buffer.from(hex, 'hex')]), format: 'der', type: 'spki',
  }).export({ type: 'spki', format: 'pem' }).toString();

  test('GM/T 0009 signer id 1234567812345678 by default: an independent implementation (sm-crypto) verifies ours and we verify its', () => {
    expect(SM2_DEFAULT_SIGNER_ID).toBe('1234567812345678');
    const ours = Buffer.from(sm2Sign('abc', privateKeyPem), 'base64').toString('hex');
    expect(reference.doVerifySignature('abc', ours, pubHexOf(publicKeyPem), { hash: true, der: true, userId: '1234567812345678' })).toBe(true);
    expect(reference.doVerifySignature('abc', ours, pubHexOf(publicKeyPem), { hash: true, der: true, userId: '' })).toBe(false);

    const kp = reference.generateKeyPairHex();
    const theirs = Buffer.from(reference.doSignature('gov-audit-anchor|v1|2026-01-05', kp.privateKey, { hash: true, der: true, userId: '1234567812345678' }), 'hex').toString('base64');
    expect(sm2Verify('gov-audit-anchor|v1|2026-01-05', theirs, pemOfHex(kp.publicKey))).toBe(true);
    expect(sm2Verify('gov-audit-anchor|v1|2026-01-05', theirs, pemOfHex(kp.publicKey), { signerId: '' })).toBe(false);
  });

  test('old signatures with the empty signer id (OpenSSL 3 default) still verify when asked for id "", and only then', () => {
    // What anchors were signed with before: node:crypto (OpenSSL) SM2, empty distinguishing id.
    const legacy = opensslSign('sm3', Buffer.from('abc'), createPrivateKey(privateKeyPem)).toString('base64');
    expect(sm2Verify('abc', legacy, publicKeyPem, { signerId: '' })).toBe(true);
    expect(sm2Verify('abc', legacy, publicKeyPem)).toBe(false);
    // and an empty-id signature of ours is what sm-crypto computes with userId ''
    const oursEmpty = Buffer.from(sm2Sign('abc', privateKeyPem, { signerId: '' }), 'base64').toString('hex');
    expect(reference.doVerifySignature('abc', oursEmpty, pubHexOf(publicKeyPem), { hash: true, der: true, userId: '' })).toBe(true);
  });
});
