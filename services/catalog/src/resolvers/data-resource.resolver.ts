import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  assertDepartmentAccess, BadUserInputError, ConflictError, ConnectionType, ForbiddenError, NotFoundError, PageArgs, paginate, regionCovers, requireUser,
} from '@gov/kit';
import {
  catalogReviewWorkflowId, DEFAULT_REVIEW_WORKING_DAYS, reviewDecisionSignal, workflowQueue, type CatalogReviewInput,
} from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DataItem, DataResource } from '../entities/data-resource';
import { Department } from '../entities/department';
import { ResourceStatus } from '../entities/enums';
import type { CatalogContext } from '../context';
import { DataResourceFilter, DataResourceInput } from './data-resource.input';
import { checkCatalogRules } from './rules';
import { canReadResource, restrictToReadable } from './visibility';

const DataResourceConnection = ConnectionType(DataResource, 'DataResource');
const STAFF = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'] as const;

async function loadForWrite(ctx: CatalogContext, id: string): Promise<DataResource> {
  const user = requireUser(ctx);
  const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
  if (!r) throw new NotFoundError('DataResource', id);
  assertDepartmentAccess(user, r, 'write', 'catalog entries');
  if (user.department !== r.departmentId) throw new ForbiddenError('only the providing department compiles its catalog entries');
  return r;
}

@Resolver(() => DataResource)
export class DataResourceResolver {
  @Authorized(...STAFF)
  @Query(() => DataResource, { nullable: true, description: 'one catalog entry, if the caller may read it' })
  async dataResource(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<DataResource | null> {
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
    if (!r) return null;
    if (!canReadResource(requireUser(ctx), r)) throw new ForbiddenError(`not allowed to read catalog entry ${id}`);
    return r;
  }

  @Authorized(...STAFF)
  @Query(() => DataResourceConnection, { description: 'catalog entries the caller may read, newest first' })
  async dataResources(
    @Arg('filter', () => DataResourceFilter, { nullable: true }) filter: DataResourceFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CatalogContext,
  ) {
    const qb = restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), requireUser(ctx));
    if (filter?.keyword) qb.andWhere('(r.name LIKE :kw OR r.description LIKE :kw OR r.code LIKE :kw)', { kw: `%${filter.keyword.replace(/[%_\\]/g, '\\$&')}%` });
    if (filter?.departmentId) qb.andWhere('r.departmentId = :fDept', { fDept: filter.departmentId });
    if (filter?.regionCode) qb.andWhere('r.regionCode = :fRegion', { fRegion: filter.regionCode });
    if (filter?.status) qb.andWhere('r.status = :fStatus', { fStatus: filter.status });
    if (filter?.shareType) qb.andWhere('r.shareType = :fShare', { fShare: filter.shareType });
    if (filter?.category) qb.andWhere('r.category = :fCat', { fCat: filter.category });
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
      const { items, ...fields } = input;
      const r = m.getRepository(DataResource).create({
        ...fields, id: randomUUID(), departmentId: user.department!, regionCode: user.region!,
        status: ResourceStatus.DRAFT, version: 1, submissionCount: 0, reviewOverdue: false, createdBy: user.username,
      });
      await m.getRepository(DataResource).insert(r);
      await m.getRepository(DataItem).insert(items.map((it, position) => ({ ...it, length: it.length ?? null, id: randomUUID(), resourceId: r.id, position })));
      return m.getRepository(DataResource).findOneByOrFail({ id: r.id });
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
      const { items, ...fields } = input;
      await m.getRepository(DataResource).update({ id, status: ResourceStatus.DRAFT }, fields);
      await m.getRepository(DataItem).delete({ resourceId: id });
      await m.getRepository(DataItem).insert(items.map((it, position) => ({ ...it, length: it.length ?? null, id: randomUUID(), resourceId: id, position })));
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
        submittedBy: user.username, deadlineWorkingDays: ctx.reviewWorkingDays ?? DEFAULT_REVIEW_WORKING_DAYS,
      };
      try {
        // Started inside the transaction: if Temporal refuses, the entry stays a draft.
        await ctx.temporal.workflow.start('catalogReviewWorkflow', {
          workflowId: catalogReviewWorkflowId(id, submission), taskQueue: workflowQueue(ctx.taskQueuePrefix), args: [input],
        });
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
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
    if (!user.region || !regionCovers(user.region, r.regionCode)) throw new ForbiddenError('this entry belongs to a region outside your authority');
    if (r.status !== ResourceStatus.SUBMITTED) throw new ConflictError(`only a submitted entry can be reviewed; this entry is ${r.status}`);
    if (!approve && !comment?.trim()) throw new BadUserInputError({ field: 'comment', reason: 'a rejection needs a reason' });
    const handle = ctx.temporal.workflow.getHandle(catalogReviewWorkflowId(id, r.submissionCount));
    await handle.signal(reviewDecisionSignal, { approve, reviewer: user.username, comment });
    // The workflow applies the decision through catalog's activity; wait for it so the caller sees the result.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([handle.result(), new Promise((resolve) => { timer = setTimeout(resolve, 20_000); })]).finally(() => clearTimeout(timer));
    return repo.findOneByOrFail({ id });
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
}
