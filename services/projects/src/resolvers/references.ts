// How the gateway loads projects, and the Department stub this subgraph extends.
import type { ReferenceResolvers } from '@gov/kit';
import type { ProjectsContext } from '../context';
import { DigitalProject } from '../entities/digital-project';
import { canReadProjectsOf } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }) => ({ id: ref.id }),
  // The same rule as digitalProject(id): outside the caller's scope it resolves to null.
  DigitalProject: async (ref: { id: string }, ctx: ProjectsContext) => {
    const p = await ctx.ds.getRepository(DigitalProject).findOneBy({ id: ref.id });
    return p && ctx.user && canReadProjectsOf(ctx.user, p, ctx.config) ? p : null;
  },
};
