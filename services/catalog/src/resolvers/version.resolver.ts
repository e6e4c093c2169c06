// Published versions of an entry (000 §9): every one stays queryable, with a field-level diff between any two.
import { BadUserInputError, ConnectionType, PageArgs, paginate, STAFF } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { ResourceVersion } from '../entities/resource-version';
import { diffSnapshots, type Snapshot } from '../domain/versions';
import { FieldChange } from './data-resource.types';
import { loadReadable } from './visibility';

const ResourceVersionConnection = ConnectionType(ResourceVersion, 'ResourceVersion');

@Resolver(() => ResourceVersion)
export class ResourceVersionResolver {
  @Authorized(...STAFF)
  @Query(() => ResourceVersionConnection, { description: 'every published version of an entry, newest first (000 §9)' })
  async dataResourceVersions(@Arg('resourceId', () => ID) resourceId: string, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext) {
    await loadReadable(ctx, resourceId);
    return paginate(ctx.ds.getRepository(ResourceVersion).createQueryBuilder('v').where('v.resourceId = :vr', { vr: resourceId }), page);
  }

  @Authorized(...STAFF)
  @Query(() => [FieldChange], { description: 'field-level differences between two published versions of an entry' })
  async dataResourceDiff(
    @Arg('resourceId', () => ID) resourceId: string, @Arg('fromVersion', () => Int) fromVersion: number, @Arg('toVersion', () => Int) toVersion: number,
    @Ctx() ctx: CatalogContext,
  ): Promise<FieldChange[]> {
    await loadReadable(ctx, resourceId);
    const repo = ctx.ds.getRepository(ResourceVersion);
    const [a, b] = await Promise.all([repo.findOneBy({ resourceId, version: fromVersion }), repo.findOneBy({ resourceId, version: toVersion })]);
    if (!a) throw BadUserInputError.field('fromVersion', `version ${fromVersion} of this entry was never published`);
    if (!b) throw BadUserInputError.field('toVersion', `version ${toVersion} of this entry was never published`);
    return diffSnapshots(JSON.parse(a.snapshot) as Snapshot, JSON.parse(b.snapshot) as Snapshot);
  }

  @FieldResolver(() => String, { description: 'the entry and its items as published, JSON' })
  snapshotJson(@Root() v: ResourceVersion): string { return v.snapshot; }
}
