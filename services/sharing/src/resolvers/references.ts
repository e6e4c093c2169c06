// How the gateway loads entities of this subgraph referenced from elsewhere.
import type { ReferenceResolvers } from '@gov/kit';
import type { SharingContext } from '../context';
import { ShareApplication } from '../entities/share-application';
import { canReadApplication } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }) => ({ id: ref.id }),
  // The same read rule as the query: an application the caller may not read resolves to null.
  ShareApplication: async (ref: { id: string }, ctx: SharingContext) => {
    const a = await ctx.ds.getRepository(ShareApplication).findOneBy({ id: ref.id });
    return a && ctx.user && canReadApplication(ctx.user, a) ? a : null;
  },
};
