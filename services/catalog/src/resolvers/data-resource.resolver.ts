// Catalog entries (000 §8-9): read, list, facets, draft, edit a draft, retire; and the entry's fields from other tables.
import {
  BadUserInputError, ConnectionType, ForbiddenError, hasRole, NotFoundError, PageArgs, paginate, requireDepartment, requireUser, STAFF,
} from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { InformationSystem } from '../entities/information-system';
import { DataItem, DataResource } from '../entities/data-resource';
import { Department } from '../entities/department';
import { ResourceStatus } from '../entities/enums';
import { Region } from '../entities/region';
import { applyFilter, createDraft, facetsOf, retireEntry, updateDraft } from '../domain/data-resources';
import { checkCatalogRules } from '../domain/rules';
import { DataResourceFilter, DataResourceInput } from './data-resource.input';
import { Facet } from './data-resource.types';
import { assertAuthorityOver, canReadResource, loadForWrite, restrictToReadable } from './visibility';

export const DataResourceConnection = ConnectionType(DataResource, 'DataResource');

@Resolver(() => DataResource)
export class DataResourceResolver {
  @Authorized(...STAFF)
  @Query(() => DataResource, { nullable: true, description: 'one catalog entry, if the caller may read it' })
  async dataResource(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<DataResource | null> {
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id });
    if (!r) return null;
    if (!canReadResource(requireUser(ctx), r)) throw new ForbiddenError(`not allowed to read catalog entry ${id}`);
    // 004 §33: reading an unpublished entry is recorded before it is returned (no audit record, no data).
    if (r.status !== ResourceStatus.PUBLISHED) await ctx.audit({ action: 'ACCESS', resourceId: r.id, detail: `catalog entry status=${r.status}` });
    return r;
  }

  @Authorized(...STAFF)
  @Query(() => DataResourceConnection, { description: 'catalog entries the caller may read, newest first; keyword search works on Chinese text' })
  async dataResources(
    @Arg('filter', () => DataResourceFilter, { nullable: true }) filter: DataResourceFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CatalogContext,
  ) {
    const conn = await paginate(applyFilter(restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), requireUser(ctx)), filter), page);
    // One record per page that shows unpublished entries (004 §33), not one per row.
    const unpublished = conn.edges.filter((e) => e.node.status !== ResourceStatus.PUBLISHED);
    if (unpublished.length) {
      await ctx.audit({ action: 'QUERY', detail: `catalog list rows=${conn.edges.length} unpublished=${unpublished.length} ids=${unpublished.slice(0, 20).map((e) => e.node.id).join(',')}` });
    }
    return conn;
  }

  @Authorized(...STAFF)
  @Query(() => [Facet], { description: 'counts per category, share/open type, grade, department, region, status, theme for the same filter and visibility as dataResources' })
  dataResourceFacets(@Arg('filter', () => DataResourceFilter, { nullable: true }) filter: DataResourceFilter | null, @Ctx() ctx: CatalogContext): Promise<Facet[]> {
    return facetsOf(applyFilter(restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), requireUser(ctx)), filter));
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: "a department administrator drafts a catalog entry of the caller's department" })
  async createDataResource(@Arg('input', () => DataResourceInput) input: DataResourceInput, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const user = requireDepartment(ctx);
    checkCatalogRules(input);
    return ctx.ds.transaction(async (m) => {
      const r = await createDraft(m, input, user);
      await ctx.audit({ action: 'UPDATE', resourceId: r.id, detail: `catalog entry ${r.code} drafted` }, m);
      return r;
    });
  }

  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: 'edit a draft; a published entry is never edited in place (000 §9)' })
  async updateDataResource(
    @Arg('id', () => ID) id: string, @Arg('input', () => DataResourceInput) input: DataResourceInput, @Ctx() ctx: CatalogContext,
  ): Promise<DataResource> {
    const existing = await loadForWrite(ctx, id);
    if (existing.status === ResourceStatus.DRAFT) checkCatalogRules(input); // else updateDraft answers with the 000 §9 conflict
    return ctx.ds.transaction(async (m) => {
      const r = await updateDraft(m, existing, input);
      await ctx.audit({ action: 'UPDATE', resourceId: id, detail: `catalog draft ${r.code} edited` }, m);
      return r;
    });
  }

  @Authorized('dept-admin', 'authority')
  @Mutation(() => DataResource, { description: 'withdraw a published entry from the catalog; its versions stay queryable' })
  async retireDataResource(@Arg('id', () => ID) id: string, @Arg('reason') reason: string, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const user = requireUser(ctx);
    if (!reason.trim()) throw BadUserInputError.field('reason', 'retiring an entry needs a reason');
    const r = hasRole(user, 'authority') ? await ctx.ds.getRepository(DataResource).findOneBy({ id }) : await loadForWrite(ctx, id);
    if (!r) throw new NotFoundError('DataResource', id);
    if (hasRole(user, 'authority') && user.department !== r.departmentId) assertAuthorityOver(user, r.regionCode);
    return ctx.ds.transaction(async (m) => {
      const retired = await retireEntry(m, r, reason);
      await ctx.audit({ action: 'UPDATE', resourceId: id, detail: r.status === ResourceStatus.RETIRED ? 'catalog entry already retired' : 'catalog entry retired' }, m);
      return retired;
    });
  }

  @FieldResolver(() => [DataItem])
  items(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<DataItem[]> {
    return ctx.itemsByResource.load(r.id);
  }

  @FieldResolver(() => Department)
  async department(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<Department> {
    const d = await ctx.departmentById.load(r.departmentId);
    if (!d) throw new NotFoundError('Department', r.departmentId); // the foreign key makes this a data fault
    return d;
  }

  @FieldResolver(() => Region, { description: 'the region (tenant) of the providing department' })
  region(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<Region> {
    return ctx.ds.getRepository(Region).findOneByOrFail({ code: r.regionCode });
  }

  @FieldResolver(() => InformationSystem, { nullable: true })
  sourceSystem(@Root() r: DataResource, @Ctx() ctx: CatalogContext): Promise<InformationSystem | null> | null {
    return r.sourceSystemId ? ctx.ds.getRepository(InformationSystem).findOneBy({ id: r.sourceSystemId }) : null;
  }
}
