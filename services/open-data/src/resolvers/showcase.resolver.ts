// Showcase (003 §29): a public user submits; the platform operator reviews before display; the authority features.
import { ConnectionType, PageArgs, hasRole, paginate, requireUser } from '@gov/kit';
import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { featureShowcase, reviewShowcase, submitShowcase } from '../domain/showcase';
import { OpenDataShowcase, ShowcaseStatus } from '../entities/open-data-showcase';
import { ShowcaseInput, ShowcaseReviewInput } from './showcase.input';

const ShowcaseConnection = ConnectionType(OpenDataShowcase, 'OpenDataShowcase');

@Resolver(() => OpenDataShowcase)
export class ShowcaseResolver {
  @Authorized('public')
  @Mutation(() => OpenDataShowcase, { description: 'a public user submits an application built on open data; shown once the operator approves it (003 §29)' })
  submitShowcase(@Arg('input', () => ShowcaseInput) input: ShowcaseInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataShowcase> {
    return submitShowcase(ctx.ds, requireUser(ctx), input, (e, m) => ctx.audit(e, m));
  }

  @Authorized('platform-operator')
  @Mutation(() => OpenDataShowcase, { description: 'the platform operator reviews a submitted case before display (003 §29)' })
  reviewShowcase(@Arg('input', () => ShowcaseReviewInput) input: ShowcaseReviewInput, @Ctx() ctx: OpenDataContext): Promise<OpenDataShowcase> {
    return reviewShowcase(ctx.ds, input.id, requireUser(ctx).username, input.approve, input.note ?? null, (e, m) => ctx.audit(e, m));
  }

  @Authorized('authority')
  @Mutation(() => OpenDataShowcase, { description: 'the authority features (or unfeatures) an approved case' })
  featureShowcase(@Arg('id', () => ID) id: string, @Arg('featured', () => Boolean) featured: boolean, @Ctx() ctx: OpenDataContext): Promise<OpenDataShowcase> {
    return featureShowcase(ctx.ds, id, featured, (e, m) => ctx.audit(e, m));
  }

  // No @Authorized: approved cases are public; the operator also sees the queue, a submitter their own.
  @Query(() => ShowcaseConnection, { description: 'the showcase: approved cases for anyone (featured first within a page); the review queue for the operator' })
  async showcases(
    @Arg('status', () => ShowcaseStatus, { defaultValue: ShowcaseStatus.APPROVED }) status: ShowcaseStatus,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: OpenDataContext,
  ) {
    const qb = ctx.ds.getRepository(OpenDataShowcase).createQueryBuilder('s').where('s.status = :status', { status });
    const user = ctx.user;
    if (status !== ShowcaseStatus.APPROVED && !(user && (user.isService || hasRole(user, 'platform-operator', 'authority')))) {
      qb.andWhere('s.submitterSub = :sub', { sub: user?.sub ?? '-' });
    }
    const conn = await paginate(qb, page);
    conn.edges.sort((a, b) => Number(b.node.featured) - Number(a.node.featured));
    await ctx.audit({ action: 'QUERY', items: ['showcase'], detail: `status=${status} rows=${conn.edges.length}` });
    return conn;
  }
}
