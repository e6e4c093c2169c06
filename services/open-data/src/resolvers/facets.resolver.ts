// Facets of the open catalog (003 §19): how many datasets the caller may see per region and per theme, so a portal
// can offer the city's catalog with its counties rolled up, or one county's own.
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { OpenDatasetFilter } from './open-dataset.input';
import { filteredOpenDatasets } from './open-dataset.resolver';

@ObjectType()
export class OpenCatalogFacetCount {
  @Field({ description: 'a region code or a theme' }) value: string;
  @Field(() => Int) count: number;
}

@ObjectType({ description: 'counts of the datasets the caller may see under a filter' })
export class OpenCatalogFacets {
  @Field(() => Int) total: number;
  @Field(() => [OpenCatalogFacetCount], { description: 'per region (the city and each county)' }) regions: OpenCatalogFacetCount[];
  @Field(() => [OpenCatalogFacetCount]) themes: OpenCatalogFacetCount[];
}

@Resolver()
export class OpenCatalogFacetsResolver {
  // No @Authorized: the open portal's facets are public like the catalog; drafts count only where the caller sees them.
  @Query(() => OpenCatalogFacets, { description: "the open catalog's region and theme facets under a filter (003 §19)" })
  async openDatasetFacets(@Arg('filter', () => OpenDatasetFilter, { nullable: true }) filter: OpenDatasetFilter | null, @Ctx() ctx: OpenDataContext): Promise<OpenCatalogFacets> {
    const count = async (column: 'regionCode' | 'theme') => {
      const rows = await filteredOpenDatasets(ctx.ds, ctx.user, filter).select(`d.${column}`, 'value').addSelect('COUNT(*)', 'count')
        .groupBy(`d.${column}`).orderBy('count', 'DESC').addOrderBy('value', 'ASC').getRawMany<{ value: string; count: string | number }>();
      return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
    };
    const [regions, themes] = await Promise.all([count('regionCode'), count('theme')]);
    await ctx.audit({ action: 'QUERY', items: ['openDatasetFacets'], detail: `regions=${regions.length} themes=${themes.length}` });
    return { total: regions.reduce((n, r) => n + r.count, 0), regions, themes };
  }
}
