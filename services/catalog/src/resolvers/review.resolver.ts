// The review of a catalog entry (000 §8): the department submits, the authority decides through the review workflow.
import { awaitWorkflowEffect, BadUserInputError, ConflictError, NotFoundError, requireUser } from '@gov/kit';
import { catalogReviewWorkflowId, reviewDecisionSignal } from '@gov/workflows';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus } from '../entities/enums';
import { submitForReview } from '../domain/review';
import { PENDING_DESCRIPTION } from './data-resource.types';
import { assertAuthorityOver, loadForWrite } from './visibility';

@Resolver(() => DataResource)
export class ReviewResolver {
  @Authorized('dept-admin')
  @Mutation(() => DataResource, { description: 'submit a draft for review by the authority; retrying is harmless' })
  async submitDataResource(@Arg('id', () => ID) id: string, @Ctx() ctx: CatalogContext): Promise<DataResource> {
    const user = requireUser(ctx);
    const existing = await loadForWrite(ctx, id);
    return ctx.ds.transaction(async (m) => {
      // A retried submit: the review already runs.
      const r = existing.status === ResourceStatus.SUBMITTED ? existing : await submitForReview(m, ctx, existing, user.username, ctx.reviewWorkingDays);
      await ctx.audit({ action: 'UPDATE', resourceId: id, detail: `catalog entry submitted for review (submission ${r.submissionCount})` }, m);
      return r;
    });
  }

  @Authorized('authority')
  @Mutation(() => DataResource, {
    description: "the authority's decision on a submitted entry: approve publishes it, reject returns it to draft; `pending` says the workflow has yet to apply it",
  })
  async reviewDataResource(
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: CatalogContext,
  ): Promise<DataResource> {
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(DataResource);
    const r = await repo.findOneBy({ id });
    if (!r) throw new NotFoundError('DataResource', id);
    assertAuthorityOver(user, r.regionCode);
    if (r.status !== ResourceStatus.SUBMITTED) throw new ConflictError(`only a submitted entry can be reviewed; this entry is ${r.status}`);
    if (!approve && !comment?.trim()) throw new BadUserInputError({ field: 'comment', reason: 'a rejection needs a reason' });
    // Recorded before the decision is sent: no audit record, no decision.
    await ctx.audit({ action: 'APPROVE', resourceId: id, detail: `catalog review approve=${approve}`,
      done: { type: 'CATALOG_REVIEW', id, title: `目录审核：${r.name}`, departmentId: r.departmentId, regionCode: r.regionCode, outcome: approve ? 'APPROVED' : 'REJECTED' } });
    await ctx.temporal.workflow.getHandle(catalogReviewWorkflowId(id, r.submissionCount)).signal(reviewDecisionSignal, { approve, reviewer: user.username, comment });
    const { value, pending } = await awaitWorkflowEffect(() => repo.findOneByOrFail({ id }), (x) => x.status !== ResourceStatus.SUBMITTED);
    return Object.assign(value, { pending });
  }

  @FieldResolver(() => Boolean, { description: PENDING_DESCRIPTION })
  pending(@Root() r: DataResource): boolean {
    return r.pending ?? false;
  }
}
