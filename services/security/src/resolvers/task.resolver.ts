// 待办 in security: emergency plans of the caller's department whose yearly drill is due within DRILL_NOTICE_DAYS or
// overdue (003 §32(二)); read by catalog's myTasks as the caller and audited here. The due date counts calendar days (a
// year after the latest drill, existing rule in domain/emergency-plans), so its Deadline names no working-day calendar.
import {
  deadlineOf, hasRole, PENDING_TASK_FIRST, PENDING_TASK_LIMIT, pendingTaskFirst, pendingTaskList, PendingTaskList, requireUser, STAFF, type PendingTask,
} from '@gov/kit';
import { chinaDate, endOfChinaDay } from '@gov/working-days';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { SecurityContext } from '../context';
import { drillDue } from '../domain/emergency-plans';
import { EmergencyPlan } from '../entities/emergency-plan';

/** A drill shows as a to-do this many calendar days before it falls due. */
export const DRILL_NOTICE_DAYS = 30;
/** The calendarVersion of a deadline counted in calendar days. */
export const CALENDAR_DAYS = 'calendar-days';

@Resolver()
export class SecurityTaskResolver {
  @Authorized(...STAFF)
  @Query(() => PendingTaskList, { description: `emergency drills of the caller's department due within ${DRILL_NOTICE_DAYS} days or overdue (a department administrator), earliest due first, with the counts of all` })
  async securityPendingTasks(@Arg('first', () => Int, { defaultValue: PENDING_TASK_FIRST }) first: number, @Ctx() ctx: SecurityContext): Promise<PendingTaskList> {
    const n = pendingTaskFirst(first);
    const user = requireUser(ctx);
    let tasks: PendingTask[] = [];
    if (hasRole(user, 'dept-admin') && user.department) {
      const today = chinaDate(Date.now());
      const plans = await ctx.ds.getRepository(EmergencyPlan).createQueryBuilder('p').where('p.departmentId = :tDept', { tDept: user.department })
        .andWhere('(p.lastDrilledOn IS NULL OR p.lastDrilledOn <= DATE_SUB(:tToday, INTERVAL 1 YEAR) + INTERVAL :tNotice DAY)', { tToday: today, tNotice: DRILL_NOTICE_DAYS })
        .orderBy('p.lastDrilledOn', 'ASC').limit(PENDING_TASK_LIMIT).getMany();
      tasks = plans.map((p) => {
        const due = drillDue(p, today);
        return {
          type: 'EMERGENCY_DRILL', id: p.id, stage: null, title: `应急演练：${p.title.slice(0, 60)}`, departmentId: p.departmentId, regionCode: p.regionCode,
          deadline: deadlineOf(endOfChinaDay(due.dueOn), { workingDays: null, overdue: due.overdue, version: CALENDAR_DAYS }),
        };
      });
    }
    const list = pendingTaskList(tasks, n);
    await ctx.audit({ action: 'QUERY', items: ['emergencyPlan'], detail: `pending tasks total=${list.total} rows=${list.items.length}` });
    return list;
  }
}
