// Daily anchors (上链, 000 §25), pure: an SM3 Merkle root over a day's record hashes, the signed payload, and the SM2
// signing key. Anyone holding an anchor (payload, signature, public key) and the day's records can check it alone.
import { createPublicKey, createPrivateKey } from 'node:crypto';
import { SM2_DEFAULT_SIGNER_ID, sm2Sign, sm2Verify, sm3 } from '@gov/gm-crypto';

export const EMPTY_ROOT = '0'.repeat(64);

/**
 * RFC 6962-style tree with SM3: leaf = SM3(0x00 ‖ recordHash), node = SM3(0x01 ‖ left ‖ right); an odd node is carried
 * up unchanged. The prefixes keep a leaf from being passed off as an inner node.
 */
export function merkleRoot(recordHashes: readonly string[]): string {
  if (!recordHashes.length) return EMPTY_ROOT;
  let level = recordHashes.map((h) => sm3(Buffer.from([0]), Buffer.from(h, 'hex')));
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sm3(Buffer.from([1]), level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
}

export interface AnchorBody { day: string; complete: boolean; firstSeq: number | null; lastSeq: number | null; recordCount: number; merkleRoot: string }

/** The exact text signed: versioned, pipe-separated, no locale or JSON ordering questions. */
export function anchorPayload(a: AnchorBody): string {
  return ['gov-audit-anchor', 'v1', a.day, a.complete ? 'complete' : 'partial', a.firstSeq ?? '-', a.lastSeq ?? '-', a.recordCount, a.merkleRoot].join('|');
}

/** `signerId` is the SM2 distinguishing id the anchor was signed with ('' for anchors made before GM/T 0009's default). */
export function verifyAnchor(a: AnchorBody & { signedPayload: string; signature: string; publicKeyPem: string; signerId: string }): boolean {
  return a.signedPayload === anchorPayload(a) && sm2Verify(a.signedPayload, a.signature, a.publicKeyPem, { signerId: a.signerId });
}

/** The day (YYYY-MM-DD) in China's time zone (UTC+8, no DST) of an instant, and the instants bounding a day. */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
export function chinaDayBounds(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00.000+08:00`);
  return { start, end: new Date(start.getTime() + 86_400_000) };
}

// For development and tests only: a fixed, public SM2 key. Production sets AUDIT_SM2_PRIVATE_KEY (PEM) or fails.
const DEV_SM2_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQgiDHR6olQGth0o0Fq
8xC7QO9MFf3w221BtQdRa5F2iwOhRANCAAQJ0hTmJL4CI5KQkZXT12C9LPLI/6Ej
3FXEH07Mk1qt9TKZXcpBx/dbnoQmcJW2KSO/It/Ligatd3VSF+/Txk8U
-----END PRIVATE KEY-----`;

export interface SigningKey { privateKeyPem: string; publicKeyPem: string; signerId: string; sign(payload: string): string }

export function signingKeyFromEnv(env: NodeJS.ProcessEnv = process.env): SigningKey {
  const configured = env.AUDIT_SM2_PRIVATE_KEY?.replace(/\\n/g, '\n').trim();
  if (!configured && env.NODE_ENV === 'production') throw new Error('AUDIT_SM2_PRIVATE_KEY is required in production');
  const privateKeyPem = configured || DEV_SM2_PRIVATE_KEY;
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }).toString().trim();
  const signerId = SM2_DEFAULT_SIGNER_ID;
  return { privateKeyPem, publicKeyPem, signerId, sign: (payload) => sm2Sign(payload, privateKeyPem, { signerId }) };
}
