// Retention (004 §33): records stay at least 2 years. Nothing younger can leave through any API; older records leave
// only after an archive export whose SM3 hash is signed (SM2) and itself recorded in the chain, so the next daily
// anchor covers it. Two steps, so the archive can be fetched and checked before anything is deleted.
import { randomUUID } from 'node:crypto';
import { BadUserInputError, ConflictError, ForbiddenError, isCity, NotFoundError, requireUser, type User } from '@gov/kit';
import { sm2Verify, sm3Hex, sm4Decrypt, sm4Encrypt } from '@gov/gm-crypto';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { ChainVerifier, GENESIS_HASH, canonicalJson } from '../chain';
import type { SecurityContext } from '../context';
import { AuditRecord } from '../entities/audit-record';
import { AuditArchive } from '../entities/governance';
import { ArchiveAuditInput } from './governance.input';

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

function assertCityAuthority(user: User): void {
  if (!user.region || !isCity(user.region)) throw new ForbiddenError('only the city authority archives audit records');
}

/** Hash the live chain continues from at `seq` (the record before it, or the archive that took it). */
/** The hash a record at `seq` links to; read through `db` so a caller's transaction (and its snapshot) applies. */
export async function prevHashBefore(db: Pick<EntityManager, 'getRepository'>, seq: number): Promise<string | null> {
  if (seq <= 1) return GENESIS_HASH;
  const before = await db.getRepository(AuditRecord).findOneBy({ seq: seq - 1 });
  if (before) return before.hash;
  const archive = await db.getRepository(AuditArchive).findOneBy({ lastSeq: seq - 1 });
  return archive?.purgedAt ? archive.lastHash : null;
}

@Resolver(() => AuditArchive)
export class RetentionResolver {
  @Authorized('authority')
  @Mutation(() => AuditArchive, { description: 'export the oldest records appended before `before` (>= 2 years ago) into a signed archive; deletes nothing' })
  async archiveAuditRecords(@Arg('input', () => ArchiveAuditInput) input: ArchiveAuditInput, @Ctx() ctx: SecurityContext): Promise<AuditArchive> {
    const user = requireUser(ctx);
    assertCityAuthority(user);
    checkArchiveBefore(input.before, new Date());
    const repo = ctx.ds.getRepository(AuditRecord);
    const first = await repo.createQueryBuilder('a').orderBy('a.seq', 'ASC').getOne();
    if (!first || first.at >= input.before) throw BadUserInputError.field('before', 'no live record is that old');
    // Contiguous from the oldest live record: the chain stays one piece.
    const records = await repo.createQueryBuilder('a').where('a.at < :before', { before: input.before })
      .andWhere('a.seq >= :first', { first: first.seq }).orderBy('a.seq', 'ASC').take(MAX_ARCHIVE_RECORDS).getMany();
    const contiguous = records.filter((r, i) => r.seq === first.seq + i);
    const prev = await prevHashBefore(ctx.ds.manager, first.seq);
    const v = new ChainVerifier(first.seq, prev ?? '');
    for (const r of contiguous) if (!v.push(r)) break;
    if (!v.ok) throw new ConflictError(`the chain is broken at seq ${v.firstBrokenSeq}: a broken range is not archived`);
    const ndjson = contiguous.map((r) => JSON.stringify({ ...JSON.parse(canonicalJson(r)), prevHash: r.prevHash, hash: r.hash })).join('\n') + '\n';
    const last = contiguous[contiguous.length - 1];
    const body = { id: randomUUID(), firstSeq: first.seq, lastSeq: last.seq, recordCount: contiguous.length, lastHash: last.hash, contentHash: sm3Hex(ndjson) };
    const payload = archivePayload(body);
    const archive = ctx.ds.getRepository(AuditArchive).create({
      ...body, signature: ctx.signer.sign(payload), publicKeyPem: ctx.signer.publicKeyPem, createdBy: user.username,
      purgedAt: null, contentEnc: sm4Encrypt(ndjson, ctx.keyring),
    });
    await ctx.ds.transaction(async (m) => {
      await m.getRepository(AuditArchive).insert(archive);
      // The archive hash goes into the chain itself, so the next daily anchor covers it.
      await ctx.audit({ action: 'EXPORT', items: ['auditRecords'], detail: `archive ${body.id} seq ${body.firstSeq}-${body.lastSeq} sm3 ${body.contentHash}` });
    });
    return ctx.ds.getRepository(AuditArchive).findOneByOrFail({ id: body.id });
  }

  @Authorized('authority')
  @Mutation(() => AuditArchive, { description: 'remove the records of a checked archive from the live chain; refuses anything younger than 2 years' })
  async purgeArchivedAuditRecords(@Arg('archiveId', () => ID) archiveId: string, @Ctx() ctx: SecurityContext): Promise<AuditArchive> {
    assertCityAuthority(requireUser(ctx));
    const cutoff = retentionCutoff(new Date());
    return ctx.ds.transaction(async (m) => {
      const archive = await m.getRepository(AuditArchive).createQueryBuilder('x').setLock('pessimistic_write').where('x.id = :id', { id: archiveId }).getOne();
      if (!archive) throw new NotFoundError('audit archive', archiveId);
      if (archive.purgedAt) return archive;
      const content = sm4Decrypt(archive.contentEnc, ctx.keyring);
      if (sm3Hex(content) !== archive.contentHash || !sm2Verify(archivePayload(archive), archive.signature, archive.publicKeyPem)) {
        throw new ConflictError(`archive ${archiveId} does not verify: nothing is removed`);
      }
      const young = await m.getRepository(AuditRecord).createQueryBuilder('a')
        .where('a.seq >= :f AND a.seq <= :l AND a.at >= :cutoff', { f: archive.firstSeq, l: archive.lastSeq, cutoff }).getCount();
      if (young) throw new ConflictError(`archive ${archiveId} covers records younger than ${RETENTION_YEARS} years (004 §33)`);
      const res = await m.getRepository(AuditRecord).createQueryBuilder().delete()
        .where('seq >= :f AND seq <= :l AND recorded_at < :cutoff', { f: archive.firstSeq, l: archive.lastSeq, cutoff }).execute();
      if (res.affected !== archive.recordCount) throw new ConflictError(`archive ${archiveId}: the live records differ from the archive; nothing is removed`);
      await m.getRepository(AuditArchive).update({ id: archiveId }, { purgedAt: new Date() });
      await ctx.audit({ action: 'UPDATE', items: ['auditRecords'], detail: `purged archive ${archiveId} seq ${archive.firstSeq}-${archive.lastSeq}` });
      return m.getRepository(AuditArchive).findOneByOrFail({ id: archiveId });
    });
  }

  @Authorized('authority', 'platform-operator')
  @Query(() => [AuditArchive], { description: 'archives of the audit chain, oldest first' })
  auditArchives(@Ctx() ctx: SecurityContext): Promise<AuditArchive[]> {
    return ctx.ds.getRepository(AuditArchive).find({ order: { firstSeq: 'ASC' } });
  }

  @FieldResolver(() => String, { description: 'the archived records, NDJSON (canonical form + prevHash + hash), for independent checking' })
  async content(@Root() a: AuditArchive, @Ctx() ctx: SecurityContext): Promise<string> {
    const user = requireUser(ctx);
    if (!user.region || !isCity(user.region)) throw new ForbiddenError('archive content: city authority / operator only');
    await ctx.audit({ action: 'DOWNLOAD', items: ['auditRecords'], detail: `archive ${a.id}` });
    return sm4Decrypt(a.contentEnc, ctx.keyring);
  }
}
