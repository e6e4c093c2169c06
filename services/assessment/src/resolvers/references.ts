// How the gateway loads assessment entities, and the Department stub this subgraph extends.
import type { ReferenceResolvers } from '@gov/kit';
import type { AssessmentContext } from '../context';
import { AssessmentPeriod } from '../entities/assessment-period';
import { canReadAssessmentOf } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }) => ({ id: ref.id }),
  // The same rule as assessmentPeriod(id): outside the caller's scope it resolves to null.
  AssessmentPeriod: async (ref: { id: string }, ctx: AssessmentContext) => {
    const p = await ctx.ds.getRepository(AssessmentPeriod).findOneBy({ id: ref.id });
    return p && ctx.user && canReadAssessmentOf(ctx.user, p.regionCode) ? p : null;
  },
};
