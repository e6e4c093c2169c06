// Change requests of published entries (000 §9, 004 §9): filed by the department, decided by the authority through the
// change workflow, listed for the department and its oversight.
import {
  awaitWorkflowEffect, BadUserInputError, ConflictError, ConnectionType, NotFoundError, PageArgs, paginate, requireUser, STAFF,
} from '@gov/kit';
import { catalogChangeWorkflowId, changeDecisionSignal } from '@gov/workflows';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CatalogContext } from '../context';
import { ChangeRequest } from '../entities/change-request';
import { ResourceVersion } from '../entities/resource-version';
import { ChangeStatus, ResourceStatus } from '../entities/enums';
import { changeProblems, fileChange } from '../domain/changes';
import { settleByChangeRequest, signalFiled } from '../domain/function-changes';
import type { EntryInput } from '../domain/rules';
import { diffSnapshots, snapshotOf, snapshotOfInput, type Snapshot } from '../domain/versions';
import { ChangeRequestInput } from './change-request.input';
import { FieldChange, PENDING_DESCRIPTION } from './data-resource.types';
import { assertAuthorityOver, loadForWrite, restrictChangeRequests } from './visibility';

const ChangeRequestConnection = ConnectionType(ChangeRequest, 'ChangeRequest');

@Resolver(() => ChangeRequest)
export class ChangeRequestResolver {
  @Authorized('dept-admin')
  @Mutation(() => ChangeRequest, { description: '000 §9: change a published entry through a reviewed request with its basis' })
  async requestDataResourceChange(
    @Arg('resourceId', () => ID) resourceId: string, @Arg('input', () => ChangeRequestInput) input: ChangeRequestInput, @Ctx() ctx: CatalogContext,
  ): Promise<ChangeRequest> {
    const user = requireUser(ctx);
    const r = await loadForWrite(ctx, resourceId);
    if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry is changed by request; this entry is ${r.status}`);
    const problems = changeProblems(r, input);
    if (problems.length) throw new BadUserInputError(problems);
    const { cr, settled } = await ctx.ds.transaction(async (m) => {
      const filed = await fileChange(m, ctx, r, input, user.username, ctx.reviewWorkingDays);
      const ids = await settleByChangeRequest(m, resourceId, filed.id); // 004 §9: the recorded change is followed
      await ctx.audit({ action: 'UPDATE', resourceId, detail: `catalog change ${filed.id} filed basis=${filed.basis}${ids.length ? ` settles function change ${ids.join(',')}` : ''}`,
        // one record, one done item: the first function change it settles (the others are in `detail`)
        done: ids.length ? { type: 'FUNCTION_CHANGE_FILING', id: ids[0], title: `职能变更已报目录变更：${r.name}`, departmentId: r.departmentId, regionCode: r.regionCode, outcome: 'FILED' } : null }, m);
      return { cr: filed, settled: ids };
    });
    await signalFiled(ctx.temporal, settled, cr.id);
    return cr;
  }

  @Authorized('authority')
  @Mutation(() => ChangeRequest, {
    description: "the authority's decision on a change request: approval publishes a new version; `pending` says the workflow has yet to apply it",
  })
  async reviewDataResourceChange(
    @Arg('id', () => ID) id: string, @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: CatalogContext,
  ): Promise<ChangeRequest> {
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(ChangeRequest);
    const cr = await repo.findOneBy({ id });
    if (!cr) throw new NotFoundError('ChangeRequest', id);
    assertAuthorityOver(user, cr.regionCode);
    if (cr.status !== ChangeStatus.PENDING) throw new ConflictError(`this change request is already ${cr.status}`);
    if (!approve && !comment?.trim()) throw BadUserInputError.field('comment', 'a rejection needs a reason');
    await ctx.audit({ action: 'APPROVE', resourceId: cr.resourceId, detail: `catalog change ${id} basis=${cr.basis} approve=${approve}`,
      done: { type: 'CHANGE_REVIEW', id, stage: cr.basis, title: `目录变更审核：${cr.reason.slice(0, 60)}`, departmentId: cr.departmentId, regionCode: cr.regionCode, outcome: approve ? 'APPROVED' : 'REJECTED' } });
    await ctx.temporal.workflow.getHandle(catalogChangeWorkflowId(id)).signal(changeDecisionSignal, { approve, reviewer: user.username, comment });
    const { value, pending } = await awaitWorkflowEffect(() => repo.findOneByOrFail({ id }), (x) => x.status !== ChangeStatus.PENDING);
    return Object.assign(value, { pending });
  }

  @Authorized(...STAFF)
  @Query(() => ChangeRequestConnection, { description: 'change requests the caller may see: its department, or the regions it oversees' })
  async changeRequests(
    @Arg('status', () => ChangeStatus, { nullable: true }) status: ChangeStatus | null,
    @Arg('resourceId', () => ID, { nullable: true }) resourceId: string | null,
    @Arg('overdue', () => Boolean, { nullable: true, description: 'true: only reviews past their working-day deadline (escalated)' }) overdue: boolean | null,
    @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext,
  ) {
    const qb = restrictChangeRequests(ctx.ds.getRepository(ChangeRequest).createQueryBuilder('c'), requireUser(ctx));
    if (status) qb.andWhere('c.status = :crStatus', { crStatus: status });
    if (resourceId) qb.andWhere('c.resourceId = :crRes', { crRes: resourceId });
    if (overdue !== null && overdue !== undefined) qb.andWhere('c.reviewOverdue = :crOver', { crOver: overdue });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', resourceId, detail: `change requests rows=${conn.edges.length}` });
    return conn;
  }

  @FieldResolver(() => String, { description: 'the proposed entry (DataResourceInput) as JSON' })
  proposedJson(@Root() c: ChangeRequest): string { return c.proposed; }

  @FieldResolver(() => [FieldChange], { description: 'what the change would do to the entry as published now' })
  async diff(@Root() c: ChangeRequest, @Ctx() ctx: CatalogContext): Promise<FieldChange[]> {
    const current = await ctx.ds.getRepository(ResourceVersion).findOneBy({ resourceId: c.resourceId, version: c.newVersion ? c.newVersion - 1 : c.baseVersion });
    const before = current ? (JSON.parse(current.snapshot) as Snapshot) : await snapshotOf(ctx.ds.manager, c.resourceId);
    return diffSnapshots(before, snapshotOfInput(JSON.parse(c.proposed) as EntryInput));
  }

  @FieldResolver(() => Boolean, { description: PENDING_DESCRIPTION })
  pending(@Root() c: ChangeRequest): boolean {
    return c.pending ?? false;
  }
}
