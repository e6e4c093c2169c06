import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import {
  BadUserInputError, ConflictError, ConnectionType, DataResourceKey as DataResourceRef, ForbiddenError, NotFoundError, PageArgs, paginate, requireUser,
} from '@gov/kit';
import {
  disputeSignal, shareApprovalWorkflowId, stageDecisionSignal, withdrawSignal, workflowQueue, type ShareApprovalInput,
} from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { QueryFailedError } from 'typeorm';
import type { SharingContext } from '../context';
import { ApprovalStage, ShareApplicationStatus } from '../entities/enums';
import { RegionSharingSetting, ReclassificationRequest } from '../entities/grant';
import { ShareApplication } from '../entities/share-application';
import { Department } from '../entities/refs';
import { canDecide, waitForChange } from './approval';
import { fetchCatalogResource } from './catalog-client';
import { checkAgainstResource, checkClearText, checkPeriod } from './rules';
import { ShareApplicationFilter, ShareApplicationInput } from './share-application.input';
import { canReadApplication, restrictToReadable } from './visibility';

const ShareApplicationConnection = ConnectionType(ShareApplication, 'ShareApplication');
const STAFF = ['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor', 'service'] as const;
const APPLICANTS = ['dept-user', 'dept-admin'] as const;
const DECIDERS = ['authority', 'platform-operator', 'dept-admin', 'dept-approver'] as const;

export function isDuplicateKey(e: unknown): boolean {
  return e instanceof QueryFailedError && (e as QueryFailedError & { code?: string }).code === 'ER_DUP_ENTRY';
}

async function loadOwn(ctx: SharingContext, id: string): Promise<ShareApplication> {
  const user = requireUser(ctx);
  const a = await ctx.ds.getRepository(ShareApplication).findOneBy({ id });
  if (!a || !canReadApplication(user, a)) throw new NotFoundError('ShareApplication', id);
  if (user.department !== a.consumerDepartmentId) throw new ForbiddenError('only the applying (consumer) department may do this');
  return a;
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
    description: "a department's staff apply for a published CONDITIONAL resource (draft); the same idempotencyKey returns the same application",
  })
  async createShareApplication(@Arg('input', () => ShareApplicationInput) input: ShareApplicationInput, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
    const repo = ctx.ds.getRepository(ShareApplication);
    const key = input.idempotencyKey ?? null;
    const existing = key ? await repo.findOneBy({ consumerDepartmentId: user.department, idempotencyKey: key }) : null;
    if (existing) return existing; // a retry: answer as the first call did, whatever the catalog says now
    checkPeriod(input);
    checkClearText(input);
    const resource = checkAgainstResource(input, await fetchCatalogResource(input.resourceId, user.token), user.department);
    try {
      return await ctx.ds.transaction(async (m) => {
        const r = m.getRepository(ShareApplication);
        const id = randomUUID();
        await r.insert({
          id, resourceId: resource.id, providerDepartmentId: resource.departmentId, providerRegionCode: resource.regionCode,
          consumerDepartmentId: user.department!, regionCode: user.region!, requestedItems: input.requestedItems,
          scenario: input.scenario, purpose: input.purpose, usageMode: input.usageMode,
          clearText: input.clearText ?? false, clearTextReason: input.clearText ? input.clearTextReason!.trim() : null, periodFrom: input.periodFrom, periodTo: input.periodTo,
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
  @Mutation(() => ShareApplication, {
    description: 'the consumer submits its draft: the approval workflow (id = share-application-<id>) starts once, however often this is retried',
  })
  async submitShareApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const a = await loadOwn(ctx, id);
    if (a.status !== ShareApplicationStatus.DRAFT) {
      if (a.submittedAt) return a; // a retried submit: the approval already runs (or ran)
      throw new ConflictError(`an application that is ${a.status} cannot be submitted`);
    }
    const setting = await ctx.ds.getRepository(RegionSharingSetting).findOneBy({ regionCode: a.regionCode });
    const wholeAuthorisation = setting?.wholeAuthorisation ?? false;
    await ctx.ds.transaction(async (m) => {
      const changed = await m.getRepository(ShareApplication).update(
        { id, status: ShareApplicationStatus.DRAFT },
        { status: ShareApplicationStatus.SUBMITTED, submittedAt: new Date(), wholeAuthorisation },
      );
      if (!changed.affected) return; // a concurrent submit won: it starts the workflow
      const input: ShareApprovalInput = {
        applicationId: id, consumerRegionCode: a.regionCode, providerRegionCode: a.providerRegionCode, wholeAuthorisation,
      };
      try {
        // Started inside the transaction: if Temporal refuses, the application stays a draft.
        await ctx.temporal.workflow.start('shareApprovalWorkflow', {
          workflowId: shareApprovalWorkflowId(id), taskQueue: workflowQueue(ctx.taskQueuePrefix), args: [input],
        });
      } catch (e) {
        if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
      }
    });
    return waitForChange(ctx.ds, id, (x) => x.stage !== null || x.status !== ShareApplicationStatus.SUBMITTED);
  }

  @Authorized(...DECIDERS)
  @Mutation(() => ShareApplication, {
    description: 'a decision on the open step: the provider (accept/reject within 5 working days, deliver within 1), the platform operator (file within 1), '
      + 'the authority (whole authorisation within 2, county → city review, arbitration), the county bureau (accept a county request for city data). '
      + 'A rejection needs a reason.',
  })
  async decideShareApplication(
    @Arg('id', () => ID) id: string,
    @Arg('stage', () => ApprovalStage) stage: ApprovalStage,
    @Arg('approve') approve: boolean,
    @Arg('reason', () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: SharingContext,
  ): Promise<ShareApplication> {
    const user = requireUser(ctx);
    const a = await ctx.ds.getRepository(ShareApplication).findOneBy({ id });
    if (!a || !canReadApplication(user, a)) throw new NotFoundError('ShareApplication', id);
    if (!canDecide(user, stage, a)) throw new ForbiddenError(`you may not decide the ${stage} step of this application`);
    if (!approve && !reason?.trim()) throw BadUserInputError.field('reason', 'a rejection needs a reason');
    if (reason && reason.length > 2000) throw BadUserInputError.field('reason', 'at most 2000 characters');
    if (a.stage !== stage) throw new ConflictError(`the open step is ${a.stage ?? 'none'}, not ${stage}`);
    await ctx.audit({ action: 'APPROVE', resourceId: a.resourceId, scenario: a.scenario, items: a.requestedItems, detail: `${stage} ${approve ? 'approved' : 'rejected'} application ${id}` });
    await ctx.temporal.workflow.getHandle(shareApprovalWorkflowId(id))
      .signal(stageDecisionSignal, { stage, approve, actor: user.username, reason: reason?.trim() || null });
    return waitForChange(ctx.ds, id, (x) => x.stage !== stage);
  }

  @Authorized(...APPLICANTS)
  @Mutation(() => ShareApplication, { description: 'the applicant disputes a rejection within 5 working days: the authority arbitrates (001 §21)' })
  async disputeShareApplication(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireUser(ctx);
    const a = await loadOwn(ctx, id);
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a dispute needs a reason (1-2000 characters)');
    if (a.status === ShareApplicationStatus.DISPUTED) return a;
    if (a.status !== ShareApplicationStatus.REJECTED || !a.stageDeadline) throw new ConflictError('only a rejection still open to dispute can be disputed');
    await ctx.temporal.workflow.getHandle(shareApprovalWorkflowId(id)).signal(disputeSignal, { actor: user.username, reason: reason.trim() });
    return waitForChange(ctx.ds, id, (x) => x.stage === ApprovalStage.ARBITRATION || x.status !== ShareApplicationStatus.REJECTED);
  }

  @Authorized(...APPLICANTS)
  @Mutation(() => ShareApplication, { description: 'the consumer department withdraws its application before the grant; withdrawing twice is harmless' })
  async withdrawShareApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireUser(ctx);
    const a = await loadOwn(ctx, id);
    if (a.status === ShareApplicationStatus.WITHDRAWN) return a;
    if (a.status === ShareApplicationStatus.DRAFT) {
      await ctx.ds.getRepository(ShareApplication).update({ id, status: ShareApplicationStatus.DRAFT }, { status: ShareApplicationStatus.WITHDRAWN });
      return ctx.ds.getRepository(ShareApplication).findOneByOrFail({ id });
    }
    if (a.status === ShareApplicationStatus.GRANTED || (a.status === ShareApplicationStatus.REJECTED && !a.stageDeadline)) {
      throw new ConflictError(`an application that is ${a.status} can no longer be withdrawn`);
    }
    try {
      await ctx.temporal.workflow.getHandle(shareApprovalWorkflowId(id)).signal(withdrawSignal, { actor: user.username });
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw new ConflictError('the approval has already ended');
      throw e;
    }
    return waitForChange(ctx.ds, id, (x) => x.status === ShareApplicationStatus.WITHDRAWN || x.status === ShareApplicationStatus.GRANTED);
  }

  @Authorized('authority')
  @Mutation(() => Boolean, { description: "the authority switches its own region's whole authorisation (整体授权, 004 §22-23) for applications submitted from now on" })
  async setWholeAuthorisation(@Arg('enabled') enabled: boolean, @Ctx() ctx: SharingContext): Promise<boolean> {
    const user = requireUser(ctx);
    const regionCode = user.region;
    if (!regionCode) throw new ForbiddenError('the token carries no region');
    await ctx.ds.getRepository(RegionSharingSetting).upsert({ regionCode, wholeAuthorisation: enabled, updatedBy: user.username }, ['regionCode']);
    return enabled;
  }

  @Authorized(...APPLICANTS)
  @Mutation(() => ReclassificationRequest, { description: 'ask the authority to reclassify a NOT_SHARED resource (001 §21)' })
  async requestReclassification(@Arg('resourceId', () => ID) resourceId: string, @Arg('reason') reason: string, @Ctx() ctx: SharingContext): Promise<ReclassificationRequest> {
    const user = requireUser(ctx);
    if (!user.department || !user.region) throw new ForbiddenError('the token carries no department/region');
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a request needs a reason (1-2000 characters)');
    const r = await fetchCatalogResource(resourceId, user.token);
    if (!r) throw BadUserInputError.field('resourceId', `no catalog entry ${resourceId} is visible to your department`);
    if (r.shareType !== 'NOT_SHARED') throw BadUserInputError.field('resourceId', `this resource is ${r.shareType}: apply or subscribe instead`);
    const id = randomUUID();
    await ctx.ds.getRepository(ReclassificationRequest).insert({
      id, resourceId, providerDepartmentId: r.departmentId, providerRegionCode: r.regionCode, consumerDepartmentId: user.department,
      regionCode: user.region, reason: reason.trim(), status: 'OPEN', createdBy: user.username,
    });
    return ctx.ds.getRepository(ReclassificationRequest).findOneByOrFail({ id });
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
