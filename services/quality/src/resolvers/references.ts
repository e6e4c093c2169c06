// How the gateway loads entities of this subgraph referenced from elsewhere.
import type { ReferenceResolvers } from '@gov/kit';
import type { QualityContext } from '../context';
import { InspectionRun } from '../entities/inspection';
import { Objection } from '../entities/objection';
import { QualityIssue } from '../entities/quality-issue';
import { canReadIssue, canReadResourceQuality } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }) => ({ id: ref.id }),
  DataResource: (ref: { id: string }) => ({ id: ref.id }),
  // The same read rules as the queries: what the caller may not read resolves to null.
  QualityIssue: async (ref: { id: string }, ctx: QualityContext) => {
    const i = await ctx.ds.getRepository(QualityIssue).findOneBy({ id: ref.id });
    return i && ctx.user && canReadIssue(ctx.user, i) ? i : null;
  },
  InspectionRun: async (ref: { id: string }, ctx: QualityContext) => {
    const r = await ctx.ds.getRepository(InspectionRun).findOneBy({ id: ref.id });
    return r && ctx.user && canReadResourceQuality(ctx.user, r) ? r : null;
  },
  Objection: async (ref: { id: string }, ctx: QualityContext) => {
    const o = await ctx.ds.getRepository(Objection).findOneBy({ id: ref.id });
    return o && ctx.user && (o.filedBySub === ctx.user.sub || canReadResourceQuality(ctx.user, o)) ? o : null;
  },
};
