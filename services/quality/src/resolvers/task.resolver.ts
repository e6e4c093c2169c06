// 待办 in quality: issues the caller's department must explain or fix (000 §14), and fixed issues the platform operator
// of a covering region must verify; read by catalog's myTasks as the caller and audited here.
import { coveredRegionSql, deadlineOf, hasRole, PENDING_TASK_LIMIT, PendingTask, requireUser, STAFF } from '@gov/kit';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import type { QualityContext } from '../context';
import { QualityIssueStatus } from '../entities/enums';
import { QualityIssue } from '../entities/quality-issue';
import { WAITING } from '../domain/issues';

@Resolver()
export class QualityTaskResolver {
  @Authorized(...STAFF)
  @Query(() => [PendingTask], { description: "quality issues waiting on the caller: to fix (the source department's administrator) or to verify (the platform operator), earliest due first" })
  async qualityPendingTasks(@Ctx() ctx: QualityContext): Promise<PendingTask[]> {
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
      ...toFix.map((i) => ({
        type: 'QUALITY_FIX', id: i.id, stage: i.status, title: `数据质量问题：${i.description.slice(0, 60)}`, departmentId: i.departmentId, regionCode: i.regionCode,
        deadline: deadlineOf(i.deadline, { workingDays: i.workingDays }),
      })),
      ...toVerify.map((i) => ({
        type: 'QUALITY_VERIFY', id: i.id, stage: i.status, title: `核验整改：${i.description.slice(0, 60)}`, departmentId: i.departmentId, regionCode: i.regionCode, deadline: null,
      })),
    ];
    await ctx.audit({ action: 'QUERY', items: ['qualityIssue'], detail: `pending tasks rows=${tasks.length}` });
    return tasks;
  }
}
