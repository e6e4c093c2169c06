// 待办 in open data: applications to decide (7 working days, 000 §21) and complaints / feedback to answer (10, 003 §17,
// §24), for the publisher department's deciders; read by catalog's myTasks as the caller and audited here.
import { deadlineOf, hasRole, PENDING_TASK_LIMIT, PendingTask, requireUser, STAFF } from '@gov/kit';
import { OPEN_DATA_ANSWER_WORKING_DAYS, OPEN_DATA_DECISION_WORKING_DAYS } from '@gov/workflows';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { OpenDataContext } from '../context';
import { OpenDataApplication, OpenDataApplicationStatus } from '../entities/open-data-application';
import { OpenDataCase, OpenDataCaseStatus } from '../entities/open-data-case';

@Resolver()
export class OpenDataTaskResolver {
  @Authorized(...STAFF)
  @Query(() => [PendingTask], { description: "open-data applications and complaints/feedback waiting on the caller's department, earliest due first" })
  async openDataPendingTasks(@Ctx() ctx: OpenDataContext): Promise<PendingTask[]> {
    const user = requireUser(ctx);
    if (!user.department || !hasRole(user, 'dept-admin', 'dept-approver')) {
      await ctx.audit({ action: 'QUERY', detail: 'pending tasks rows=0' });
      return [];
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
        departmentId: a.publisherDepartmentId, regionCode: a.regionCode, deadline: deadlineOf(a.decisionDeadline, { workingDays: OPEN_DATA_DECISION_WORKING_DAYS }),
      })),
      ...cases.map((c) => ({
        type: 'OPEN_DATA_CASE_ANSWER', id: c.id, stage: c.type, title: `${c.type === 'COMPLAINT' ? '投诉' : '意见反馈'}：${c.category}`,
        departmentId: c.publisherDepartmentId, regionCode: c.regionCode, deadline: deadlineOf(c.answerDeadline, { workingDays: OPEN_DATA_ANSWER_WORKING_DAYS }),
      })),
    ];
    await ctx.audit({ action: 'QUERY', items: ['openDataApplication', 'openDataCase'], detail: `pending tasks rows=${tasks.length}` });
    return tasks;
  }
}
