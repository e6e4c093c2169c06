// Retention (004 §33): records stay at least 2 years. Nothing younger can leave through any API; older records leave
// only after an archive export whose SM3 hash is signed (SM2) and itself recorded in the chain, so the next daily
// anchor covers it. Two steps, so the archive can be fetched and checked before anything is deleted.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, ForbiddenError, isCity, NotFoundError, type User } from '@gov/kit';
import { sm2Verify, sm3Hex, sm4Decrypt, sm4Encrypt, type Sm4Keyring } from '@gov/gm-crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditRecord } from '../entities/audit-record';
import { AuditArchive } from '../entities/audit-archive';
import type { SigningKey } from './anchor';
import { ChainVerifier, GENESIS_HASH, canonicalJson } from './chain';

export const RETENTION_YEARS = 2;
export const MAX_ARCHIVE_RECORDS = 100_000;

/** The newest instant a record may have been appended at and still leave: now minus 2 years (calendar years). */
export function retentionCutoff(now: Date): Date {
  const c = new Date(now);
  c.setUTCFullYear(c.getUTCFullYear() - RETENTION_YEARS);
  return c;
}

export function checkArchiveBefore(before: Date, now: Date): void {
  if (Number.isNaN(before.getTime())) throw BadUserInputError.field('before', 'must be an instant');
  if (before > retentionCutoff(now)) {
    throw BadUserInputError.field('before', `records are kept at least ${RETENTION_YEARS} years (004 §33): must be on or before ${retentionCutoff(now).toISOString()}`);
  }
}

export function archivePayload(a: Pick<AuditArchive, 'id' | 'firstSeq' | 'lastSeq' | 'recordCount' | 'lastHash' | 'contentHash'>): string {
  return ['gov-audit-archive', 'v1', a.id, a.firstSeq, a.lastSeq, a.recordCount, a.lastHash, a.contentHash].join('|');
}

export function assertCityAuthority(user: User, message = 'only the city authority archives audit records'): void {
  if (!user.region || !isCity(user.region)) throw new ForbiddenError(message);
}

/** The hash a record at `seq` links to; read through `db` so a caller's transaction (and its snapshot) applies. */
export async function prevHashBefore(db: Pick<EntityManager, 'getRepository'>, seq: number): Promise<string | null> {
  if (seq <= 1) return GENESIS_HASH;
  const before = await db.getRepository(AuditRecord).findOneBy({ seq: seq - 1 });
  if (before) return before.hash;
  const archive = await db.getRepository(AuditArchive).findOneBy({ lastSeq: seq - 1 });
  return archive?.purgedAt ? archive.lastHash : null;
}


/** The oldest contiguous, intact records appended before `before`, as a signed (SM2), SM4-encrypted archive row (not yet inserted). */
export async function buildArchive(ds: DataSource, deps: { keyring: Sm4Keyring; signer: SigningKey }, before: Date, createdBy: string): Promise<AuditArchive> {
  const repo = ds.getRepository(AuditRecord);
  const first = await repo.createQueryBuilder('a').orderBy('a.seq', 'ASC').getOne();
  if (!first || first.at >= before) throw BadUserInputError.field('before', 'no live record is that old');
  // Contiguous from the oldest live record: the chain stays one piece.
  const records = await repo.createQueryBuilder('a').where('a.at < :before', { before })
    .andWhere('a.seq >= :first', { first: first.seq }).orderBy('a.seq', 'ASC').take(MAX_ARCHIVE_RECORDS).getMany();
  const contiguous = records.filter((r, i) => r.seq === first.seq + i);
  const prev = await prevHashBefore(ds.manager, first.seq);
  const v = new ChainVerifier(first.seq, prev ?? '');
  for (const r of contiguous) if (!v.push(r)) break;
  if (!v.ok) throw new ConflictError(`the chain is broken at seq ${v.firstBrokenSeq}: a broken range is not archived`);
  const ndjson = contiguous.map((r) => JSON.stringify({ ...JSON.parse(canonicalJson(r)), prevHash: r.prevHash, hash: r.hash })).join('\n') + '\n';
  const last = contiguous[contiguous.length - 1];
  const body = { id: randomUUID(), firstSeq: first.seq, lastSeq: last.seq, recordCount: contiguous.length, lastHash: last.hash, contentHash: sm3Hex(ndjson) };
  const payload = archivePayload(body);
  return ds.getRepository(AuditArchive).create({
    ...body, signature: deps.signer.sign(payload), publicKeyPem: deps.signer.publicKeyPem, createdBy,
    purgedAt: null, contentEnc: sm4Encrypt(ndjson, deps.keyring),
  });
}

/** Archives are signed with GM/T 0009's default signer id; those made before it with OpenSSL's empty id. */
function archiveSignatureValid(a: AuditArchive): boolean {
  const payload = archivePayload(a);
  return sm2Verify(payload, a.signature, a.publicKeyPem) || sm2Verify(payload, a.signature, a.publicKeyPem, { signerId: '' });
}

/** Removes a checked archive's records from the live chain (idempotent); refuses anything younger than 2 years. */
export async function purgeArchive(m: EntityManager, keyring: Sm4Keyring, archiveId: string): Promise<{ archive: AuditArchive; purgedNow: boolean }> {
  const cutoff = retentionCutoff(new Date());
  const archive = await m.getRepository(AuditArchive).createQueryBuilder('x').setLock('pessimistic_write').where('x.id = :id', { id: archiveId }).getOne();
  if (!archive) throw new NotFoundError('audit archive', archiveId);
  if (archive.purgedAt) return { archive, purgedNow: false };
  const content = sm4Decrypt(archive.contentEnc, keyring);
  if (sm3Hex(content) !== archive.contentHash || !archiveSignatureValid(archive)) {
    throw new ConflictError(`archive ${archiveId} does not verify: nothing is removed`);
  }
  const young = await m.getRepository(AuditRecord).createQueryBuilder('a')
    .where('a.seq >= :f AND a.seq <= :l AND a.at >= :cutoff', { f: archive.firstSeq, l: archive.lastSeq, cutoff }).getCount();
  if (young) throw new ConflictError(`archive ${archiveId} covers records younger than ${RETENTION_YEARS} years (004 §33)`);
  const res = await m.getRepository(AuditRecord).createQueryBuilder().delete()
    .where('seq >= :f AND seq <= :l AND recorded_at < :cutoff', { f: archive.firstSeq, l: archive.lastSeq, cutoff }).execute();
  if (res.affected !== archive.recordCount) throw new ConflictError(`archive ${archiveId}: the live records differ from the archive; nothing is removed`);
  await m.getRepository(AuditArchive).update({ id: archiveId }, { purgedAt: new Date() });
  return { archive: await m.getRepository(AuditArchive).findOneByOrFail({ id: archiveId }), purgedNow: true };
}
