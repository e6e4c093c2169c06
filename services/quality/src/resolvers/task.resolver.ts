// 待办 in quality: issues the caller's department must explain or fix (000 §14), and fixed issues the platform operator
// of a covering region must verify; read by catalog's myTasks as the caller and audited here.
import { coveredRegionSql, deadlineOf, hasRole, PENDING_TASK_FIRST, PENDING_TASK_LIMIT, pendingTaskFirst, pendingTaskList, PendingTaskList, type PendingTask, requireUser, STAFF } from '@gov/kit';
import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import type { QualityContext } from '../context';
import { ObjectionStatus, QualityIssueStatus } from '../entities/enums';
import { Objection } from '../entities/objection';
import { QualityIssue } from '../entities/quality-issue';
import { WAITING } from '../domain/issues';

const OBJECTION_TASK: Record<string, string> = { RECEIVED: 'OBJECTION_SUSPEND', SUSPENDED: 'OBJECTION_DECIDE', DECIDED: 'OBJECTION_ANSWER' };

/**
 * Objections (000 §26) at the step that waits on the caller: RECEIVED and DECIDED on the authority of a covering region
 * (order the suspension; answer the objector), SUSPENDED on the source department's administrator (verify and decide,
 * within the verification deadline).
 */
async function objectionTasks(ctx: QualityContext, user: ReturnType<typeof requireUser>): Promise<PendingTask[]> {
  const or: string[] = [];
  const params: Record<string, unknown> = {};
  if (hasRole(user, 'authority') && user.region) {
    const region = coveredRegionSql('o.regionCode', user.region, 'objRegion');
    or.push(`(o.status IN (:...objAuthority) AND ${region.sql})`);
    Object.assign(params, { objAuthority: [ObjectionStatus.RECEIVED, ObjectionStatus.DECIDED] }, region.params);
  }
  if (hasRole(user, 'dept-admin') && user.department) {
    or.push('(o.status = :objSuspended AND o.departmentId = :objDept)');
    Object.assign(params, { objSuspended: ObjectionStatus.SUSPENDED, objDept: user.department });
  }
  if (!or.length) return [];
  const rows = await ctx.ds.getRepository(Objection).createQueryBuilder('o').where(`(${or.join(' OR ')})`, params)
    .orderBy('o.verifyDeadline', 'ASC').addOrderBy('o.createdAt', 'ASC').limit(PENDING_TASK_LIMIT).getMany();
  return rows.map((o) => ({
    type: OBJECTION_TASK[o.status], id: o.id, stage: o.status, title: `数据异议：${o.description.slice(0, 60)}`, departmentId: o.departmentId, regionCode: o.regionCode,
    deadline: o.status === ObjectionStatus.SUSPENDED ? deadlineOf(o.verifyDeadline, { workingDays: ctx.config.objectionVerifyWorkingDays }) : null,
  }));
}

@Resolver()
export class QualityTaskResolver {
  @Authorized(...STAFF)
  @Query(() => PendingTaskList, { description: "quality issues waiting on the caller: to fix (the source department's administrator) or to verify (the platform operator); objections to act on; earliest due first, with the counts of all" })
  async qualityPendingTasks(@Arg('first', () => Int, { defaultValue: PENDING_TASK_FIRST }) first: number, @Ctx() ctx: QualityContext): Promise<PendingTaskList> {
    const n = pendingTaskFirst(first);
    const user = requireUser(ctx);
    const repo = ctx.ds.getRepository(QualityIssue);
    const toFix = hasRole(user, 'dept-admin') && user.department
      ? await repo.find({ where: { departmentId: user.department, status: In(WAITING) }, order: { deadline: 'ASC' }, take: PENDING_TASK_LIMIT })
      : [];
    let toVerify: QualityIssue[] = [];
    if (hasRole(user, 'platform-operator') && user.region) {
      const region = coveredRegionSql('i.regionCode', user.region, 'taskRegion');
      toVerify = await repo.createQueryBuilder('i').where('i.status = :fixed AND i.ruleCode IS NULL', { fixed: QualityIssueStatus.FIXED })
        .andWhere(region.sql, region.params).orderBy('i.fixedAt', 'ASC').limit(PENDING_TASK_LIMIT).getMany();
    }
    const tasks: PendingTask[] = [
      ...await objectionTasks(ctx, user),
      ...toFix.map((i) => ({
        type: 'QUALITY_FIX', id: i.id, stage: i.status, title: `数据质量问题：${i.description.slice(0, 60)}`, departmentId: i.departmentId, regionCode: i.regionCode,
        deadline: deadlineOf(i.deadline, { workingDays: i.workingDays, version: i.deadlineCalendar }),
      })),
      ...toVerify.map((i) => ({
        type: 'QUALITY_VERIFY', id: i.id, stage: i.status, title: `核验整改：${i.description.slice(0, 60)}`, departmentId: i.departmentId, regionCode: i.regionCode, deadline: null,
      })),
    ];
    const list = pendingTaskList(tasks, n);
    await ctx.audit({ action: 'QUERY', items: ['qualityIssue'], detail: `pending tasks total=${list.total} rows=${list.items.length}` });
    return list;
  }
}
