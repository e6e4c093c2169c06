// Personal API keys of public users (issue 10 §3): shown once at creation, stored as an SM3 digest, looked up by their
// public prefix, compared in constant time; expiry, revocation and last use are recorded.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { sm3 } from '@gov/gm-crypto';
import { ConflictError, ForbiddenError, NotFoundError, type AuditEntry, type User } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { OpenDataApiKey } from '../entities/open-data-api-key';

type Audit = (e: AuditEntry, m?: EntityManager) => Promise<void>;
const MAX_KEYS = 10;

const digest = (secret: string) => sm3(Buffer.from(secret, 'utf8')).toString('hex');

export async function createApiKey(ds: DataSource, user: User, name: string, days: number, audit: Audit): Promise<{ key: OpenDataApiKey; secret: string }> {
  const prefix = `od_${randomBytes(6).toString('hex').slice(0, 9)}`;
  const secret = `${prefix}.${randomBytes(24).toString('base64url')}`;
  const id = randomUUID();
  await ds.transaction(async (m) => {
    const live = await m.getRepository(OpenDataApiKey).createQueryBuilder('k')
      .where('k.ownerSub = :sub AND k.revokedAt IS NULL AND k.expiresAt > :now', { sub: user.sub, now: new Date() }).setLock('pessimistic_write').getCount();
    if (live >= MAX_KEYS) throw new ConflictError(`at most ${MAX_KEYS} live keys: revoke one first`);
    await m.getRepository(OpenDataApiKey).insert({
      id, ownerSub: user.sub, owner: user.username, name, prefix, secretDigest: digest(secret),
      expiresAt: new Date(Date.now() + days * 86_400_000), revokedAt: null, lastUsedAt: null,
    });
    await audit({ action: 'UPDATE', detail: `api key ${prefix} created` }, m);
  });
  return { key: await ds.getRepository(OpenDataApiKey).findOneByOrFail({ id }), secret };
}

export async function revokeApiKey(ds: DataSource, user: User, id: string, audit: Audit): Promise<OpenDataApiKey> {
  return ds.transaction(async (m) => {
    const k = await m.getRepository(OpenDataApiKey).findOneBy({ id });
    if (!k) throw new NotFoundError('OpenDataApiKey', id);
    if (k.ownerSub !== user.sub) throw new ForbiddenError('only the owner revokes a key');
    if (!k.revokedAt) await m.getRepository(OpenDataApiKey).update({ id }, { revokedAt: new Date() });
    await audit({ action: 'UPDATE', detail: `api key ${k.prefix} ${k.revokedAt ? 'already revoked' : 'revoked'}` }, m);
    return m.getRepository(OpenDataApiKey).findOneByOrFail({ id });
  });
}

/** The live key an x-api-key header names, or null (unknown, wrong secret, revoked or expired). */
export async function resolveApiKey(ds: DataSource, header: string): Promise<OpenDataApiKey | null> {
  const prefix = header.split('.')[0];
  if (!/^od_[0-9a-f]{9}$/.test(prefix)) return null;
  const k = await ds.getRepository(OpenDataApiKey).findOneBy({ prefix });
  if (!k || k.revokedAt || k.expiresAt <= new Date()) return null;
  const a = Buffer.from(k.secretDigest, 'hex');
  const b = Buffer.from(digest(header), 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  // Last use at minute precision: one write per key and minute, not per call.
  if (!k.lastUsedAt || Date.now() - k.lastUsedAt.getTime() > 60_000) await ds.getRepository(OpenDataApiKey).update({ id: k.id }, { lastUsedAt: new Date() });
  return k;
}
