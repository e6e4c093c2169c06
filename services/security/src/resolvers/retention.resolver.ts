// Retention (004 §33): archive records older than 2 years into a signed export, then purge them from the live chain.
import { requireUser } from '@gov/kit';
import { sm4Decrypt } from '@gov/gm-crypto';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SecurityContext } from '../context';
import { AuditArchive } from '../entities/audit-archive';
import { assertCityAuthority, buildArchive, checkArchiveBefore, purgeArchive } from '../domain/retention';
import { ArchiveAuditInput } from './retention.input';

@Resolver(() => AuditArchive)
export class RetentionResolver {
  @Authorized('authority')
  @Mutation(() => AuditArchive, { description: 'export the oldest records appended before `before` (>= 2 years ago) into a signed archive; deletes nothing' })
  async archiveAuditRecords(@Arg('input', () => ArchiveAuditInput) input: ArchiveAuditInput, @Ctx() ctx: SecurityContext): Promise<AuditArchive> {
    const user = requireUser(ctx);
    assertCityAuthority(user);
    checkArchiveBefore(input.before, new Date());
    const archive = await buildArchive(ctx.ds, ctx, input.before, user.username);
    await ctx.ds.transaction(async (m) => {
      await m.getRepository(AuditArchive).insert(archive);
      // The archive hash goes into the chain itself, so the next daily anchor covers it.
      await ctx.audit({ action: 'EXPORT', items: ['auditRecords'], detail: `archive ${archive.id} seq ${archive.firstSeq}-${archive.lastSeq} sm3 ${archive.contentHash}` }, m);
    });
    return ctx.ds.getRepository(AuditArchive).findOneByOrFail({ id: archive.id });
  }

  @Authorized('authority')
  @Mutation(() => AuditArchive, { description: 'remove the records of a checked archive from the live chain; refuses anything younger than 2 years' })
  async purgeArchivedAuditRecords(@Arg('archiveId', () => ID) archiveId: string, @Ctx() ctx: SecurityContext): Promise<AuditArchive> {
    assertCityAuthority(requireUser(ctx));
    return ctx.ds.transaction(async (m) => {
      const { archive, purgedNow } = await purgeArchive(m, ctx.keyring, archiveId);
      await ctx.audit({ action: 'UPDATE', items: ['auditRecords'], detail: `purged archive ${archiveId} seq ${archive.firstSeq}-${archive.lastSeq}${purgedNow ? '' : ' (already)'}` }, m);
      return archive;
    });
  }

  @Authorized('authority', 'platform-operator')
  @Query(() => [AuditArchive], { description: 'archives of the audit chain, oldest first' })
  auditArchives(@Ctx() ctx: SecurityContext): Promise<AuditArchive[]> {
    return ctx.ds.getRepository(AuditArchive).find({ order: { firstSeq: 'ASC' } });
  }

  @FieldResolver(() => String, { description: 'the archived records, NDJSON (canonical form + prevHash + hash), for independent checking' })
  async content(@Root() a: AuditArchive, @Ctx() ctx: SecurityContext): Promise<string> {
    assertCityAuthority(requireUser(ctx), 'archive content: city authority / operator only');
    await ctx.audit({ action: 'DOWNLOAD', items: ['auditRecords'], detail: `archive ${a.id}` });
    return sm4Decrypt(a.contentEnc, ctx.keyring);
  }
}
