// The consumer's security capability check (000 §24), recorded with the agreement of a grant: the consumer declares,
// the provider department or the platform operator confirms; deliveries wait for a passed check (visibility.usableGrant).
import { BadUserInputError, CONSUMERS, ForbiddenError, hasRole, NotFoundError, regionCovers, requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { SharingContext } from '../context';
import { ShareGrant } from '../entities/grant';
import { SecurityCapabilityCheck } from '../entities/security-capability-check';
import { assertConsumerPlan, confirmCapability, declareCapability } from '../domain/capability';
import { SecurityCapabilityInput } from './capability.input';
import { canReadGrant, ownGrant } from './visibility';

@Resolver(() => SecurityCapabilityCheck)
export class SecurityCapabilityResolver {
  @Authorized(...CONSUMERS)
  @Mutation(() => SecurityCapabilityCheck, { description: "000 §24: the consumer department declares its security measures for a grant; re-declared until confirmed (or after a failure)" })
  async declareSecurityCapability(
    @Arg('grantId', () => ID) grantId: string, @Arg('input', () => SecurityCapabilityInput) input: SecurityCapabilityInput, @Ctx() ctx: SharingContext,
  ): Promise<SecurityCapabilityCheck> {
    const g = await ownGrant(ctx, grantId);
    await assertConsumerPlan(input.emergencyPlanId, g.consumerDepartmentId);
    return ctx.ds.transaction(async (m) => {
      const c = await declareCapability(m, ctx.policy.cipher, g, input, requireUser(ctx).username);
      await ctx.audit({ action: 'UPDATE', resourceId: g.resourceId, grantId, detail: `security capability declared: 等保 level ${input.gradeProtectionLevel}, plan ${input.emergencyPlanId}` }, m);
      return c;
    });
  }

  @Authorized('dept-admin', 'dept-approver', 'platform-operator')
  @Mutation(() => SecurityCapabilityCheck, { description: "000 §24: the provider department or the platform operator confirms the consumer's declared measures (or finds them insufficient, with remarks)" })
  async confirmSecurityCapability(
    @Arg('grantId', () => ID) grantId: string, @Arg('passed') passed: boolean, @Arg('remarks', () => String, { nullable: true }) remarks: string | null,
    @Ctx() ctx: SharingContext,
  ): Promise<SecurityCapabilityCheck> {
    const user = requireUser(ctx);
    const g = await ctx.ds.getRepository(ShareGrant).findOneBy({ id: grantId });
    if (!g || !canReadGrant(user, g)) throw new NotFoundError('ShareGrant', grantId);
    const mayConfirm = hasRole(user, 'dept-admin', 'dept-approver') && user.department === g.providerDepartmentId
      || hasRole(user, 'platform-operator') && !!user.region && (regionCovers(user.region, g.providerRegionCode) || regionCovers(user.region, g.consumerRegionCode));
    if (!mayConfirm) throw new ForbiddenError('only the provider department or the platform operator confirms the consumer\'s security capability');
    const why = remarks?.trim() || null;
    if (why && why.length > 2000) throw BadUserInputError.field('remarks', 'at most 2000 characters');
    if (!passed && !why) throw BadUserInputError.field('remarks', 'say what is insufficient when the check fails');
    return ctx.ds.transaction(async (m) => {
      const { check, changed } = await confirmCapability(m, grantId, passed, why, user.username);
      await ctx.audit({ action: 'APPROVE', resourceId: g.resourceId, grantId, detail: `security capability ${passed ? 'passed' : 'failed'}${changed ? '' : ' (already recorded)'}` }, m);
      return check;
    });
  }

  @FieldResolver(() => String, { description: 'the consumer department\'s security manager' })
  responsiblePerson(@Root() c: SecurityCapabilityCheck, @Ctx() ctx: SharingContext): string {
    return ctx.policy.cipher.reveal(c.responsiblePersonEnc);
  }
}

@Resolver(() => ShareGrant)
export class GrantCapabilityResolver {
  @FieldResolver(() => SecurityCapabilityCheck, { nullable: true, description: "000 §24: the consumer's security capability check (no delivery before it has passed)" })
  securityCapability(@Root() g: ShareGrant, @Ctx() ctx: SharingContext): Promise<SecurityCapabilityCheck | null> {
    return ctx.ds.getRepository(SecurityCapabilityCheck).findOneBy({ grantId: g.id });
  }
}
