// 待办: the approval steps waiting on the caller (read by catalog's myTasks as the caller; audited here, as a read).
import { PendingTask, requireUser, STAFF } from '@gov/kit';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { SharingContext } from '../context';
import { shareTasksOf } from '../domain/tasks';

@Resolver()
export class SharingTaskResolver {
  @Authorized(...STAFF)
  @Query(() => [PendingTask], { description: "share-application steps the caller may decide now (provider review and delivery, the authority's steps, filing), earliest due first" })
  async sharingPendingTasks(@Ctx() ctx: SharingContext): Promise<PendingTask[]> {
    const tasks = await shareTasksOf(ctx.ds, requireUser(ctx));
    await ctx.audit({ action: 'QUERY', items: ['shareApplication'], detail: `pending tasks rows=${tasks.length}` });
    return tasks;
  }
}
