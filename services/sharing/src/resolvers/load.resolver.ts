// Bulk loads into the exchange (the upload itself is the HTTP route routes/upload.route.ts): a load and its result.
import { canAccessDepartment, ForbiddenError, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { SharingContext } from '../context';
import { ExchangeLoad } from '../entities/exchange';

@Resolver(() => ExchangeLoad)
export class LoadResolver {
  @Authorized(...STAFF)
  @Query(() => ExchangeLoad, { nullable: true, description: 'a bulk load and its result (row + reason of each bad row)' })
  async exchangeLoad(@Arg('id', () => ID) id: string, @Ctx() ctx: SharingContext): Promise<ExchangeLoad | null> {
    const l = await ctx.ds.getRepository(ExchangeLoad).findOneBy({ id });
    if (!l) return null;
    if (!canAccessDepartment(requireUser(ctx), l, 'read')) throw new ForbiddenError(`not allowed to read load ${id}`);
    await ctx.audit({ action: 'ACCESS', resourceId: l.resourceId, detail: `exchange load ${id}` });
    return l;
  }
}
