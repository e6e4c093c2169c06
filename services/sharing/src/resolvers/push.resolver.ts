// PUSH delivery: the consumer department names the endpoint that receives each load's records of its PUSH grant.
import { BadUserInputError, CONSUMERS, ConflictError, requireUser } from '@gov/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SharingContext } from '../context';
import { GrantStatus, ShareUsageMode } from '../entities/enums';
import { PushRegistration } from '../entities/push';
import { registerPush } from '../domain/delivery';
import { ownGrant } from './visibility';

@Resolver(() => PushRegistration)
export class PushResolver {
  @Authorized(...CONSUMERS)
  @Mutation(() => PushRegistration, { description: 'PUSH: the consumer department names the endpoint that receives each load\'s records of its PUSH grant, signed with HMAC-SM3; the secret is shown once' })
  async registerPushEndpoint(@Arg('grantId', () => ID) grantId: string, @Arg('url') url: string, @Ctx() ctx: SharingContext): Promise<PushRegistration> {
    const user = requireUser(ctx);
    const g = await ownGrant(ctx, grantId);
    if (g.usageMode !== ShareUsageMode.PUSH) throw BadUserInputError.field('grantId', `grant ${grantId} is for ${g.usageMode}, not PUSH`);
    if (g.status !== GrantStatus.ACTIVE) throw new ConflictError(`grant ${grantId} is ${g.status}`);
    if (url.length > 500 || !/^https?:\/\/[^\s]+$/.test(url)) throw BadUserInputError.field('url', 'an http(s) URL of at most 500 characters');
    return ctx.ds.transaction(async (m) => {
      const reg = await registerPush(m, ctx.policy, g, url, user.username);
      await ctx.audit({ action: 'UPDATE', resourceId: g.resourceId, grantId, detail: `push endpoint ${reg.endpoint.id} registered` }, m);
      return reg;
    });
  }
}
