// SM4 key rotation (000 §25): re-encrypt every envelope security keeps under the active key.
import { ForbiddenError, isCity, requireUser } from '@gov/kit';
import { Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SecurityContext } from '../context';
import { rewrapAll } from '../domain/keys';
import { Sm4Rewrap } from './keys.types';

@Resolver()
export class KeysResolver {
  @Authorized('authority', 'platform-operator')
  @Mutation(() => Sm4Rewrap, { description: 're-encrypt every SM4 envelope security keeps under the active key (key rotation); city level' })
  async rewrapSm4Envelopes(@Ctx() ctx: SecurityContext): Promise<Sm4Rewrap> {
    const user = requireUser(ctx);
    if (!user.region || !isCity(user.region)) throw new ForbiddenError('key rotation is done at the city level');
    const rewrapped = await rewrapAll(ctx.ds, ctx.keyring);
    await ctx.audit({ action: 'UPDATE', items: ['sm4Keys'], detail: `rewrapped ${rewrapped} envelopes to key ${ctx.keyring.activeKeyId}` });
    return { activeKeyId: ctx.keyring.activeKeyId, rewrapped };
  }
}
