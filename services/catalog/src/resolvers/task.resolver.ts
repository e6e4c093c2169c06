// 待办 (issue 14): catalog lists its own waiting items, and gathers the caller's whole list across the graph.
import { BadUserInputError, PAGE_MAX, PENDING_TASK_FIRST, pendingTaskFirst, pendingTaskList, PendingTaskList, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { catalogTasksOf, gatherTasks, withDepartmentNames } from '../domain/tasks';
import { MyTasks } from './task.types';

@Resolver()
export class TaskResolver {
  @Authorized(...STAFF)
  @Query(() => PendingTaskList, { description: 'catalog entries, change requests and disputed demands the caller (an authority of a covering region) must review; demands to answer and change requests due after a function change (the department administrator); earliest due first, with the counts of all' })
  async catalogPendingTasks(@Arg('first', () => Int, { defaultValue: PENDING_TASK_FIRST }) first: number, @Ctx() ctx: CatalogContext): Promise<PendingTaskList> {
    const list = pendingTaskList(await catalogTasksOf(ctx.ds, requireUser(ctx), ctx), pendingTaskFirst(first));
    await ctx.audit({ action: 'QUERY', items: ['dataResource', 'changeRequest', 'demand', 'functionChange'], detail: `pending tasks total=${list.total} rows=${list.items.length}` });
    return list;
  }

  @Authorized(...STAFF)
  @Query(() => MyTasks, { description: '待办: share decisions per step, catalog and change reviews, demands to answer or arbitrate, quality issues to fix or verify, objections, open-data applications, complaints and demands to answer, project steps, agreements to sign, drills and self-assessments due — each with its deadline' })
  async myTasks(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: CatalogContext): Promise<MyTasks> {
    if (first < 1 || first > PAGE_MAX) throw BadUserInputError.field('first', `between 1 and ${PAGE_MAX}`);
    const user = requireUser(ctx);
    const { list, unavailable } = await gatherTasks(catalogTasksOf(ctx.ds, user, ctx), user, first);
    const items = await withDepartmentNames(ctx.ds, list.items);
    await ctx.audit({ action: 'QUERY', items: ['myTasks'], detail: `my tasks total=${list.total} rows=${items.length}${unavailable.length ? ` unavailable=${unavailable.join(',')}` : ''}` });
    return { ...list, items, unavailable };
  }
}
