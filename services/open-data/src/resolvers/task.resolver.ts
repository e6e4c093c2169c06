// 待办 in open data: applications to decide (7 working days, 000 §21) and complaints / feedback to answer (10, 003 §17,
// §24), for the publisher department's deciders; read by catalog's myTasks as the caller and audited here.
import { deadlineOf, hasRole, PENDING_TASK_FIRST, PENDING_TASK_LIMIT, pendingTaskFirst, pendingTaskList, PendingTaskList, type PendingTask, requireUser, STAFF } from '@gov/kit';
import { OPEN_DATA_ANSWER_WORKING_DAYS, OPEN_DATA_DECISION_WORKING_DAYS } from '@gov/workflows';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { OpenDataApplication, OpenDataApplicationStatus } from '../entities/open-data-application';
import { OpenDataCase, OpenDataCaseStatus } from '../entities/open-data-case';

@Resolver()
export class OpenDataTaskResolver {
  @Authorized(...STAFF)
  @Query(() => PendingTaskList, { description: "open-data applications, complaints/feedback and public demands waiting on the caller's department, earliest due first, with the counts of all" })
  async openDataPendingTasks(@Arg('first', () => Int, { defaultValue: PENDING_TASK_FIRST }) first: number, @Ctx() ctx: OpenDataContext): Promise<PendingTaskList> {
    const n = pendingTaskFirst(first);
    const user = requireUser(ctx);
    if (!user.department || !hasRole(user, 'dept-admin', 'dept-approver')) {
      await ctx.audit({ action: 'QUERY', detail: 'pending tasks rows=0' });
      return pendingTaskList([], n);
    }
    const [apps, cases] = await Promise.all([
      ctx.ds.getRepository(OpenDataApplication).find({
        where: { publisherDepartmentId: user.department, status: OpenDataApplicationStatus.SUBMITTED }, order: { decisionDeadline: 'ASC' }, take: PENDING_TASK_LIMIT,
      }),
      ctx.ds.getRepository(OpenDataCase).find({
        where: { publisherDepartmentId: user.department, status: OpenDataCaseStatus.OPEN }, order: { answerDeadline: 'ASC' }, take: PENDING_TASK_LIMIT,
      }),
    ]);
    const tasks: PendingTask[] = [
      ...apps.map((a) => ({
        type: 'OPEN_DATA_DECISION', id: a.id, stage: null, title: `${a.applicantName} 申请有条件开放数据（${a.demandType}）`,
        departmentId: a.publisherDepartmentId, regionCode: a.regionCode, deadline: deadlineOf(a.decisionDeadline, { workingDays: OPEN_DATA_DECISION_WORKING_DAYS, version: a.decisionCalendar }),
      })),
      ...cases.map((c) => ({
        type: 'OPEN_DATA_CASE_ANSWER', id: c.id, stage: c.type, title: `${c.type === 'COMPLAINT' ? '投诉' : '意见反馈'}：${c.category}`,
        departmentId: c.publisherDepartmentId, regionCode: c.regionCode, deadline: deadlineOf(c.answerDeadline, { workingDays: OPEN_DATA_ANSWER_WORKING_DAYS, version: c.answerCalendar }),
      })),
    ];
    const list = pendingTaskList(tasks, n);
    await ctx.audit({ action: 'QUERY', items: ['openDataApplication', 'openDataCase'], detail: `pending tasks total=${list.total} rows=${list.items.length}` });
    return list;
  }
}
