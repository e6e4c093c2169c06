// Asking the authority to reclassify a NOT_SHARED resource (001 §21).
import { BadUserInputError, CONSUMERS, fetchCatalogEntry, requireDepartment } from '@gov/kit';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { SharingContext } from '../context';
import { ReclassificationRequest } from '../entities/reclassification-request';
import { requestReclassification } from '../domain/applications';

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
      const req = await requestReclassification(m, user, r, reason);
      await ctx.audit({ action: 'UPDATE', resourceId, detail: `reclassification request ${req.id}` }, m);
      return req;
    });
  }
}
