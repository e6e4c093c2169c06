// How the gateway loads entities of this subgraph referenced from elsewhere.
import type { ReferenceResolvers } from '@gov/kit';
import type { OpenDataContext } from '../context';
import { OpenDataset } from '../entities/open-dataset';
import { canReadDataset } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }) => ({ id: ref.id }),
  // The same read rule as the query: a dataset the caller may not read resolves to null.
  OpenDataset: async (ref: { id: string }, ctx: OpenDataContext) => {
    const d = await ctx.ds.getRepository(OpenDataset).findOneBy({ id: ref.id });
    return d && canReadDataset(ctx.user, d) ? d : null;
  },
};
