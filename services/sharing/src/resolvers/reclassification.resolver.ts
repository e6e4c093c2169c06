// Reclassifying a NOT_SHARED resource (001 §21): a department asks, the providing department gives its opinion within
// a working-day deadline, the authority of a region covering the provider decides; an approval changes the catalog
// entry through catalog's reviewed change path (new version, diff, audit) and the requester sees the outcome.
import {
  BadUserInputError, CONSUMERS, ConnectionType, fetchCatalogEntry, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate, regionCovers,
  requireDepartment, requireUser, STAFF,
} from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SharingContext } from '../context';
import { ReclassificationRequest, ReclassificationStatus } from '../entities/reclassification-request';
import {
  applyInCatalog, assertDecidable, giveOpinion, reclassificationDecisionNotice, recordDecision, requestReclassification, signalAnswered, type Decision,
} from '../domain/reclassification';
import { ReclassificationDecisionInput, SharedType } from './reclassification.input';
import { restrictReclassifications } from './visibility';

const ReclassificationConnection = ConnectionType(ReclassificationRequest, 'ReclassificationRequest');

async function load(ctx: SharingContext, id: string): Promise<ReclassificationRequest> {
  const req = await ctx.ds.getRepository(ReclassificationRequest).findOneBy({ id });
  if (!req) throw new NotFoundError('ReclassificationRequest', id);
  return req;
}

@Resolver(() => ReclassificationRequest)
export class ReclassificationResolver {
  @Authorized(...CONSUMERS)
  @Mutation(() => ReclassificationRequest, { description: 'ask the authority to reclassify a NOT_SHARED resource (001 §21)' })
  async requestReclassification(@Arg('resourceId', () => ID) resourceId: string, @Arg('reason') reason: string, @Ctx() ctx: SharingContext): Promise<ReclassificationRequest> {
    const user = requireDepartment(ctx);
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a request needs a reason (1-2000 characters)');
    const r = await fetchCatalogEntry(resourceId, user.token);
    if (!r) throw BadUserInputError.field('resourceId', `no catalog entry ${resourceId} is visible to your department`);
    if (r.shareType !== 'NOT_SHARED') throw BadUserInputError.field('resourceId', `this resource is ${r.shareType}: apply or subscribe instead`);
    return ctx.ds.transaction(async (m) => {
      const req = await requestReclassification(m, ctx, user, r, reason, ctx.reclassificationOpinionWorkingDays);
      await ctx.audit({ action: 'UPDATE', resourceId, detail: `reclassification request ${req.id}` }, m);
      return req;
    });
  }

  @Authorized(...STAFF)
  @Query(() => ReclassificationConnection, { description: 'reclassification requests of the caller’s department (as requester or provider) or of the regions it oversees (001 §21)' })
  async reclassificationRequests(
    @Arg('status', () => ReclassificationStatus, { nullable: true }) status: ReclassificationStatus | null,
    @Arg('resourceId', () => ID, { nullable: true }) resourceId: string | null,
    @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: SharingContext,
  ) {
    const qb = restrictReclassifications(ctx.ds.getRepository(ReclassificationRequest).createQueryBuilder('rc'), requireUser(ctx));
    if (status) qb.andWhere('rc.status = :rcStatus', { rcStatus: status });
    if (resourceId) qb.andWhere('rc.resourceId = :rcRes', { rcRes: resourceId });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', resourceId, detail: `reclassification requests rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized('dept-admin', 'dept-approver')
  @Mutation(() => ReclassificationRequest, { description: "the providing department's opinion on a reclassification request, before its deadline (001 §21)" })
  async giveReclassificationOpinion(
    @Arg('id', () => ID) id: string, @Arg('agree') agree: boolean, @Arg('opinion') opinion: string, @Ctx() ctx: SharingContext,
  ): Promise<ReclassificationRequest> {
    const user = requireDepartment(ctx);
    const req = await load(ctx, id);
    if (req.providerDepartmentId !== user.department) throw new ForbiddenError('only the providing department gives its opinion');
    if (!opinion.trim() || opinion.length > 2000) throw BadUserInputError.field('opinion', 'an opinion needs its reasons (1-2000 characters)');
    const done = await ctx.ds.transaction(async (m) => {
      const given = await giveOpinion(m, id, agree, opinion, user.username);
      await ctx.audit({ action: 'UPDATE', resourceId: req.resourceId, detail: `reclassification ${id} provider opinion agree=${agree}`,
        done: { type: 'RECLASSIFICATION_OPINION', id, stage: req.status, title: `共享属性调整申请：${req.reason.slice(0, 60)}`, departmentId: req.providerDepartmentId, regionCode: req.providerRegionCode, outcome: agree ? 'AGREED' : 'DISAGREED' } }, m);
      return given;
    });
    await signalAnswered(ctx.temporal, id, user.username);
    return done;
  }

  @Authorized('authority')
  @Mutation(() => ReclassificationRequest, {
    description: "the authority's decision (001 §21): an approval changes the entry's share type through catalog's reviewed change (new version); a refusal gives reasons",
  })
  async decideReclassification(
    @Arg('id', () => ID) id: string, @Arg('input', () => ReclassificationDecisionInput) input: ReclassificationDecisionInput, @Ctx() ctx: SharingContext,
  ): Promise<ReclassificationRequest> {
    const user = requireUser(ctx);
    const req = await load(ctx, id);
    if (!user.region || !hasRole(user, 'authority') || !regionCovers(user.region, req.providerRegionCode)) {
      throw new ForbiddenError('only the authority of a region covering the providing department decides');
    }
    assertDecidable(req);
    if (!input.approve && !input.reason?.trim()) throw BadUserInputError.field('input.reason', 'a refusal gives its reasons (001 §21)');
    if (input.approve && !input.shareType) throw BadUserInputError.field('input.shareType', 'an approval names the new share type');
    if (input.approve && input.shareType === SharedType.CONDITIONAL && !input.shareCondition?.trim()) {
      throw BadUserInputError.field('input.shareCondition', 'CONDITIONAL sharing must state its conditions');
    }
    const d: Decision = {
      approve: input.approve, reason: input.reason ?? null, by: user.username,
      shareType: input.approve ? input.shareType! : null, shareCondition: input.approve && input.shareType === SharedType.CONDITIONAL ? input.shareCondition!.trim() : null,
    };
    const decided = await ctx.ds.transaction(async (m) => {
      // The row stays locked while catalog applies the change: two deciders cannot both act (one approving, one refusing).
      const locked = await m.getRepository(ReclassificationRequest).findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
      assertDecidable(locked);
      // Catalog is idempotent per request id: if anything here fails, the decision can be retried.
      const change = input.approve ? await applyInCatalog(locked, d) : null;
      const done = await recordDecision(m, locked, d, change);
      await ctx.audit({
        action: 'APPROVE', resourceId: req.resourceId,
        detail: `reclassification ${id} approve=${input.approve}${change ? ` shareType=${d.shareType} catalogChange=${change.id} version=${change.newVersion ?? 'pending'}` : ''}`,
        notify: reclassificationDecisionNotice(locked, input.approve),
        done: { type: 'RECLASSIFICATION_DECISION', id, stage: locked.status, title: `共享属性调整申请：${locked.reason.slice(0, 60)}`, departmentId: locked.providerDepartmentId, regionCode: locked.providerRegionCode, outcome: input.approve ? 'APPROVED' : 'REFUSED' },
      }, m);
      return done;
    });
    await signalAnswered(ctx.temporal, id, user.username);
    return decided;
  }

  @FieldResolver(() => Boolean, { description: "true: catalog's change workflow has yet to publish the new version (the worker is behind)" })
  pending(@Root() r: ReclassificationRequest): boolean {
    return r.pending ?? false;
  }
}
