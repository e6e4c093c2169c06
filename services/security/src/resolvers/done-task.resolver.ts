// 已办 (issue 14 §3): the to-do items the caller (or the caller's department; an authority: its region) completed.
import { BadUserInputError, ForbiddenError, PAGE_MAX, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SecurityContext } from '../context';
import { doneScopeSql, doneTasksOf } from '../domain/done-tasks';
import { DoneTaskList, DoneTaskScope } from './done-task.types';

export const MAX_DONE_OFFSET = 100_000;

@Resolver()
export class DoneTaskResolver {
  @Authorized(...STAFF)
  @Query(() => DoneTaskList, { description: '已办: the to-do items the caller completed (MINE) or the caller\'s department did (DEPARTMENT: a department administrator; an authority sees its region), newest first' })
  async myDoneTasks(
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('scope', () => DoneTaskScope, { defaultValue: DoneTaskScope.MINE }) scope: DoneTaskScope,
    @Ctx() ctx: SecurityContext,
  ): Promise<DoneTaskList> {
    const user = requireUser(ctx);
    if (!Number.isInteger(first) || first < 1 || first > PAGE_MAX) throw BadUserInputError.field('first', `between 1 and ${PAGE_MAX}`);
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_DONE_OFFSET) throw BadUserInputError.field('offset', `between 0 and ${MAX_DONE_OFFSET}`);
    const where = doneScopeSql(user, scope);
    if (!where) throw new ForbiddenError('the department\'s done items are for its administrator and the authority');
    const { rows, total } = await doneTasksOf(ctx.ds.manager, where, first, offset);
    await ctx.audit({ action: 'QUERY', items: ['doneTasks'], detail: `done tasks scope=${scope} total=${total} rows=${rows.length}` });
    return { total, items: rows.map((r) => ({ ...r, department: { id: r.departmentId } })) };
  }
}
