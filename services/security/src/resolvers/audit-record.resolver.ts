import { BadUserInputError, ConnectionType, ForbiddenError, PageArgs, requireUser, DataResourceKey as DataResourceRef, regionOfDepartment } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { sm3Hex } from '@gov/gm-crypto';
import { ChainVerifier } from '../domain/chain';
import { writeBatch, type AppendRequest } from '../domain/appender';
import { AuditArchive } from '../entities/audit-archive';
import { auditCsv, auditXlsx } from '../domain/export';
import { prevHashBefore } from '../domain/retention';
import type { SecurityContext } from '../context';
import { AuditChainHead, AuditRecord } from '../entities/audit-record';
import { AppendAuditRecordInput, AuditRecordFilter } from './audit-record.input';
import { checkAppendRules, checkFilterRules, verifyRange } from '../domain/rules';
import { AUDIT_READERS, canReadAuditOf, restrictToCoveredRegion } from './visibility';
import { paginateBySeq } from '../domain/seq-pagination';
import { AuditChainVerification, AuditExport, AuditExportFormat } from './audit-record.types';
import { Department } from '../entities/refs';

const AuditRecordConnection = ConnectionType(AuditRecord, 'AuditRecord');
const VERIFY_BATCH = 1000;
export const MAX_APPEND_BATCH = 1000;

function appendRequestOf(input: AppendAuditRecordInput, requestId: string): AppendRequest {
  return {
    id: input.id ?? null, actor: input.actor, actorSub: input.actorSub,
    departmentId: input.departmentId ?? null, regionCode: input.regionCode ?? null, action: input.action,
    resourceId: input.resourceId ?? null, grantId: input.grantId ?? null, scenario: input.scenario ?? null,
    items: input.items ?? [], outcome: input.outcome, requestId: input.requestId ?? requestId,
    detail: input.detail ?? null, source: input.source ?? null, occurredAt: input.occurredAt ?? null,
    notify: input.notify ? { ...input.notify, recipients: input.notify.recipients.map((r) => ({ ...r })) } : null,
    done: input.done ? { ...input.done } : null,
  };
}

export const MAX_EXPORT_ROWS = 50_000;

/** The audit-list filter as SQL, scoped to the caller's covered region. */
function filtered(ctx: SecurityContext, filter: AuditRecordFilter | null) {
  checkFilterRules(filter);
  const qb = restrictToCoveredRegion(ctx.ds.getRepository(AuditRecord).createQueryBuilder('a'), requireUser(ctx));
  if (filter?.resourceId) qb.andWhere('a.resourceId = :fRes', { fRes: filter.resourceId });
  if (filter?.departmentId) qb.andWhere('a.departmentId = :fDept', { fDept: filter.departmentId });
  if (filter?.action) qb.andWhere('a.action = :fAction', { fAction: filter.action });
  if (filter?.requestId) qb.andWhere('a.requestId = :fReq', { fReq: filter.requestId });
  if (filter?.actor) qb.andWhere('a.actor = :fActor', { fActor: filter.actor });
  if (filter?.from) qb.andWhere('a.at >= :fFrom', { fFrom: filter.from });
  if (filter?.to) qb.andWhere('a.at <= :fTo', { fTo: filter.to });
  return qb;
}

function describeFilter(filter: AuditRecordFilter | null): string {
  return Object.entries(filter ?? {}).filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : String(v)}`).join(' ');
}


@Resolver(() => AuditRecord)
export class AuditRecordResolver {
  @Authorized('service')
  @Mutation(() => AuditRecord, { description: 'append one record to the audit chain; machine identities (role service) only' })
  async appendAuditRecord(@Arg('input', () => AppendAuditRecordInput) input: AppendAuditRecordInput, @Ctx() ctx: SecurityContext): Promise<AuditRecord> {
    requireUser(ctx);
    checkAppendRules(input);
    return ctx.appender.append(appendRequestOf(input, ctx.requestId));
  }

  @Authorized('service')
  @Mutation(() => Int, { description: `the audit relays' batch append: records in their source order, chained in one transaction; ids already chained are skipped (a resent batch is chained once). At most ${MAX_APPEND_BATCH} per call. Machine identities only. Returns how many records the batch holds.` })
  async appendAuditRecords(@Arg('records', () => [AppendAuditRecordInput]) records: AppendAuditRecordInput[], @Ctx() ctx: SecurityContext): Promise<number> {
    requireUser(ctx);
    if (records.length > MAX_APPEND_BATCH) throw BadUserInputError.field('records', `at most ${MAX_APPEND_BATCH} records per batch`);
    records.forEach((r, i) => {
      if (!r.id) throw BadUserInputError.field(`records[${i}].id`, 'a relayed record carries the id its source chose');
      checkAppendRules(r);
    });
    if (!records.length) return 0;
    await writeBatch(ctx.ds, records.map((r) => appendRequestOf(r, ctx.requestId)));
    return records.length;
  }

  @Authorized(...AUDIT_READERS)
  @Query(() => AuditRecord, { nullable: true, description: 'one audit record, for the authority / platform operator of a covering region' })
  async auditRecord(@Arg('id', () => ID) id: string, @Ctx() ctx: SecurityContext): Promise<AuditRecord | null> {
    const r = await ctx.ds.getRepository(AuditRecord).findOneBy({ id });
    if (!r) return null;
    if (!canReadAuditOf(requireUser(ctx), r.regionCode)) throw new ForbiddenError(`not allowed to read audit record ${id}`);
    return r;
  }

  @Authorized(...AUDIT_READERS)
  @Query(() => AuditRecordConnection, { description: "audit records of the caller's region (a city sees its counties), newest first" })
  async auditRecords(
    @Arg('filter', () => AuditRecordFilter, { nullable: true }) filter: AuditRecordFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SecurityContext,
  ) {
    const conn = await paginateBySeq(filtered(ctx, filter), page);
    // Reading the audit log is itself an access to personal data (who read what): audited like any other read.
    await ctx.audit({ action: 'ACCESS', items: ['auditRecords'], detail: `rows=${conn.edges.length} ${describeFilter(filter)}`.trim() });
    return conn;
  }

  @Authorized(...AUDIT_READERS)
  @Query(() => AuditExport, { description: `the filtered audit records as CSV or XLSX (at most ${MAX_EXPORT_ROWS} rows: narrow the period)` })
  async exportAuditRecords(
    @Arg('filter', () => AuditRecordFilter, { nullable: true }) filter: AuditRecordFilter | null,
    @Arg('format', () => AuditExportFormat, { defaultValue: AuditExportFormat.CSV }) format: AuditExportFormat,
    @Ctx() ctx: SecurityContext,
  ): Promise<AuditExport> {
    const qb = filtered(ctx, filter);
    const count = await qb.clone().getCount();
    if (count > MAX_EXPORT_ROWS) throw BadUserInputError.field('filter', `matches ${count} records; export at most ${MAX_EXPORT_ROWS} (narrow from/to)`);
    const records = await qb.orderBy('a.seq', 'ASC').getMany();
    const bytes = format === AuditExportFormat.XLSX ? await auditXlsx(records) : auditCsv(records);
    const result = {
      filename: `audit-${new Date().toISOString().slice(0, 10)}.${format === AuditExportFormat.XLSX ? 'xlsx' : 'csv'}`,
      mimeType: format === AuditExportFormat.XLSX ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      rowCount: records.length, sm3: sm3Hex(bytes), contentBase64: bytes.toString('base64'),
    };
    await ctx.audit({ action: 'EXPORT', items: ['auditRecords'], detail: `rows=${records.length} ${format} sm3 ${result.sm3} ${describeFilter(filter)}`.trim() });
    return result;
  }

  @Authorized(...AUDIT_READERS)
  @Query(() => AuditChainVerification, { description: 'recompute the SM3 chain from fromSeq (default 1) to toSeq (default: the head)' })
  async verifyAuditChain(
    @Arg('fromSeq', () => Float, { nullable: true }) fromSeq: number | null,
    @Arg('toSeq', () => Float, { nullable: true }) toSeq: number | null,
    @Ctx() ctx: SecurityContext,
  ): Promise<AuditChainVerification> {
    requireUser(ctx);
    // One REPEATABLE READ snapshot: the head and the records are read as of the same moment while appends go on.
    return ctx.ds.transaction('REPEATABLE READ', async (m) => {
      const head = await m.getRepository(AuditChainHead).findOneByOrFail({ id: 1 });
      // Records archived and purged after 2 years (004 §33) are not part of the live chain: it starts after them.
      const archived = await m.getRepository(AuditArchive).createQueryBuilder('x').where('x.purgedAt IS NOT NULL').orderBy('x.lastSeq', 'DESC').getOne();
      const liveFrom = archived ? archived.lastSeq + 1 : 1;
      const { from, to } = verifyRange(fromSeq ?? liveFrom, toSeq, head.lastSeq);
      if (from > to) return { ok: true, checked: 0, firstBrokenSeq: null, firstBrokenId: null };
      const prev = await prevHashBefore(m, from);
      if (prev === null) return { ok: false, checked: 0, firstBrokenSeq: from - 1, firstBrokenId: null };
      const verifier = new ChainVerifier(from, prev);
      let next = from;
      while (verifier.ok && next <= to) {
        const batch = await m.getRepository(AuditRecord).createQueryBuilder('a')
          .where('a.seq >= :next AND a.seq <= :to', { next, to }).orderBy('a.seq', 'ASC').take(VERIFY_BATCH).getMany();
        if (!batch.length) break;
        for (const r of batch) if (!verifier.push(r)) break;
        next = batch[batch.length - 1].seq + 1;
      }
      verifier.finish(to, head);
      const broken = verifier.firstBrokenSeq === null ? null : await m.getRepository(AuditRecord).findOneBy({ seq: verifier.firstBrokenSeq });
      return { ok: verifier.ok, checked: verifier.checked, firstBrokenSeq: verifier.firstBrokenSeq, firstBrokenId: broken?.id ?? null };
    });
  }

  @FieldResolver(() => Department, { nullable: true, description: 'the department the actor acted for (null for the anonymous public)' })
  department(@Root() r: AuditRecord): Department | null {
    return r.departmentId ? { id: r.departmentId } : null;
  }

  @FieldResolver(() => DataResourceRef, { nullable: true, description: 'the catalog entry concerned, if any (null if the caller may not read it)' })
  resource(@Root() r: AuditRecord): DataResourceRef | null {
    return r.resourceId ? { id: r.resourceId } : null;
  }
}

@Resolver(() => Department)
export class DepartmentAuditResolver {
  @Authorized(...AUDIT_READERS)
  @FieldResolver(() => [AuditRecord], { description: "the department's latest audit records (authority / platform operator of a covering region)" })
  async auditRecords(
    @Root() d: Department,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: SecurityContext,
  ): Promise<AuditRecord[]> {
    const user = requireUser(ctx);
    if (first < 1 || first > 200) throw new BadUserInputError({ field: 'first', reason: 'must be between 1 and 200' });
    if (!canReadAuditOf(user, regionOfDepartment(d.id))) throw new ForbiddenError(`not allowed to read the audit records of department ${d.id}`);
    const records = await ctx.ds.getRepository(AuditRecord).find({ where: { departmentId: d.id }, order: { seq: 'DESC' }, take: first });
    await ctx.audit({ action: 'ACCESS', items: ['auditRecords'], detail: `department ${d.id} rows=${records.length}` });
    return records;
  }
}
