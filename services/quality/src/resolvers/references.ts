// How the gateway loads entities of this subgraph referenced from elsewhere.
import type { ReferenceResolvers } from '@gov/kit';
import type { QualityContext } from '../context';
import { QualityIssue } from '../entities/quality-issue';
import { canReadIssue } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }) => ({ id: ref.id }),
  DataResource: (ref: { id: string }) => ({ id: ref.id }),
  // The same read rule as the query: an issue the caller may not read resolves to null.
  QualityIssue: async (ref: { id: string }, ctx: QualityContext) => {
    const i = await ctx.ds.getRepository(QualityIssue).findOneBy({ id: ref.id });
    return i && ctx.user && canReadIssue(ctx.user, i) ? i : null;
  },
};
