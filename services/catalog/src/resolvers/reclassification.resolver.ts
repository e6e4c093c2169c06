// 001 §21: sharing applies the authority's reclassification decision through catalog's reviewed change path — a change
// request with basis RECLASSIFIED, approved in the authority's name by the change workflow (new version, diff).
import { awaitWorkflowEffect, NotFoundError, requireUser } from '@gov/kit';
import { catalogChangeWorkflowId, changeDecisionSignal } from '@gov/workflows';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { ChangeRequest } from '../entities/change-request';
import { DataResource } from '../entities/data-resource';
import { ChangeBasis, ChangeStatus } from '../entities/enums';
import { fileChange } from '../domain/changes';
import { reclassifiedEntry } from '../domain/reclassification';
import { ReclassificationChangeInput } from './reclassification.input';

@Resolver(() => ChangeRequest)
export class ReclassificationResolver {
  @Authorized('service')
  @Mutation(() => ChangeRequest, { description: "service-only: sharing applies the authority's decision to share a NOT_SHARED entry (001 §21); idempotent per request" })
  async applyReclassification(@Arg('input', () => ReclassificationChangeInput) input: ReclassificationChangeInput, @Ctx() ctx: CatalogContext): Promise<ChangeRequest> {
    requireUser(ctx);
    const repo = ctx.ds.getRepository(ChangeRequest);
    if (!(await repo.existsBy({ id: input.reclassificationId }))) {
      await ctx.ds.transaction(async (m) => {
        const r = await m.getRepository(DataResource).findOne({ where: { id: input.resourceId }, lock: { mode: 'pessimistic_write' } });
        if (!r) throw new NotFoundError('DataResource', input.resourceId);
        const entry = await reclassifiedEntry(m, r, input.shareType, input.shareCondition ?? null);
        const filing = { basis: ChangeBasis.RECLASSIFIED, reason: input.reason, effectiveDate: null, entry };
        const cr = await fileChange(m, ctx, r, filing, input.reviewer, ctx.reviewWorkingDays, input.reclassificationId);
        await ctx.audit({ action: 'APPROVE', resourceId: r.id, detail: `catalog change ${cr.id} basis=RECLASSIFIED shareType=${input.shareType} approved by ${input.reviewer} (001 §21)` }, m);
      });
    }
    const id = input.reclassificationId;
    // The authority's decision is the review: the change workflow publishes the new version as for any approved change.
    if ((await repo.findOneByOrFail({ id })).status === ChangeStatus.PENDING) {
      await ctx.temporal.workflow.getHandle(catalogChangeWorkflowId(id)).signal(changeDecisionSignal, { approve: true, reviewer: input.reviewer, comment: input.reason });
    }
    const { value, pending } = await awaitWorkflowEffect(() => repo.findOneByOrFail({ id }), (x) => x.status !== ChangeStatus.PENDING);
    return Object.assign(value, { pending });
  }
}
