// Share grants (000 §16, §24): read and list (audited), subscribe to an UNCONDITIONAL resource, revoke, and sign the
// confidentiality agreement before the first delivery.
import {
  BadUserInputError, CONSUMERS, ConnectionType, DataResourceKey as DataResourceRef, fetchCatalogEntry, ForbiddenError, hasRole, isDuplicateKey,
  NotFoundError, PageArgs, paginate, regionCovers, requireDepartment, requireUser, STAFF,
} from '@gov/kit';
import { endOfChinaDay } from '@gov/working-days';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SharingContext } from '../context';
import { GrantStatus } from '../entities/enums';
import { ConfidentialityAgreement } from '../entities/confidentiality-agreement';
import { ShareGrant } from '../entities/grant';
import { Department } from '../entities/refs';
import { revoke, signAgreement, signalRevoked, subscribe } from '../domain/grants';
import { checkItems, checkPeriod } from '../domain/rules';
import { ShareGrantFilter, SubscriptionInput } from './grant.input';
import { canReadGrant, ownGrant, restrictGrantsToReadable } from './visibility';

const ShareGrantConnection = ConnectionType(ShareGrant, 'ShareGrant');

@Resolver(() => ShareGrant)
export class ShareGrantResolver {
  @Authorized(...STAFF)
  @Query(() => ShareGrantConnection, { description: 'grants the caller may read (its department as consumer or provider, or oversight), newest first' })
  async shareGrants(
    @Arg('filter', () => ShareGrantFilter, { nullable: true }) filter: ShareGrantFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SharingContext,
  ) {
    const qb = restrictGrantsToReadable(ctx.ds.getRepository(ShareGrant).createQueryBuilder('g'), requireUser(ctx));
    if (filter?.status) qb.andWhere('g.status = :gStatus', { gStatus: filter.status });
    if (filter?.resourceId) qb.andWhere('g.resourceId = :gRes', { gRes: filter.resourceId });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', resourceId: filter?.resourceId ?? null, detail: `share grants rows=${conn.edges.length}` });
    return conn;
  }

  @Authorized(...STAFF)
  @Query(() => ShareGrant, { nullable: true })
  async shareGrant(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ShareGrant | null> {
    const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id });
    if (!g) return null;
    if (!canReadGrant(requireUser(ctx), g)) throw new ForbiddenError(`not allowed to read grant ${id}`);
    await ctx.audit({ action: 'ACCESS', resourceId: g.resourceId, grantId: g.id, scenario: g.scenario, items: g.items, detail: 'share grant' });
    return g;
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ShareGrant, { description: 'subscribe to an UNCONDITIONAL resource: the grant exists at once (000 §16); the same idempotencyKey returns the same grant' })
  async subscribeToResource(@Arg('input', () => SubscriptionInput) input: SubscriptionInput, @Ctx() ctx: SharingContext): Promise<ShareGrant> {
    const user = requireDepartment(ctx);
    const grants = ctx.ds.getRepository(ShareGrant);
    const key = input.idempotencyKey ?? null;
    const retried = async (g: ShareGrant) => {
      await ctx.audit({ action: 'SHARE', resourceId: g.resourceId, grantId: g.id, scenario: g.scenario, items: g.items, detail: `subscription ${g.usageMode} (retry)` });
      return g;
    };
    const earlier = key ? await grants.findOneBy({ consumerDepartmentId: user.department, idempotencyKey: key }) : null;
    if (earlier) return retried(earlier);
    checkPeriod(input);
    const r = await fetchCatalogEntry(input.resourceId, user.token);
    if (!r || r.status !== 'PUBLISHED') throw BadUserInputError.field('resourceId', `no published catalog entry ${input.resourceId} is visible to your department`);
    if (r.shareType !== 'UNCONDITIONAL') throw BadUserInputError.field('resourceId', `this resource is ${r.shareType}: it needs an application (createShareApplication)`);
    if (r.departmentId === user.department) throw BadUserInputError.field('resourceId', 'a department does not subscribe to its own resources');
    checkItems('items', input.items, r);
    const expiresAt = endOfChinaDay(input.periodTo);
    if (expiresAt.getTime() <= Date.now()) throw BadUserInputError.field('periodTo', 'the period has already ended');
    try {
      return await ctx.ds.transaction(async (m) => {
        const g = await subscribe(m, ctx, user, r, input, expiresAt);
        await ctx.audit({ action: 'SHARE', resourceId: r.id, grantId: g.id, scenario: input.scenario, items: input.items, detail: `subscription ${input.usageMode} until ${input.periodTo}` }, m);
        return g;
      });
    } catch (e) {
      if (key && isDuplicateKey(e)) return retried(await grants.findOneByOrFail({ consumerDepartmentId: user.department, idempotencyKey: key }));
      throw e;
    }
  }

  @Authorized('dept-admin', 'dept-approver', 'authority')
  @Mutation(() => ShareGrant, { description: 'the provider department or the authority revokes a grant: no delivery from now on; revoking twice is harmless' })
  async revokeShareGrant(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: SharingContext): Promise<ShareGrant> {
    const user = requireUser(ctx);
    const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id });
    if (!g || !canReadGrant(user, g)) throw new NotFoundError('ShareGrant', id);
    const mayRevoke = user.department === g.providerDepartmentId && hasRole(user, 'dept-admin', 'dept-approver')
      || hasRole(user, 'authority') && !!user.region && regionCovers(user.region, g.providerRegionCode);
    if (!mayRevoke) throw new ForbiddenError('only the provider department or its authority revokes a grant');
    if (!reason.trim() || reason.length > 2000) throw BadUserInputError.field('reason', 'a revocation needs a reason (1-2000 characters)');
    const revoked = await ctx.ds.transaction(async (m) => {
      const next = g.status === GrantStatus.REVOKED ? g : await revoke(m, g, user.username, reason);
      await ctx.audit({ action: 'UPDATE', resourceId: g.resourceId, grantId: id, detail: g.status === GrantStatus.REVOKED ? 'grant already revoked' : 'grant revoked' }, m);
      return next;
    });
    if (g.status !== GrantStatus.REVOKED) await signalRevoked(ctx.temporal, id, user.username);
    return revoked;
  }

  @Authorized(...CONSUMERS)
  @Mutation(() => ConfidentialityAgreement, { description: '000 §24: the consumer signs the data-use and confidentiality agreement before the first delivery; signing twice is harmless' })
  async signConfidentialityAgreement(@Arg('grantId', () => ID) grantId: string, @Ctx() ctx: SharingContext): Promise<ConfidentialityAgreement> {
    const user = requireUser(ctx);
    const g = await ownGrant(ctx, grantId);
    return ctx.ds.transaction(async (m) => {
      const existing = await m.getRepository(ConfidentialityAgreement).findOneBy({ grantId });
      const signed = existing ?? await signAgreement(m, g, user.username);
      await ctx.audit({ action: 'UPDATE', resourceId: g.resourceId, grantId, detail: existing ? 'agreement already signed' : 'confidentiality agreement signed',
        done: existing ? null : { type: 'AGREEMENT_SIGN', id: grantId, title: `签署数据使用和保密协议：${g.scenario.slice(0, 60)}`, departmentId: g.consumerDepartmentId, regionCode: g.consumerRegionCode, outcome: 'SIGNED' } }, m);
      return signed;
    });
  }

  @FieldResolver(() => DataResourceRef, { nullable: true })
  resource(@Root() g: ShareGrant): DataResourceRef {
    return { id: g.resourceId };
  }

  @FieldResolver(() => Department, { description: 'the providing department (its name from catalog)' })
  providerDepartment(@Root() g: ShareGrant): Department {
    return { id: g.providerDepartmentId };
  }

  @FieldResolver(() => Department, { description: 'the consuming department (its name from catalog)' })
  consumerDepartment(@Root() g: ShareGrant): Department {
    return { id: g.consumerDepartmentId };
  }

  @FieldResolver(() => Boolean, { description: '000 §24: the agreement is signed' })
  agreementSigned(@Root() g: ShareGrant, @Ctx() ctx: SharingContext): Promise<boolean> {
    return ctx.ds.getRepository(ConfidentialityAgreement).existsBy({ grantId: g.id });
  }
}
