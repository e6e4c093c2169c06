// A region's sharing settings: whole authorisation (整体授权, 004 §22-23).
import { requireRegion } from '@gov/kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { SharingContext } from '../context';
import { setWholeAuthorisation } from '../domain/applications';

@Resolver()
export class RegionSettingResolver {
  @Authorized('authority')
  @Mutation(() => Boolean, { description: "the authority switches its own region's whole authorisation (整体授权, 004 §22-23) for applications submitted from now on" })
  async setWholeAuthorisation(@Arg('enabled') enabled: boolean, @Ctx() ctx: SharingContext): Promise<boolean> {
    const user = requireRegion(ctx);
    await ctx.ds.transaction(async (m) => {
      await setWholeAuthorisation(m, user.region, enabled, user.username);
      await ctx.audit({ action: 'UPDATE', detail: `whole authorisation of ${user.region} enabled=${enabled}` }, m);
    });
    return enabled;
  }
}
