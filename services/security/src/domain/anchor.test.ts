import { createHash, createPrivateKey, sign as opensslSign } from 'node:crypto';
import { sm2GenerateKeyPair, sm2Sign } from '@gov/gm-crypto';
import { anchorPayload, chinaDay, chinaDayBounds, EMPTY_ROOT, merkleRoot, signingKeyFromEnv, verifyAnchor } from './anchor';

const h = (s: string) => createHash('sm3').update(s).digest('hex');
const leaf = (x: string) => createHash('sm3').update(Buffer.from([0])).update(Buffer.from(x, 'hex')).digest();
const node = (l: Buffer, r: Buffer) => createHash('sm3').update(Buffer.from([1])).update(l).update(r).digest();

describe('000 §25 daily anchor (上链): SM3 Merkle root signed with SM2', () => {
  test('root of one, two and three records; an empty day has 64 zeros', () => {
    const [a, b, c] = [h('a'), h('b'), h('c')];
    expect(merkleRoot([])).toBe(EMPTY_ROOT);
    expect(merkleRoot([a])).toBe(leaf(a).toString('hex'));
    expect(merkleRoot([a, b])).toBe(node(leaf(a), leaf(b)).toString('hex'));
    expect(merkleRoot([a, b, c])).toBe(node(node(leaf(a), leaf(b)), leaf(c)).toString('hex'));
  });

  test('any changed, removed or reordered record changes the root', () => {
    const hs = ['1', '2', '3', '4', '5'].map(h);
    const root = merkleRoot(hs);
    expect(merkleRoot([...hs.slice(0, 2), h('x'), ...hs.slice(3)])).not.toBe(root);
    expect(merkleRoot(hs.slice(0, 4))).not.toBe(root);
    expect(merkleRoot([hs[1], hs[0], ...hs.slice(2)])).not.toBe(root);
  });

  test('an anchor verifies on its own; a changed field or another key does not', () => {
    const key = signingKeyFromEnv({ NODE_ENV: 'test' });
    const body = { day: '2026-01-05', complete: true, firstSeq: 10, lastSeq: 14, recordCount: 5, merkleRoot: merkleRoot(['1', '2', '3', '4', '5'].map(h)) };
    const signedPayload = anchorPayload(body);
    const anchor = { ...body, signedPayload, signature: key.sign(signedPayload), signerId: key.signerId, publicKeyPem: key.publicKeyPem };
    expect(signedPayload).toBe(`gov-audit-anchor|v1|2026-01-05|complete|10|14|5|${body.merkleRoot}`);
    expect(verifyAnchor(anchor)).toBe(true);
    expect(verifyAnchor({ ...anchor, recordCount: 4 })).toBe(false);
    expect(verifyAnchor({ ...anchor, merkleRoot: EMPTY_ROOT })).toBe(false);
    const other = sm2GenerateKeyPair();
    expect(verifyAnchor({ ...anchor, signature: sm2Sign(signedPayload, other.privateKeyPem) })).toBe(false);
  });

  test('000 §25, GM/T 0009: new anchors carry the default signer id 1234567812345678; anchors signed before with the empty id still verify', () => {
    const key = signingKeyFromEnv({ NODE_ENV: 'test' });
    expect(key.signerId).toBe('1234567812345678');
    const body = { day: '2026-01-04', complete: true, firstSeq: 1, lastSeq: 1, recordCount: 1, merkleRoot: merkleRoot([h('old')]) };
    const signedPayload = anchorPayload(body);
    // how anchors were signed before: node:crypto (OpenSSL 3), empty distinguishing id; the migration stores signerId ''
    const legacy = { ...body, signedPayload, signature: opensslSign('sm3', Buffer.from(signedPayload), createPrivateKey(key.privateKeyPem)).toString('base64'), signerId: '', publicKeyPem: key.publicKeyPem };
    expect(verifyAnchor(legacy)).toBe(true);
    expect(verifyAnchor({ ...legacy, signerId: key.signerId })).toBe(false);
    const fresh = { ...body, signedPayload, signature: key.sign(signedPayload), signerId: key.signerId, publicKeyPem: key.publicKeyPem };
    expect(verifyAnchor(fresh)).toBe(true);
    expect(verifyAnchor({ ...fresh, signerId: '' })).toBe(false);
  });

  test('the signing key is required in production', () => {
    expect(() => signingKeyFromEnv({ NODE_ENV: 'production' })).toThrow(/AUDIT_SM2_PRIVATE_KEY/);
    const k = sm2GenerateKeyPair();
    expect(signingKeyFromEnv({ NODE_ENV: 'production', AUDIT_SM2_PRIVATE_KEY: k.privateKeyPem }).publicKeyPem).toBe(k.publicKeyPem.trim());
  });

  test('days are China days (UTC+8)', () => {
    expect(chinaDay(new Date('2026-01-04T16:00:00.000Z'))).toBe('2026-01-05');
    expect(chinaDay(new Date('2026-01-04T15:59:59.999Z'))).toBe('2026-01-04');
    expect(chinaDayBounds('2026-01-05').start.toISOString()).toBe('2026-01-04T16:00:00.000Z');
  });
});
