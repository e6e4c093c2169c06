// Share applications (001 §21, 000 §17): the consumer drafts, submits, disputes or withdraws; the parties of each step
// decide through the approval workflow; reads are audited.
import {
  awaitWorkflowEffect, BadUserInputError, CONSUMERS, ConflictError, ConnectionType, DataResourceKey as DataResourceRef, Deadline, deadlineOf, fetchCatalogEntry, ForbiddenError,
  isDuplicateKey, NotFoundError, PageArgs, paginate, requireDepartment, requireUser, STAFF,
} from '@gov/kit';
import { DISPUTE_WINDOW_WORKING_DAYS, STAGE_WORKING_DAYS, disputeSignal, shareApprovalWorkflowId, stageDecisionSignal, withdrawSignal } from '@gov/workflows';
import { WorkflowNotFoundError } from '@temporalio/client';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SharingContext } from '../context';
import { ApprovalStage, ShareApplicationStatus } from '../entities/enums';
import { Department } from '../entities/refs';
import { ShareApplication } from '../entities/share-application';
import { createDraft, submit, withdrawDraft } from '../domain/applications';
import { canDecide } from '../domain/approval';
import { checkAgainstResource, checkClearText, checkPeriod } from '../domain/rules';
import { ShareApplicationFilter, ShareApplicationInput } from './share-application.input';
import { canReadApplication, loadOwn, restrictToReadable } from './visibility';

const ShareApplicationConnection = ConnectionType(ShareApplication, 'ShareApplication');
/** Everyone who may decide some step: canDecide says which. */
const DECIDERS = ['authority', 'platform-operator', 'dept-admin', 'dept-approver'] as const;

/** The row as the workflow leaves it after a signal, or as it stands (pending) if the worker has not applied it yet. */
async function effect(ctx: SharingContext, id: string, applied: (a: ShareApplication) => boolean): Promise<ShareApplication> {
  const { value, pending } = await awaitWorkflowEffect(() => ctx.ds.getRepository(ShareApplication).findOneByOrFail({ id }), applied);
  return Object.assign(value, { pending });
}

@Resolver(() => ShareApplication)
export class ShareApplicationResolver {
  @Authorized(...STAFF)
  @Query(() => ShareApplication, { nullable: true, description: 'one share application, if the caller may read it' })
  async shareApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareApplication | null> {
    const a = await ctx.ds.getRepository(ShareApplication).findOneBy({ id });
    if (!a) return null;
    if (!canReadApplication(requireUser(ctx), a)) throw new ForbiddenError(`not allowed to read share application ${id}`);
    await ctx.audit({ action: 'ACCESS', resourceId: a.resourceId, scenario: a.scenario, items: a.requestedItems, detail: `share application ${id}` });
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
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', resourceId: filter?.resourceId ?? null, detail: `share applications rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ShareApplication, {
    description: "a department's staff apply for a published CONDITIONAL resource (draft); the same idempotencyKey returns the same application",
  })
  async createShareApplication(@Arg('input', () => ShareApplicationInput) input: ShareApplicationInput, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireDepartment(ctx);
    const repo = ctx.ds.getRepository(ShareApplication);
    const key = input.idempotencyKey ?? null;
    const retried = async (a: ShareApplication) => {
      await ctx.audit({ action: 'UPDATE', resourceId: a.resourceId, scenario: a.scenario, items: a.requestedItems, detail: `share application ${a.id} (retry)` });
      return a;
    };
    const existing = key ? await repo.findOneBy({ consumerDepartmentId: user.department, idempotencyKey: key }) : null;
    if (existing) return retried(existing); // answer as the first call did, whatever the catalog says now
    checkPeriod(input);
    checkClearText(input);
    const resource = checkAgainstResource(input, await fetchCatalogEntry(input.resourceId, user.token), user.department);
    try {
      return await ctx.ds.transaction(async (m) => {
        const a = await createDraft(m, user, resource, input);
        await ctx.audit({ action: 'UPDATE', resourceId: a.resourceId, scenario: a.scenario, items: a.requestedItems, detail: `share application ${a.id} drafted` }, m);
        return a;
      });
    } catch (e) {
      // Two concurrent retries with the same key: the loser returns the winner's application.
      if (key && isDuplicateKey(e)) return retried(await repo.findOneByOrFail({ consumerDepartmentId: user.department, idempotencyKey: key }));
      throw e;
    }
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ShareApplication, {
    description: 'the consumer submits its draft: the approval workflow (id = share-application-<id>) starts once, however often this is retried; '
      + '`pending` says the workflow has not opened the first step yet',
  })
  async submitShareApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const a = await loadOwn(ctx, id);
    if (a.status !== ShareApplicationStatus.DRAFT && !a.submittedAt) throw new ConflictError(`an application that is ${a.status} cannot be submitted`);
    const detail = `share application ${id} submitted`;
    if (a.status !== ShareApplicationStatus.DRAFT) { // a retried submit: the approval already runs (or ran)
      await ctx.audit({ action: 'UPDATE', resourceId: a.resourceId, scenario: a.scenario, detail: `${detail} (retry)` });
      return a;
    }
    await ctx.ds.transaction(async (m) => {
      await submit(m, ctx, a);
      await ctx.audit({ action: 'UPDATE', resourceId: a.resourceId, scenario: a.scenario, items: a.requestedItems, detail }, m);
    });
    return effect(ctx, id, (x) => x.stage !== null || x.status !== ShareApplicationStatus.SUBMITTED);
  }

  @Authorized(...DECIDERS)
  @Mutation(() => ShareApplication, {
    description: 'a decision on the open step: the provider (accept/reject within 5 working days, deliver within 1), the platform operator (file within 1), '
      + 'the authority (whole authorisation within 2, county → city review, arbitration), the county bureau (accept a county request for city data). '
      + 'A rejection needs a reason. `pending` says the decision is queued and the workflow has not applied it yet.',
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
    // The record follows the signal: it says what was handed to the workflow, or that the hand-over failed. The 已办
    // line is written by the workflow's recordDecision, once, when the decision is applied.
    const record = { action: 'APPROVE' as const, resourceId: a.resourceId, scenario: a.scenario, items: a.requestedItems, detail: `${stage} ${approve ? 'approved' : 'rejected'} application ${id}` };
    try {
      await ctx.temporal.workflow.getHandle(shareApprovalWorkflowId(id)).signal(stageDecisionSignal, {
        stage, approve, actor: user.username, reason: reason?.trim() || null, actorSub: user.sub, actorDepartment: user.department, actorRegion: user.region,
      });
    } catch (e) {
      await ctx.audit({ ...record, outcome: 'FAILURE', detail: `${record.detail}: not delivered to the approval workflow` });
      throw e;
    }
    await ctx.audit(record);
    return effect(ctx, id, (x) => x.stage !== stage);
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ShareApplication, { description: 'the applicant disputes a rejection within 5 working days: the authority arbitrates (001 §21); `pending` as for decisions' })
  async disputeShareApplication(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireUser(ctx);
    const a = await loadOwn(ctx, id);
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a dispute needs a reason (1-2000 characters)');
    const detail = `share application ${id} disputed`;
    if (a.status === ShareApplicationStatus.DISPUTED) { await ctx.audit({ action: 'UPDATE', resourceId: a.resourceId, detail: `${detail} (retry)` }); return a; }
    if (a.status !== ShareApplicationStatus.REJECTED || !a.stageDeadline) throw new ConflictError('only a rejection still open to dispute can be disputed');
    await ctx.audit({ action: 'UPDATE', resourceId: a.resourceId, scenario: a.scenario, detail });
    await ctx.temporal.workflow.getHandle(shareApprovalWorkflowId(id)).signal(disputeSignal, { actor: user.username, reason: reason.trim() });
    return effect(ctx, id, (x) => x.stage === ApprovalStage.ARBITRATION || x.status !== ShareApplicationStatus.REJECTED);
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ShareApplication, { description: 'the consumer department withdraws its application before the grant; withdrawing twice is harmless; `pending` as for decisions' })
  async withdrawShareApplication(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareApplication> {
    const user = requireUser(ctx);
    const a = await loadOwn(ctx, id);
    const audit = (detail: string) => ({ action: 'UPDATE' as const, resourceId: a.resourceId, scenario: a.scenario, detail: `share application ${id} ${detail}` });
    if (a.status === ShareApplicationStatus.WITHDRAWN) { await ctx.audit(audit('withdrawn (retry)')); return a; }
    if (a.status === ShareApplicationStatus.DRAFT) {
      return ctx.ds.transaction(async (m) => {
        const w = await withdrawDraft(m, id);
        await ctx.audit(audit('withdrawn'), m);
        return w;
      });
    }
    if (a.status === ShareApplicationStatus.GRANTED || (a.status === ShareApplicationStatus.REJECTED && !a.stageDeadline)) {
      throw new ConflictError(`an application that is ${a.status} can no longer be withdrawn`);
    }
    await ctx.audit(audit('withdrawn'));
    try {
      await ctx.temporal.workflow.getHandle(shareApprovalWorkflowId(id)).signal(withdrawSignal, { actor: user.username });
    } catch (e) {
      if (e instanceof WorkflowNotFoundError) throw new ConflictError('the approval has already ended');
      throw e;
    }
    return effect(ctx, id, (x) => x.status === ShareApplicationStatus.WITHDRAWN || x.status === ShareApplicationStatus.GRANTED);
  }

  @FieldResolver(() => Boolean, {
    description: 'true: your step is accepted and queued; the approval workflow has not applied it yet (read the application again later). '
      + 'Always false outside the answer of a submit/decide/dispute/withdraw mutation.',
  })
  pending(@Root() a: ShareApplication): boolean {
    return a.pending ?? false;
  }

  @FieldResolver(() => Deadline, { nullable: true, description: 'the open step\'s (or the dispute window\'s) deadline and the calendar it was counted on; provisional until that year\'s official calendar is loaded' })
  deadline(@Root() a: ShareApplication): Deadline | null {
    const workingDays = a.stage ? STAGE_WORKING_DAYS[a.stage] : a.status === ShareApplicationStatus.REJECTED ? DISPUTE_WINDOW_WORKING_DAYS : null;
    return deadlineOf(a.stageDeadline, { workingDays, version: a.stageCalendar });
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
  async shareApplicationsAsConsumer(@Root() d: Department, @Ctx() ctx: SharingContext): Promise<ShareApplication[]> {
    const rows = await restrictToReadable(ctx.ds.getRepository(ShareApplication).createQueryBuilder('a'), requireUser(ctx))
      .andWhere('a.consumerDepartmentId = :consumer', { consumer: d.id })
      .orderBy('a.createdAt', 'DESC').addOrderBy('a.id', 'DESC').take(100).getMany();
    await ctx.audit({ action: 'QUERY', detail: `share applications of ${d.id} rows=${rows.length}` });
    return rows;
  }
}
