// The responsibility list (000 §4,7): what the authority says a department must share, and which entry answers it.
import { BadUserInputError, ConnectionType, ForbiddenError, NotFoundError, PageArgs, paginate, regionCovers, requireUser, STAFF } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { ResponsibilityItem } from '../entities/responsibility-item';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus } from '../entities/enums';
import { departmentOrFail, linkResponsibility, publishResponsibility } from '../domain/inventory';
import { canReadLists, canReadResource, regionOfKnownDepartment } from './visibility';

const ResponsibilityItemConnection = ConnectionType(ResponsibilityItem, 'ResponsibilityItem');

@Resolver(() => ResponsibilityItem)
export class ResponsibilityResolver {
  @Authorized('authority')
  @Mutation(() => ResponsibilityItem, { description: '000 §4,7: the authority publishes what a department must share' })
  async publishResponsibilityItem(
    @Arg('departmentId') departmentId: string, @Arg('name') name: string, @Arg('description', () => String, { nullable: true }) description: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<ResponsibilityItem> {
    const user = requireUser(ctx);
    if (!name.trim() || name.length > 200) throw BadUserInputError.field('name', '1-200 characters');
    const dept = await departmentOrFail(ctx.ds.manager, departmentId, 'departmentId');
    if (!user.region || !regionCovers(user.region, dept.regionCode)) throw new ForbiddenError('this department is outside your authority');
    return ctx.ds.transaction(async (m) => {
      const item = await publishResponsibility(m, dept, { name, description }, user.username);
      await ctx.audit({ action: 'UPDATE', detail: `responsibility item ${item.id} of ${departmentId} published` }, m);
      return item;
    });
  }

  @Authorized('dept-admin')
  @Mutation(() => ResponsibilityItem, { description: 'the department names the catalog entry that answers a line of its responsibility list' })
  async linkResponsibilityItem(@Arg('id', () => ID) id: string, @Arg('resourceId', () => ID) resourceId: string, @Ctx() ctx: CatalogContext): Promise<ResponsibilityItem> {
    const user = requireUser(ctx);
    const item = await ctx.ds.getRepository(ResponsibilityItem).findOneBy({ id });
    if (!item) throw new NotFoundError('ResponsibilityItem', id);
    if (user.department !== item.departmentId) throw new ForbiddenError('only the listed department links its responsibility items');
    return ctx.ds.transaction(async (m) => {
      const linked = await linkResponsibility(m, item, resourceId);
      await ctx.audit({ action: 'UPDATE', resourceId, detail: `responsibility item ${id} linked` }, m);
      return linked;
    });
  }

  @Authorized(...STAFF)
  @Query(() => ResponsibilityItemConnection, { description: "a department's responsibility list, with what is catalogued and mounted" })
  async responsibilityList(@Arg('departmentId') departmentId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    if (!canReadLists(requireUser(ctx), departmentId, await regionOfKnownDepartment(ctx, departmentId))) throw new ForbiddenError(`may not read the lists of ${departmentId}`);
    return paginate(ctx.ds.getRepository(ResponsibilityItem).createQueryBuilder('l').where('l.departmentId = :d', { d: departmentId }), page);
  }

  @FieldResolver(() => Boolean, { description: 'the linked entry is published' })
  async catalogued(@Root() l: ResponsibilityItem, @Ctx() ctx: CatalogContext): Promise<boolean> {
    return !!l.resourceId && (await ctx.ds.getRepository(DataResource).existsBy({ id: l.resourceId, status: ResourceStatus.PUBLISHED }));
  }

  @FieldResolver(() => Boolean, { description: 'the linked entry is published and mounted (000 §13)' })
  async mounted(@Root() l: ResponsibilityItem, @Ctx() ctx: CatalogContext): Promise<boolean> {
    if (!l.resourceId) return false;
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: l.resourceId });
    return !!r && r.status === ResourceStatus.PUBLISHED && r.mountKind !== null;
  }

  @FieldResolver(() => DataResource, { nullable: true })
  async resource(@Root() l: ResponsibilityItem, @Ctx() ctx: CatalogContext): Promise<DataResource | null> {
    if (!l.resourceId) return null;
    const r = await ctx.ds.getRepository(DataResource).findOneBy({ id: l.resourceId });
    return r && canReadResource(requireUser(ctx), r) ? r : null;
  }
}
