// 004 §9: a department records a law/function/system change of an entry; the change request is due within 15 working
// days, escalated on the deadline by catalogFilingWorkflow; the department and its oversight list them (OVERDUE = late).
import { BadUserInputError, ConflictError, ConnectionType, PageArgs, paginate, requireUser, STAFF } from '@gov/kit';
import { chinaDate } from '@gov/working-days';
import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { ChangeBasis, ResourceStatus } from '../entities/enums';
import { FunctionChange, FunctionChangeStatus } from '../entities/function-change';
import { recordFunctionChange } from '../domain/function-changes';
import { FunctionChangeInput } from './function-change.input';
import { loadForWrite, restrictChangeRequests } from './visibility';

const FunctionChangeConnection = ConnectionType(FunctionChange, 'FunctionChange');

@Resolver(() => FunctionChange)
export class FunctionChangeResolver {
  @Authorized('dept-admin')
  @Mutation(() => FunctionChange, { description: '004 §9: record the day a law, function or system changed; the change request is due within 15 working days' })
  async recordFunctionChange(@Arg('input', () => FunctionChangeInput) input: FunctionChangeInput, @Ctx() ctx: CatalogContext): Promise<FunctionChange> {
    const user = requireUser(ctx);
    const r = await loadForWrite(ctx, input.resourceId);
    if (r.status !== ResourceStatus.PUBLISHED) throw new ConflictError(`only a published entry follows a change by request; this entry is ${r.status}`);
    if (input.basis === ChangeBasis.RECLASSIFIED) throw BadUserInputError.field('input.basis', 'a reclassification is decided by the authority (001 §21)');
    if (Number.isNaN(Date.parse(input.changedOn)) || input.changedOn > chinaDate(new Date())) throw BadUserInputError.field('input.changedOn', 'a real day, not in the future');
    return ctx.ds.transaction(async (m) => {
      const fc = await recordFunctionChange(m, ctx, r, input, user.username);
      await ctx.audit({ action: 'UPDATE', resourceId: r.id, detail: `function change ${fc.id} basis=${fc.basis} on ${fc.changedOn}, catalog change due ${fc.filingDeadline?.toISOString()}` }, m);
      return fc;
    });
  }

  @Authorized(...STAFF)
  @Query(() => FunctionChangeConnection, { description: "recorded changes of the caller's department or of the regions it oversees; status OVERDUE = escalated (counted for assessment)" })
  async functionChanges(
    @Arg('status', () => FunctionChangeStatus, { nullable: true }) status: FunctionChangeStatus | null,
    @Arg('departmentId', () => String, { nullable: true }) departmentId: string | null,
    @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CatalogContext,
  ) {
    const qb = restrictChangeRequests(ctx.ds.getRepository(FunctionChange).createQueryBuilder('c'), requireUser(ctx));
    if (status) qb.andWhere('c.status = :fcStatus', { fcStatus: status });
    if (departmentId) qb.andWhere('c.departmentId = :fcDept', { fcDept: departmentId });
    const conn = await paginate(qb, page);
    await ctx.audit({ action: 'QUERY', detail: `function changes rows=${conn.edges.length}` });
    return conn;
  }
}
