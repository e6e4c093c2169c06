// 待办 (issue 14): catalog lists its own waiting reviews, and gathers the caller's whole list across the graph.
import { BadUserInputError, PAGE_MAX, PendingTask, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { catalogTasksOf, gatherTasks } from '../domain/tasks';
import { MyTasks } from './task.types';

@Resolver()
export class TaskResolver {
  @Authorized(...STAFF)
  @Query(() => [PendingTask], { description: 'catalog entries and change requests the caller (an authority of a covering region) must review, earliest due first' })
  async catalogPendingTasks(@Ctx() ctx: CatalogContext): Promise<PendingTask[]> {
    const tasks = await catalogTasksOf(ctx.ds, requireUser(ctx), ctx.reviewWorkingDays);
    await ctx.audit({ action: 'QUERY', items: ['dataResource', 'changeRequest'], detail: `pending tasks rows=${tasks.length}` });
    return tasks;
  }

  @Authorized(...STAFF)
  @Query(() => MyTasks, { description: '待办: share decisions per step, catalog and change reviews, quality issues to fix or verify, open-data applications and complaints to answer — each with its deadline' })
  async myTasks(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() ctx: CatalogContext): Promise<MyTasks> {
    if (first < 1 || first > PAGE_MAX) throw BadUserInputError.field('first', `between 1 and ${PAGE_MAX}`);
    const user = requireUser(ctx);
    const { items, unavailable } = await gatherTasks(catalogTasksOf(ctx.ds, user, ctx.reviewWorkingDays), user);
    const counts = new Map<string, number>();
    for (const t of items) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
    const page = items.slice(0, first);
    await ctx.audit({ action: 'QUERY', items: ['myTasks'], detail: `my tasks total=${items.length} rows=${page.length}${unavailable.length ? ` unavailable=${unavailable.join(',')}` : ''}` });
    return {
      total: items.length, overdue: items.filter((t) => t.deadline?.overdue).length, provisional: items.filter((t) => t.deadline?.provisional).length,
      counts: [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)), items: page, unavailable,
    };
  }
}
