// How the gateway loads catalog entities referenced from other subgraphs.
import type { ReferenceResolvers } from '@gov/kit';
import { DataResource } from '../entities/data-resource';
import { Department } from '../entities/department';
import { Region } from '../entities/region';
import type { CatalogContext } from '../context';
import { canReadResource } from './visibility';

export const references: ReferenceResolvers = {
  Department: (ref: { id: string }, ctx: CatalogContext) => ctx.ds.getRepository(Department).findOneBy({ id: ref.id }),
  Region: (ref: { code: string }, ctx: CatalogContext) => ctx.ds.getRepository(Region).findOneBy({ code: ref.code }),
  // Another subgraph may point at an entry the caller must not read: it resolves to null, never to the entry.
  DataResource: async (ref: { id: string }, ctx: CatalogContext) => {
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: ref.id });
    return r && ctx.user && canReadResource(ctx.user, r) ? r : null;
  },
};
