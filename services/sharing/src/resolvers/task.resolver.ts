// 待办: the approval steps waiting on the caller (read by catalog's myTasks as the caller; audited here, as a read).
import { PENDING_TASK_FIRST, pendingTaskFirst, pendingTaskList, PendingTaskList, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SharingContext } from '../context';
import { sharingTasksOf } from '../domain/tasks';

@Resolver()
export class SharingTaskResolver {
  @Authorized(...STAFF)
  @Query(() => PendingTaskList, { description: "share-application steps the caller may decide now (provider review and delivery, the authority's steps, filing), data-use agreements to sign, reclassification opinions and decisions; earliest due first, with the counts of all" })
  async sharingPendingTasks(@Arg('first', () => Int, { defaultValue: PENDING_TASK_FIRST }) first: number, @Ctx() ctx: SharingContext): Promise<PendingTaskList> {
    const list = pendingTaskList(await sharingTasksOf(ctx.ds, requireUser(ctx), ctx.reclassificationOpinionWorkingDays), pendingTaskFirst(first));
    await ctx.audit({ action: 'QUERY', items: ['shareApplication', 'shareGrant', 'reclassificationRequest'], detail: `pending tasks total=${list.total} rows=${list.items.length}` });
    return list;
  }
}
