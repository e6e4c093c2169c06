// Regions and departments are public reference data (names and codes only).
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireUser } from '@gov/kit';
import { Department } from '../entities/department';
import { Region } from '../entities/region';
import type { CatalogContext } from '../context';

@ObjectType({ description: 'the caller, as its token says' })
export class Viewer {
  @Field() username: string;
  @Field(() => [String]) roles: string[];
  @Field(() => String, { nullable: true }) departmentId: string | null;
  @Field(() => String, { nullable: true }) regionCode: string | null;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region])
  regions(@Ctx() ctx: CatalogContext): Promise<Region[]> {
    return ctx.ds.getRepository(Region).find({ order: { code: 'ASC' } });
  }

  @FieldResolver(() => [Department])
  departments(@Root() r: Region, @Ctx() ctx: CatalogContext): Promise<Department[]> {
    return ctx.ds.getRepository(Department).find({ where: { regionCode: r.code }, order: { id: 'ASC' } });
  }
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Query(() => Department, { nullable: true })
  department(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<Department | null> {
    return ctx.ds.getRepository(Department).findOneBy({ id });
  }

  @Query(() => [Department])
  departments(@Arg('regionCode', () => String, { nullable: true }) regionCode: string | null, @Ctx() ctx: CatalogContext): Promise<Department[]> {
    return ctx.ds.getRepository(Department).find({ where: regionCode ? { regionCode } : {}, order: { id: 'ASC' } });
  }

  @FieldResolver(() => Region)
  region(@Root() d: Department, @Ctx() ctx: CatalogContext): Promise<Region> {
    return ctx.ds.getRepository(Region).findOneByOrFail({ code: d.regionCode });
  }
}

@Resolver(() => Viewer)
export class ViewerResolver {
  @Authorized()
  @Query(() => Viewer)
  me(@Ctx() ctx: CatalogContext): Viewer {
    const u = requireUser(ctx);
    return { username: u.username, roles: u.roles, departmentId: u.department, regionCode: u.region };
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() v: Viewer, @Ctx() ctx: CatalogContext): Promise<Department | null> | null {
    return v.departmentId ? ctx.ds.getRepository(Department).findOneBy({ id: v.departmentId }) : null;
  }
}
