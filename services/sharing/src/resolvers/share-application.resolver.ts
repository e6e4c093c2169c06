import { randomUUID } from 'node:crypto';
import { ConflictError, ConnectionType, ForbiddenError, NotFoundError, PageArgs, paginate, requireUser, DataResourceKey as DataResourceRef } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import type { SharingContext } from '../context';
import { ShareApplicationStatus } from '../entities/enums';
import { ShareApplication } from '../entities/share-application';
import { fetchCatalogResource } from './catalog-client';
import { checkAgainstResource, checkPeriod } from './rules';
import { ShareApplicationFilter, ShareApplicationInput } from './share-application.input';
import { canReadApplication, restrictToReadable } from './visibility';
import { Department } from '../entities/refs';

const ShareApplicationConnection = ConnectionType(ShareApplication, 'ShareApplication');
const STAFF = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'] as const;
const APPLICANTS = ['dept-user', 'dept-admin'] as const;
/** Statuses from which the consumer may still withdraw. */
const WITHDRAWABLE = new Set([ShareApplicationStatus.DRAFT, ShareApplicationStatus.SUBMITTED]);

function isDuplicateKey(e: unknown): boolean {
  return e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === 'ER_DUP_ENTRY';
}

@Resolver(() => ShareApplication)
export class ShareApplicationResolver {
  @Authorized(...STAFF)
  @Query(() => ShareApplication, { nullable: true, description: 'one share application, if the caller may read it' })
  async shareApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareApplication | null> {
    const a = await ctx.ds.getRepository(ShareApplication).findOneBy({ id });
    if (!a) return null;
    if (!canReadApplication(requireUser(ctx), a)) throw new ForbiddenError(`not allowed to read share application ${id}`);
    return a;
  }

  @Authorized(...STAFF)
  @Query(() => ShareApplicationConnection, { description: 'share applications the caller may read (as consumer, provider or oversight), newest first' })
  async shareApplications(
    @Arg('filter', () => ShareApplicationFilter, { nullable: true }) filter: ShareApplicationFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SharingContext,
  ) {
    const qb = restrictToReadable(ctx.ds.getRepository(ShareApplication).createQueryBuilder('a'), requireUser(ctx));
    if (filter?.status) qb.andWhere('a.status = :fStatus', { fStatus: filter.status });
    if (filter?.resourceId) qb.andWhere('a.resourceId = :fResource', { fResource: filter.resourceId });
    return paginate(qb, page);
  }

  @Authorized(...APPLICANTS)
  @Mutation(() => ShareApplication, {
    description: "a department's staff apply for a published, shareable resource (draft); the same idempotencyKey returns the same application",
  })
  async createShareApplication(@Arg('input', () => ShareApplicationInput) input: ShareApplicationInput, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
    const repo = ctx.ds.getRepository(ShareApplication);
    const key = input.idempotencyKey ?? null;
    const existing = key ? await repo.findOneBy({ consumerDepartmentId: user.department, idempotencyKey: key }) : null;
    if (existing) return existing; // a retry: answer as the first call did, whatever the catalog says now
    checkPeriod(input);
    const resource = checkAgainstResource(input, await fetchCatalogResource(input.resourceId, user.token), user.department);
    try {
      return await ctx.ds.transaction(async (m) => {
        const r = m.getRepository(ShareApplication);
        const id = randomUUID();
        await r.insert({
          id, resourceId: resource.id, providerDepartmentId: resource.departmentId, providerRegionCode: resource.regionCode,
          consumerDepartmentId: user.department!, regionCode: user.region!, requestedItems: input.requestedItems,
          scenario: input.scenario, purpose: input.purpose, usageMode: input.usageMode, periodFrom: input.periodFrom, periodTo: input.periodTo,
          status: ShareApplicationStatus.DRAFT, idempotencyKey: key, createdBy: user.username,
        });
        return r.findOneByOrFail({ id });
      });
    } catch (e) {
      // Two concurrent retries with the same key: the loser returns the winner's application.
      if (key && isDuplicateKey(e)) return repo.findOneByOrFail({ consumerDepartmentId: user.department, idempotencyKey: key });
      throw e;
    }
  }

  @Authorized(...APPLICANTS)
  @Mutation(() => ShareApplication, { description: 'the consumer department withdraws its application; withdrawing twice is harmless' })
  async withdrawShareApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireUser(ctx);
    return ctx.ds.transaction(async (m) => {
      const r = m.getRepository(ShareApplication);
      const a = await r.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw new NotFoundError('ShareApplication', id);
      if (user.department !== a.consumerDepartmentId) throw new ForbiddenError('only the applying (consumer) department may withdraw its application');
      if (a.status === ShareApplicationStatus.WITHDRAWN) return a;
      if (!WITHDRAWABLE.has(a.status)) throw new ConflictError(`an application that is ${a.status} can no longer be withdrawn`);
      await r.update({ id }, { status: ShareApplicationStatus.WITHDRAWN });
      return r.findOneByOrFail({ id });
    });
  }

  @FieldResolver(() => DataResourceRef, { nullable: true, description: 'the catalog entry applied for (null if the caller may not read it)' })
  resource(@Root() a: ShareApplication): DataResourceRef {
    return { id: a.resourceId };
  }

  @FieldResolver(() => Department)
  providerDepartment(@Root() a: ShareApplication): Department {
    return { id: a.providerDepartmentId };
  }

  @FieldResolver(() => Department)
  consumerDepartment(@Root() a: ShareApplication): Department {
    return { id: a.consumerDepartmentId };
  }
}

@Resolver(() => Department)
export class DepartmentSharingResolver {
  @Authorized(...STAFF)
  @FieldResolver(() => [ShareApplication], { description: 'the newest 100 applications this department made that the caller may read; page with shareApplications' })
  shareApplicationsAsConsumer(@Root() d: Department, @Ctx() ctx: SharingContext): Promise<ShareApplication[]> {
    const qb = restrictToReadable(ctx.ds.getRepository(ShareApplication).createQueryBuilder('a'), requireUser(ctx))
      .andWhere('a.consumerDepartmentId = :consumer', { consumer: d.id });
    return qb.orderBy('a.createdAt', 'DESC').addOrderBy('a.id', 'DESC').take(100).getMany();
  }
}
