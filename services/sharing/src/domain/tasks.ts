// 待办 in sharing: the open approval steps the caller may decide (canDecide is the one rule; the SQL only narrows).
import { coveredRegionSql, hasRole, PENDING_TASK_LIMIT, deadlineOf, type PendingTask, type User } from '@gov/kit';
import { STAGE_WORKING_DAYS } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ApprovalStage } from '../entities/enums';
import { ShareApplication } from '../entities/share-application';
import { canDecide } from './approval';

const DEPARTMENT_STAGES = [ApprovalStage.PROVIDER_REVIEW, ApprovalStage.DELIVERY];
const AUTHORITY_STAGES = [ApprovalStage.COUNTY_ACCEPT, ApprovalStage.CITY_AUTHORITY_REVIEW, ApprovalStage.AUTHORITY_DECISION, ApprovalStage.ARBITRATION];

export async function shareTasksOf(ds: DataSource, user: User): Promise<PendingTask[]> {
  const qb = ds.getRepository(ShareApplication).createQueryBuilder('a').where('a.stage IS NOT NULL');
  const or: string[] = [];
  const params: Record<string, unknown> = {};
  if (hasRole(user, 'dept-admin', 'dept-approver') && user.department) {
    or.push('(a.stage IN (:...deptStages) AND a.providerDepartmentId = :taskDept)');
    Object.assign(params, { deptStages: DEPARTMENT_STAGES, taskDept: user.department });
  }
  if (user.region && hasRole(user, 'authority')) {
    const consumer = coveredRegionSql('a.regionCode', user.region, 'taskRegionA');
    const provider = coveredRegionSql('a.providerRegionCode', user.region, 'taskRegionB');
    or.push(`(a.stage IN (:...authStages) AND (${consumer.sql} OR ${provider.sql}))`);
    Object.assign(params, { authStages: AUTHORITY_STAGES }, consumer.params, provider.params);
  }
  if (user.region && hasRole(user, 'platform-operator')) {
    const provider = coveredRegionSql('a.providerRegionCode', user.region, 'taskRegionC');
    or.push(`(a.stage = :filing AND ${provider.sql})`);
    Object.assign(params, { filing: ApprovalStage.FILING }, provider.params);
  }
  if (!or.length) return [];
  const rows = await qb.andWhere(`(${or.join(' OR ')})`, params).orderBy('a.stageDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany();
  return rows.filter((a) => a.stage && canDecide(user, a.stage, a)).map((a) => ({
    type: 'SHARE_DECISION', id: a.id, stage: a.stage, title: `${a.consumerDepartmentId} 申请共享 ${a.scenario}`,
    departmentId: a.providerDepartmentId, regionCode: a.providerRegionCode,
    deadline: deadlineOf(a.stageDeadline, { workingDays: STAGE_WORKING_DAYS[a.stage as ApprovalStage], version: a.stageCalendar }),
  }));
}
