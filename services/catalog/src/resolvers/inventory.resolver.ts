// The information-system inventory of a department and catalog coverage (002 §2(3)).
import {
  BadUserInputError, canAccessDepartment, ConnectionType, coveredRegionSql, ForbiddenError, hasRole, OVERSIGHT, PageArgs, paginate, regionCovers,
  requireDepartment, requireUser, STAFF,
} from '@gov/kit';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { InformationSystem } from '../entities/information-system';
import { coverageOf, registerSystem } from '../domain/inventory';
import { InformationSystemInput } from './inventory.input';
import { CatalogCoverage } from './inventory.types';
import { regionOfKnownDepartment } from './visibility';

const InformationSystemConnection = ConnectionType(InformationSystem, 'InformationSystem');

@Resolver(() => InformationSystem)
export class InformationSystemResolver {
  @Authorized('dept-admin')
  @Mutation(() => InformationSystem, { description: "add a system to the caller's department inventory (002 §2(3))" })
  async registerInformationSystem(@Arg('input', () => InformationSystemInput) input: InformationSystemInput, @Ctx() ctx: CatalogContext): Promise<InformationSystem> {
    const user = requireDepartment(ctx);
    return ctx.ds.transaction(async (m) => {
      const s = await registerSystem(m, user, input);
      await ctx.audit({ action: 'UPDATE', detail: `information system ${s.id} registered` }, m);
      return s;
    });
  }

  @Authorized(...STAFF)
  @Query(() => InformationSystemConnection)
  async informationSystems(@Arg('departmentId') departmentId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    const user = requireUser(ctx);
    if (!canAccessDepartment(user, { departmentId, regionCode: await regionOfKnownDepartment(ctx, departmentId) }, 'read')) throw new ForbiddenError(`may not read the inventory of ${departmentId}`);
    return paginate(ctx.ds.getRepository(InformationSystem).createQueryBuilder('s').where('s.departmentId = :d', { d: departmentId }), page);
  }

  @Authorized(...STAFF)
  @Query(() => CatalogCoverage, { description: 'coverage of one department, or of a region (a city includes its counties)' })
  async catalogCoverage(
    @Arg('departmentId', () => String, { nullable: true }) departmentId: string | null,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<CatalogCoverage> {
    const user = requireUser(ctx);
    if (!departmentId === !regionCode) throw BadUserInputError.field('departmentId', 'give exactly one of departmentId and regionCode');
    const qb = ctx.ds.getRepository(InformationSystem).createQueryBuilder('s');
    if (departmentId) {
      if (!canAccessDepartment(user, { departmentId, regionCode: await regionOfKnownDepartment(ctx, departmentId) }, 'read')) throw new ForbiddenError(`may not read the coverage of ${departmentId}`);
      qb.where('s.departmentId = :d', { d: departmentId });
    } else {
      if (!user.isService && !(hasRole(user, ...OVERSIGHT) && user.region && regionCovers(user.region, regionCode!))) {
        throw new ForbiddenError(`may not read the coverage of region ${regionCode}`);
      }
      const { sql, params } = coveredRegionSql('s.regionCode', regionCode!);
      qb.where(sql, params);
    }
    return coverageOf(ctx.ds.manager, qb);
  }
}
