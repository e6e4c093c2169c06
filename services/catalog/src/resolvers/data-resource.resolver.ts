import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import {
  assertDepartmentAccess, BadUserInputError, ConflictError, ConnectionType, coveredRegionSql, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate,
  regionCovers, requireUser, type FieldProblem, type User,
} from '@gov/kit';
import {
  CATALOG_CHANGE_FILING_WORKING_DAYS, catalogChangeWorkflowId, catalogReviewWorkflowId, changeDecisionSignal,
  reviewDecisionSignal, workflowQueue, type CatalogChangeInput, type CatalogReviewInput,
} from '@gov/workflows';
import { chinaDate, workingDaysBetween } from '@gov/working-days';
import { IsOptional, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import {
  Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root,
} from 'type-graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { ChangeRequest, InformationSystem, ResourceVersion } from '../entities/catalog-extra';
import { DataItem, DataResource } from '../entities/data-resource';
import { Department } from '../entities/department';
import { Region } from '../entities/region';
import { ChangeBasis, ChangeStatus, DataFormat, MountHealth, ResourceStatus } from '../entities/enums';
import type { CatalogContext } from '../context';
import { checkSourceSystem, entryFields, writeItems } from '../domain/entries';
import { whereKeyword } from '../domain/search';
import { diffSnapshots, snapshotOf, snapshotOfInput, type Snapshot } from '../domain/versions';
import { DataResourceFilter, DataResourceInput } from './data-resource.input';
import { catalogProblems, checkCatalogRules } from './rules';
import { canReadResource, restrictToReadable } from './visibility';

const DataResourceConnection = ConnectionType(DataResource, 'DataResource');
const ResourceVersionConnection = ConnectionType(ResourceVersion, 'ResourceVersion');
const ChangeRequestConnection = ConnectionType(ChangeRequest, 'ChangeRequest');
export const STAFF = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'] as const;

@ObjectType({ description: 'one field that differs between two versions' })
export class FieldChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
}

@ObjectType() export class FacetBucket { @Field() value: string; @Field(() => Int) count: number; }
@ObjectType({ description: 'counts per value of one dimension over the filtered set' })
export class Facet { @Field() dimension: string; @Field(() => [FacetBucket]) buckets: FacetBucket[]; }

@InputType()
export class ChangeRequestInput {
  @Field(() => ChangeBasis) basis: ChangeBasis;
  @Field() @Length(1, 2000) reason: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD the law was revised / the function or system changed (004 §9)' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be YYYY-MM-DD' }) effectiveDate?: string | null;
  @Field(() => DataResourceInput, { description: 'the entry as it should read after the change' }) @ValidateNested() entry: DataResourceInput;
}

@InputType()
export class MountInput {
  @Field(() => DataFormat) kind: DataFormat;
  @Field() @Length(3, 500) endpoint: string;
}

@InputType()
export class OutageInput {
  @Field() @Length(1, 2000) reason: string;
  @Field(() => String, { nullable: true, description: 'required: what consumers use meanwhile (000 §18)' }) @IsOptional() @MaxLength(2000) alternative?: string | null;
  @Field(() => Date, { nullable: true }) @IsOptional() until?: Date | null;
}

const FACETS: Array<[string, string]> = [
  ['category', 'category'], ['shareType', 'shareType'], ['openType', 'openType'], ['grade', 'sensitivityGrade'],
  ['departmentId', 'departmentId'], ['regionCode', 'regionCode'], ['status', 'status'], ['theme', 'theme'],
];

export function applyFilter(qb: SelectQueryBuilder<DataResource>, filter: DataResourceFilter | null): SelectQueryBuilder<DataResource> {
  if (filter?.keyword?.trim()) whereKeyword(qb, filter.keyword);
  if (filter?.departmentId) qb.andWhere('r.departmentId = :fDept', { fDept: filter.departmentId });
  if (filter?.regionCode) qb.andWhere('r.regionCode = :fRegion', { fRegion: filter.regionCode });
  if (filter?.status) qb.andWhere('r.status = :fStatus', { fStatus: filter.status });
  if (filter?.shareType) qb.andWhere('r.shareType = :fShare', { fShare: filter.shareType });
  if (filter?.openType) qb.andWhere('r.openType = :fOpen', { fOpen: filter.openType });
  if (filter?.grade) qb.andWhere('r.sensitivityGrade = :fGrade', { fGrade: filter.grade });
  if (filter?.category) qb.andWhere('r.category = :fCat', { fCat: filter.category });
  if (filter?.theme) qb.andWhere('r.theme = :fTheme', { fTheme: filter.theme });
  if (filter?.mounted === true) qb.andWhere('r.mountKind IS NOT NULL');
  if (filter?.mounted === false) qb.andWhere('r.mountKind IS NULL');
  if (filter?.reviewOverdue === true || filter?.reviewOverdue === false) qb.andWhere('r.reviewOverdue = :fOverdue', { fOverdue: filter.reviewOverdue });
  return qb;
}

export async function loadForWrite(ctx: CatalogContext, id: string): Promise<DataResource> {
  const user = requireUser(ctx);
  const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
  if (!r) throw new NotFoundError('DataResource', id);
  assertDepartmentAccess(user, r, 'write', 'catalog entries');
  if (user.department !== r.departmentId) throw new ForbiddenError('only the providing department compiles its catalog entries');
  return r;
}

export async function loadReadable(ctx: CatalogContext, id: string): Promise<DataResource> {
  const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
  if (!r) throw new NotFoundError('DataResource', id);
  if (!canReadResource(requireUser(ctx), r)) throw new ForbiddenError(`not allowed to read catalog entry ${id}`);
  return r;
}

function assertAuthorityOver(user: User, regionCode: string): void {
  if (!user.region || !regionCovers(user.region, regionCode)) throw new ForbiddenError('this entry belongs to a region outside your authority');
}

/** The workflow applies a decision through catalog's activity; wait (bounded) so the caller sees the result. */
async function settle(handle: WorkflowHandle): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([handle.result(), new Promise((resolve) => { timer = setTimeout(resolve, 20_000); })]).finally(() => clearTimeout(timer));
}

async function startOnce(ctx: CatalogContext, workflow: string, workflowId: string, input: unknown): Promise<void> {
  try {
    await ctx.temporal.workflow.start(workflow, { workflowId, taskQueue: workflowQueue(ctx.taskQueuePrefix), args: [input] });
  } catch (e) {
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
  }
}

@Resolver(() => DataResource)
export class DataResourceResolver {
  @Authorized(...STAFF)
  @Query(() => DataResource, { nullable: true, description: 'one catalog entry, if the caller may read it' })
  async dataResource(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<DataResource | null> {
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
    if (!r) return null;
    if (!canReadResource(requireUser(ctx), r)) throw new ForbiddenError(`not allowed to read catalog entry ${id}`);
    // 004 §33: reading an unpublished entry is recorded before it is returned (no audit record, no data).
    if (r.status !== ResourceStatus.PUBLISHED) await ctx.audit({ action: 'ACCESS', resourceId: r.id, detail: `catalog entry status=${r.status}` });
    return r;
  }

  @Authorized(...STAFF)
  @Query(() => DataResourceConnection, { description: 'catalog entries the caller may read, newest first; keyword search works on Chinese text' })
  async dataResources(
    @Arg('filter', () => DataResourceFilter, { nullable: true }) filter: DataResourceFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CatalogContext,
  ) {
    const qb = applyFilter(restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), requireUser(ctx)), filter);
    const conn = await paginate(qb, page);
    // One record per page that shows unpublished entries (004 §33), not one per row.
    const unpublished = conn.edges.filter((e) => e.node.status !== ResourceStatus.PUBLISHED);
    if (unpublished.length) {
      await ctx.audit({ action: 'QUERY', detail: `catalog list rows=${conn.edges.length} unpublished=${unpublished.length} ids=${unpublished.slice(0, 20).map((e) => e.node.id).join(',')}` });
    }
    return conn;
  }

  @Authorized(...STAFF)
  @Query(() => [Facet], { description: 'counts per category, share/open type, grade, department, region, status, theme for the same filter and visibility as dataResources' })
  async dataResourceFacets(@Arg('filter', () => DataResourceFilter, { nullable: true }) filter: DataResourceFilter | null, @Ctx() ctx: CatalogContext): Promise<Facet[]> {
    const base = applyFilter(restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), requireUser(ctx)), filter);
    return Promise.all(FACETS.map(async ([dimension, column]) => {
      const rows = await base.clone().select(`r.${column}`, 'value').addSelect('COUNT(*)', 'count')
        .andWhere(`r.${column} IS NOT NULL`).groupBy(`r.${column}`).orderBy('count', 'DESC').addOrderBy('value', 'ASC').getRawMany<{ value: string; count: string }>();
      return { dimension, buckets: rows.map((b) => ({ value: String(b.value), count: Number(b.count) })) };
    }));
  }

  @Authorized(...STAFF)
  @Query(() => DataResourceConnection, { description: 'the negative list: published NOT_SHARED entries with their legal basis (000 §4, 004 §7)' })
  negativeList(@Arg('regionCode', () => String, { nullable: true }) regionCode: string | null, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    const qb = restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), requireUser(ctx))
      .andWhere('r.status = :nlStatus AND r.shareType = :nlShare', { nlStatus: ResourceStatus.PUBLISHED, nlShare: 'NOT_SHARED' });
    if (regionCode) qb.andWhere('r.regionCode = :nlRegion', { nlRegion: regionCode });
    return paginate(qb, page);
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: "a department administrator drafts a catalog entry of the caller's department" })
  async createDataResource(@Arg('input', () => DataResourceInput) input: DataResourceInput, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
    checkCatalogRules(input);
    return ctx.ds.transaction(async (m) => {
      if (await m.getRepository(DataResource).existsBy({ code: input.code })) {
        throw new ConflictError(`code: a catalog entry with code ${input.code} already exists`);
      }
      await checkSourceSystem(m, input, user.department!);
      const id = randomUUID();
      await m.getRepository(DataResource).insert(m.getRepository(DataResource).create({
        ...entryFields(input), id, departmentId: user.department!, regionCode: user.region!,
        status: ResourceStatus.DRAFT, version: 1, submissionCount: 0, reviewOverdue: false, createdBy: user.username,
      }));
      await writeItems(m, id, input);
      return m.getRepository(DataResource).findOneByOrFail({ id });
    });
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: 'edit a draft; a published entry is never edited in place (000 §9)' })
  async updateDataResource(
    @Arg('id', () => ID) id: string, @Arg('input', () => DataResourceInput) input: DataResourceInput, @Ctx() ctx: CatalogContext,
  ): Promise<DataResource> {
    const existing = await loadForWrite(ctx, id);
    if (existing.status !== ResourceStatus.DRAFT) {
      throw new ConflictError(`000 §9: a ${existing.status.toLowerCase()} catalog entry cannot be edited in place; request a change instead`);
    }
    checkCatalogRules(input);
    return ctx.ds.transaction(async (m) => {
      if (input.code !== existing.code && (await m.getRepository(DataResource).existsBy({ code: input.code }))) {
        throw new ConflictError(`code: a catalog entry with code ${input.code} already exists`);
      }
      await checkSourceSystem(m, input, existing.departmentId);
      const changed = await m.getRepository(DataResource).update({ id, status: ResourceStatus.DRAFT }, entryFields(input));
      if (!changed.affected) throw new ConflictError('the entry changed meanwhile; reload and retry');
      await writeItems(m, id, input);
      return m.getRepository(DataResource).findOneByOrFail({ id });
    });
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: 'submit a draft for review by the authority; retrying is harmless' })
  async submitDataResource(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const user = requireUser(ctx);
    const existing = await loadForWrite(ctx, id);
    if (existing.status === ResourceStatus.SUBMITTED) return existing; // a retried submit: the review already runs
    if (existing.status !== ResourceStatus.DRAFT) throw new ConflictError(`only a draft can be submitted; this entry is ${existing.status}`);
    return ctx.ds.transaction(async (m) => {
      const submission = existing.submissionCount + 1;
      const changed = await m.getRepository(DataResource).update(
        { id, status: ResourceStatus.DRAFT, submissionCount: existing.submissionCount },
        { status: ResourceStatus.SUBMITTED, submissionCount: submission, reviewOverdue: false, reviewEscalatedAt: null, reviewComment: null },
      );
      if (!changed.affected) throw new ConflictError('the entry changed meanwhile; reload and retry');
      const input: CatalogReviewInput = {
        resourceId: id, resourceCode: existing.code, departmentId: existing.departmentId, regionCode: existing.regionCode,
        submittedBy: user.username, deadlineWorkingDays: ctx.reviewWorkingDays,
      };
      // Started inside the transaction: if Temporal refuses, the entry stays a draft.
      await startOnce(ctx, 'catalogReviewWorkflow', catalogReviewWorkflowId(id, submission), input);
      return m.getRepository(DataResource).findOneByOrFail({ id });
    });
  }

  @Authorized('authority')
  @Mutation(() => DataResource, { description: "the authority's decision on a submitted entry: approve publishes it, reject returns it to draft" })
  async reviewDataResource(
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<DataResource> {
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(DataResource);
    const r = await repo.findOneBy({ id });
    if (!r) throw new NotFoundError('DataResource', id);
    assertAuthorityOver(user, r.regionCode);
    if (r.status !== ResourceStatus.SUBMITTED) throw new ConflictError(`only a submitted entry can be reviewed; this entry is ${r.status}`);
    if (!approve && !comment?.trim()) throw new BadUserInputError({ field: 'comment', reason: 'a rejection needs a reason' });
    // Recorded before the decision is sent: no audit record, no decision.
    await ctx.audit({ action: 'APPROVE', resourceId: id, detail: `catalog review approve=${approve}` });
    const handle = ctx.temporal.workflow.getHandle(catalogReviewWorkflowId(id, r.submissionCount));
    await handle.signal(reviewDecisionSignal, { approve, reviewer: user.username, comment });
    await settle(handle);
    return repo.findOneByOrFail({ id });
  }

  @Authorized('dept-admin', 'authority')
  @Mutation(() => DataResource, { description: 'withdraw a published entry from the catalog; its versions stay queryable' })
  async retireDataResource(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const user = requireUser(ctx);
    if (!reason.trim()) throw BadUserInputError.field('reason', 'retiring an entry needs a reason');
    const repo = ctx.ds.getRepository(DataResource);
    const r = hasRole(user, 'authority') ? await repo.findOneBy({ id }) : await loadForWrite(ctx, id);
    if (!r) throw new NotFoundError('DataResource', id);
    if (hasRole(user, 'authority') && user.department !== r.departmentId) assertAuthorityOver(user, r.regionCode);
    if (r.status === ResourceStatus.RETIRED) return r; // a retried retire
    if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry can be retired; this entry is ${r.status}`);
    if (await ctx.ds.getRepository(ChangeRequest).existsBy({ resourceId: id, status: ChangeStatus.PENDING })) {
      throw new ConflictError('a change request of this entry is under review; decide it first');
    }
    await repo.update({ id, status: ResourceStatus.PUBLISHED }, { status: ResourceStatus.RETIRED, retiredAt: new Date(), retireReason: reason.trim() });
    return repo.findOneByOrFail({ id });
  }

  // ---- change requests and versions (000 §9, 004 §9) ----

  @Authorized('dept-admin')
  @Mutation(() => ChangeRequest, { description: '000 §9: change a published entry through a reviewed request with its basis' })
  async requestDataResourceChange(
    @Arg('resourceId', () => ID) resourceId: string, @Arg('input', () => ChangeRequestInput) input: ChangeRequestInput, @Ctx() ctx: CatalogContext,
  ): Promise<ChangeRequest> {
    const user = requireUser(ctx);
    const r = await loadForWrite(ctx, resourceId);
    if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry is changed by request; this entry is ${r.status}`);
    const problems: FieldProblem[] = catalogProblems(input.entry).map((p) => ({ field: `entry.${p.field}`, reason: p.reason }));
    if (input.entry.code !== r.code) problems.push({ field: 'entry.code', reason: `the code identifies the entry and stays ${r.code}` });
    const today = chinaDate(new Date());
    if (input.effectiveDate && input.effectiveDate > today) problems.push({ field: 'effectiveDate', reason: 'cannot lie in the future' });
    if (problems.length) throw new BadUserInputError(problems);
    const filedLate = !!input.effectiveDate && workingDaysBetween(input.effectiveDate, today) > CATALOG_CHANGE_FILING_WORKING_DAYS;
    return ctx.ds.transaction(async (m) => {
      await checkSourceSystem(m, input.entry, r.departmentId, 'entry.sourceSystemId');
      const open = await m.getRepository(ChangeRequest).findOneBy({ openKey: resourceId });
      if (open) throw new ConflictError(`change request ${open.id} of this entry is already under review`);
      const id = randomUUID();
      await m.getRepository(ChangeRequest).insert({
        id, resourceId, departmentId: r.departmentId, regionCode: r.regionCode, basis: input.basis, reason: input.reason.trim(),
        effectiveDate: input.effectiveDate ?? null, filedLate, proposed: JSON.stringify(input.entry), status: ChangeStatus.PENDING,
        openKey: resourceId, baseVersion: r.version, newVersion: null, requestedBy: user.username, reviewOverdue: false,
      });
      const wf: CatalogChangeInput = { changeRequestId: id, resourceId, regionCode: r.regionCode, deadlineWorkingDays: ctx.reviewWorkingDays };
      await startOnce(ctx, 'catalogChangeWorkflow', catalogChangeWorkflowId(id), wf);
      return m.getRepository(ChangeRequest).findOneByOrFail({ id });
    });
  }

  @Authorized('authority')
  @Mutation(() => ChangeRequest, { description: "the authority's decision on a change request: approval publishes a new version" })
  async reviewDataResourceChange(
    @Arg('id', () => ID) id: string, @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: CatalogContext,
  ): Promise<ChangeRequest> {
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(ChangeRequest);
    const cr = await repo.findOneBy({ id });
    if (!cr) throw new NotFoundError('ChangeRequest', id);
    assertAuthorityOver(user, cr.regionCode);
    if (cr.status !== ChangeStatus.PENDING) throw new ConflictError(`this change request is already ${cr.status}`);
    if (!approve && !comment?.trim()) throw BadUserInputError.field('comment', 'a rejection needs a reason');
    await ctx.audit({ action: 'APPROVE', resourceId: cr.resourceId, detail: `catalog change ${id} basis=${cr.basis} approve=${approve}` });
    const handle = ctx.temporal.workflow.getHandle(catalogChangeWorkflowId(id));
    await handle.signal(changeDecisionSignal, { approve, reviewer: user.username, comment });
    await settle(handle);
    return repo.findOneByOrFail({ id });
  }

  @Authorized(...STAFF)
  @Query(() => ChangeRequestConnection, { description: 'change requests the caller may see: its department, or the regions it oversees' })
  changeRequests(
    @Arg('status', () => ChangeStatus, { nullable: true }) status: ChangeStatus | null,
    @Arg('resourceId', () => ID, { nullable: true }) resourceId: string | null,
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only reviews past their working-day deadline (escalated)' }) overdue: boolean | null,
    @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext,
  ) {
    const user = requireUser(ctx);
    const qb = ctx.ds.getRepository(ChangeRequest).createQueryBuilder('c');
    if (!user.isService) {
      if (hasRole(user, 'authority', 'platform-operator', 'assessor') && user.region) {
        const covered = coveredRegionSql('c.regionCode', user.region, 'crRegion');
        qb.andWhere(`(c.departmentId = :crDept OR ${covered.sql})`, { crDept: user.department ?? '-', ...covered.params });
      } else {
        qb.andWhere('c.departmentId = :crDept', { crDept: user.department ?? '-' });
      }
    }
    if (status) qb.andWhere('c.status = :crStatus', { crStatus: status });
    if (resourceId) qb.andWhere('c.resourceId = :crRes', { crRes: resourceId });
    if (overdue !== null && overdue !== undefined) qb.andWhere('c.reviewOverdue = :crOver', { crOver: overdue });
    return paginate(qb, page);
  }

  @Authorized(...STAFF)
  @Query(() => ResourceVersionConnection, { description: 'every published version of an entry, newest first (000 §9)' })
  async dataResourceVersions(@Arg('resourceId', () => ID) resourceId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    await loadReadable(ctx, resourceId);
    return paginate(ctx.ds.getRepository(ResourceVersion).createQueryBuilder('v').where('v.resourceId = :vr', { vr: resourceId }), page);
  }

  @Authorized(...STAFF)
  @Query(() => [FieldChange], { description: 'field-level differences between two published versions of an entry' })
  async dataResourceDiff(
    @Arg('resourceId', () => ID) resourceId: string, @Arg('fromVersion', () => Int) fromVersion: number, @Arg('toVersion', () => Int) toVersion: number,
    @Ctx() ctx: CatalogContext,
  ): Promise<FieldChange[]> {
    await loadReadable(ctx, resourceId);
    const repo = ctx.ds.getRepository(ResourceVersion);
    const [a, b] = await Promise.all([repo.findOneBy({ resourceId, version: fromVersion }), repo.findOneBy({ resourceId, version: toVersion })]);
    if (!a) throw BadUserInputError.field('fromVersion', `version ${fromVersion} of this entry was never published`);
    if (!b) throw BadUserInputError.field('toVersion', `version ${toVersion} of this entry was never published`);
    return diffSnapshots(JSON.parse(a.snapshot) as Snapshot, JSON.parse(b.snapshot) as Snapshot);
  }

  // ---- mounting (000 §13) and declared outages (000 §18) ----

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: '000 §13: attach a published entry to the exchange platform as a table, API or file' })
  async mountDataResource(@Arg('id', () => ID) id: string, @Arg('input', () => MountInput) input: MountInput, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const r = await loadForWrite(ctx, id);
    if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry can be mounted; this entry is ${r.status}`);
    if (input.kind === DataFormat.API && !/^https?:\/\/\S+$/.test(input.endpoint)) throw BadUserInputError.field('input.endpoint', 'an API mount needs an http(s) URL');
    if (input.kind === DataFormat.TABLE && !/^[A-Za-z0-9_]+\.[A-Za-z0-9_]+$/.test(input.endpoint)) throw BadUserInputError.field('input.endpoint', 'a TABLE mount names schema.table');
    await ctx.ds.getRepository(DataResource).update({ id }, { mountKind: input.kind, mountEndpoint: input.endpoint, mountHealth: MountHealth.UNKNOWN, mountedAt: new Date() });
    return ctx.ds.getRepository(DataResource).findOneByOrFail({ id });
  }

  @Authorized('platform-operator', 'service')
  @Mutation(() => DataResource, { description: "the platform records a mounted resource's health" })
  async reportMountHealth(@Arg('id', () => ID) id: string, @Arg('up') up: boolean, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const user = requireUser(ctx);
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
    if (!r) throw new NotFoundError('DataResource', id);
    assertDepartmentAccess(user, r, 'write', 'mount health');
    if (!r.mountKind) throw new ConflictError('this entry is not mounted');
    if (r.mountHealth === MountHealth.OUTAGE) throw new ConflictError('the provider declared an outage; it ends it');
    await ctx.ds.getRepository(DataResource).update({ id }, { mountHealth: up ? MountHealth.UP : MountHealth.DOWN });
    return ctx.ds.getRepository(DataResource).findOneByOrFail({ id });
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: '000 §18: a provider that must take a mounted resource offline says why and offers an alternative' })
  async declareOutage(@Arg('id', () => ID) id: string, @Arg('input', () => OutageInput) input: OutageInput, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const r = await loadForWrite(ctx, id);
    if (!input.alternative?.trim()) throw BadUserInputError.field('input.alternative', 'an outage must offer consumers an alternative (000 §18)');
    if (!r.mountKind) throw new ConflictError('this entry is not mounted');
    await ctx.ds.getRepository(DataResource).update({ id }, {
      mountHealth: MountHealth.OUTAGE, outageReason: input.reason.trim(), outageAlternative: input.alternative.trim(), outageUntil: input.until ?? null,
    });
    return ctx.ds.getRepository(DataResource).findOneByOrFail({ id });
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource)
  async endOutage(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    await loadForWrite(ctx, id);
    await ctx.ds.getRepository(DataResource).update({ id, mountHealth: MountHealth.OUTAGE },
      { mountHealth: MountHealth.UNKNOWN, outageReason: null, outageAlternative: null, outageUntil: null });
    return ctx.ds.getRepository(DataResource).findOneByOrFail({ id });
  }

  @FieldResolver(() => [DataItem])
  items(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<DataItem[]> {
    return ctx.itemsByResource.load(r.id);
  }

  @FieldResolver(() => Department)
  async department(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<Department> {
    const d = await ctx.departmentById.load(r.departmentId);
    if (!d) throw new NotFoundError('Department', r.departmentId); // the foreign key makes this a data fault
    return d;
  }

  @FieldResolver(() => Region, { description: 'the region (tenant) of the providing department' })
  region(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<Region> {
    return ctx.ds.getRepository(Region).findOneByOrFail({ code: r.regionCode });
  }

  @FieldResolver(() => InformationSystem, { nullable: true })
  sourceSystem(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<InformationSystem | null> | null {
    return r.sourceSystemId ? ctx.ds.getRepository(InformationSystem).findOneBy({ id: r.sourceSystemId }) : null;
  }
}

@Resolver(() => ChangeRequest)
export class ChangeRequestResolver {
  @FieldResolver(() => String, { description: 'the proposed entry (DataResourceInput) as JSON' })
  proposedJson(@Root() c: ChangeRequest): string { return c.proposed; }

  @FieldResolver(() => [FieldChange], { description: 'what the change would do to the entry as published now' })
  async diff(@Root() c: ChangeRequest, @Ctx() ctx: CatalogContext): Promise<FieldChange[]> {
    const current = await ctx.ds.getRepository(ResourceVersion).findOneBy({ resourceId: c.resourceId, version: c.newVersion ? c.newVersion - 1 : c.baseVersion });
    const before = current ? (JSON.parse(current.snapshot) as Snapshot) : await snapshotOf(ctx.ds.manager, c.resourceId);
    return diffSnapshots(before, snapshotOfInput(JSON.parse(c.proposed) as DataResourceInput));
  }
}

@Resolver(() => ResourceVersion)
export class ResourceVersionResolver {
  @FieldResolver(() => String, { description: 'the entry and its items as published, JSON' })
  snapshotJson(@Root() v: ResourceVersion): string { return v.snapshot; }
}
