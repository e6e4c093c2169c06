// 待办 in assessment: the self-assessment of last year (004 §34), due 31 January, for the administrator of a department
// that has not filed it; read by catalog's myTasks as the caller and audited here. The due day is a calendar date.
import { deadlineOf, hasRole, PENDING_TASK_FIRST, pendingTaskFirst, pendingTaskList, PendingTaskList, requireUser, STAFF, type PendingTask } from '@gov/kit';
import { chinaDate, endOfChinaDay } from '@gov/working-days';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { AssessmentContext } from '../context';
import { selfAssessmentDue } from '../domain/self-assessment';
import { SelfAssessmentReport } from '../entities/self-assessment';

@Resolver()
export class AssessmentTaskResolver {
  @Authorized(...STAFF)
  @Query(() => PendingTaskList, { description: "last year's self-assessment, due 31 January, while the caller's department (its administrator) has not filed it" })
  async assessmentPendingTasks(@Arg('first', () => Int, { defaultValue: PENDING_TASK_FIRST }) first: number, @Ctx() ctx: AssessmentContext): Promise<PendingTaskList> {
    const n = pendingTaskFirst(first);
    const user = requireUser(ctx);
    const tasks: PendingTask[] = [];
    if (hasRole(user, 'dept-admin') && user.department && user.region) {
      const today = chinaDate(Date.now());
      const year = Number(today.slice(0, 4)) - 1;
      const filed = await ctx.ds.getRepository(SelfAssessmentReport).existsBy({ departmentId: user.department, year });
      if (!filed) {
        const dueOn = selfAssessmentDue(year);
        tasks.push({
          type: 'SELF_ASSESSMENT', id: String(year), stage: null, title: `${year} 年度政务数据工作自评估报告`, departmentId: user.department, regionCode: user.region,
          deadline: deadlineOf(endOfChinaDay(dueOn), { workingDays: null, overdue: today > dueOn, version: 'calendar-days' }),
        });
      }
    }
    const list = pendingTaskList(tasks, n);
    await ctx.audit({ action: 'QUERY', items: ['selfAssessmentReport'], detail: `pending tasks total=${list.total} rows=${list.items.length}` });
    return list;
  }
}
