// Public demand (003 §19, 001 §28): public users raise and support demands (counted); the authority of a covering
// region reviews the frequently requested ones; a refused requester may ask it to reconsider.
import { BadUserInputError, ConnectionType, ForbiddenError, PageArgs, regionCovers, requireUser } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { demandOrFail, raiseDemand, requestReconsideration, reviewDemand, supportDemand } from '../domain/demands';
import { OpenDataDemand, OpenDataDemandStatus } from '../entities/open-data-demand';
import { OpenDataDemandInput, OpenDataDemandReviewInput } from './demand.input';

const DemandConnection = ConnectionType(OpenDataDemand, 'OpenDataDemand');

@Resolver(() => OpenDataDemand)
export class OpenDataDemandResolver {
  @Authorized('public')
  @Mutation(() => OpenDataDemand, { description: 'a public user asks for data not yet open (003 §19)' })
  raiseOpenDataDemand(@Arg('input', () => OpenDataDemandInput) input: OpenDataDemandInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataDemand> {
    return raiseDemand(ctx.ds, requireUser(ctx), input, (e, m) => ctx.audit(e, m));
  }

  @Authorized('public')
  @Mutation(() => OpenDataDemand, { description: 'another user asks for the same data: the request count grows, once per user' })
  supportOpenDataDemand(@Arg('id', () => ID) id: string, @Ctx() ctx: OpenDataContext): Promise<OpenDataDemand> {
    return supportDemand(ctx.ds, requireUser(ctx), id, (e, m) => ctx.audit(e, m));
  }

  @Authorized('authority')
  @Mutation(() => OpenDataDemand, { description: 'the authority of a covering region decides an open demand or a reconsideration; a refusal gives reasons' })
  async reviewOpenDataDemand(@Arg('input', () => OpenDataDemandReviewInput) input: OpenDataDemandReviewInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataDemand> {
    const user = requireUser(ctx);
    const d = await demandOrFail(ctx.ds, input.id);
    if (!user.region || !regionCovers(user.region, d.regionCode)) throw new ForbiddenError('the authority of a region covering the demand decides it');
    return reviewDemand(ctx.ds, d.id, input.approve, input.reason ?? null, (e, m) => ctx.audit(e, m));
  }

  @Authorized('public')
  @Mutation(() => OpenDataDemand, { description: 'the requester of a refused demand asks the authority to reconsider (001 §28)' })
  reconsiderOpenDataDemand(
    @Arg('id', () => ID) id: string,
    @Arg('request', () => String) request: string,
    @Ctx() ctx: OpenDataContext,
  ): Promise<OpenDataDemand> {
    return requestReconsideration(ctx.ds, requireUser(ctx), id, checkRequest(request), (e, m) => ctx.audit(e, m));
  }

  // No @Authorized: demands are public (who asked is not shown), most requested first.
  @Query(() => DemandConnection, { description: 'public demands, most requested first; filter by status and region' })
  async openDataDemands(
    @Arg('status', () => OpenDataDemandStatus, { nullable: true }) status: OpenDataDemandStatus | null,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OpenDataContext,
  ) {
    const qb = ctx.ds.getRepository(OpenDataDemand).createQueryBuilder('d');
    if (status) qb.andWhere('d.status = :status', { status });
    if (regionCode) qb.andWhere('d.regionCode = :region', { region: regionCode });
    const totalCount = await qb.clone().getCount();
    // Ranked by count, then offset-paged: the cursor is the offset (a ranking has no stable keyset).
    const offset = page.after ? Math.max(0, Number(Buffer.from(page.after, 'base64').toString('utf8')) || 0) : 0;
    const rows = await qb.orderBy('d.requestCount', 'DESC').addOrderBy('d.createdAt', 'ASC').addOrderBy('d.id', 'ASC').skip(offset).take(page.first + 1).getMany();
    const nodes = rows.slice(0, page.first);
    const edges = nodes.map((node, i) => ({ cursor: Buffer.from(String(offset + i + 1)).toString('base64'), node }));
    await ctx.audit({ action: 'QUERY', items: ['openDataDemand'], detail: `rows=${edges.length}` });
    return { edges, totalCount, pageInfo: { hasNextPage: rows.length > page.first, endCursor: edges.at(-1)?.cursor ?? null } };
  }
}

function checkRequest(request: string): string {
  const t = request.trim();
  if (!t || t.length > 2000) throw BadUserInputError.field('request', 'between 1 and 2000 characters');
  return t;
}
