// The negative list (000 §4, 004 §7): a view over published NOT_SHARED entries with their legal basis.
import { PageArgs, paginate, requireUser, STAFF } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus, ShareType } from '../entities/enums';
import { DataResourceConnection } from './data-resource.resolver';
import { restrictToReadable } from './visibility';

@Resolver()
export class NegativeListResolver {
  @Authorized(...STAFF)
  @Query(() => DataResourceConnection, { description: 'the negative list: published NOT_SHARED entries with their legal basis (000 §4, 004 §7)' })
  negativeList(@Arg('regionCode', () => String, { nullable: true }) regionCode: string | null, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    const qb = restrictToReadable(ctx.ds.getRepository(DataResource).createQueryBuilder('r'), requireUser(ctx))
      .andWhere('r.status = :nlStatus AND r.shareType = :nlShare', { nlStatus: ResourceStatus.PUBLISHED, nlShare: ShareType.NOT_SHARED });
    if (regionCode) qb.andWhere('r.regionCode = :nlRegion', { nlRegion: regionCode });
    return paginate(qb, page);
  }
}
