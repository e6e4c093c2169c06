// 待办 in sharing: the open approval steps the caller may decide (canDecide is the one rule; the SQL only narrows).
import { coveredRegionSql, hasRole, PENDING_TASK_LIMIT, deadlineOf, type PendingTask, type User } from '@gov/kit';
import { STAGE_WORKING_DAYS } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ConfidentialityAgreement } from '../entities/confidentiality-agreement';
import { ApprovalStage, GrantStatus } from '../entities/enums';
import { ShareGrant } from '../entities/grant';
import { ReclassificationRequest, ReclassificationStatus } from '../entities/reclassification-request';
import { ShareApplication } from '../entities/share-application';
import { canDecide } from './approval';

const DEPARTMENT_STAGES = [ApprovalStage.PROVIDER_REVIEW, ApprovalStage.DELIVERY];
const AUTHORITY_STAGES = [ApprovalStage.COUNTY_ACCEPT, ApprovalStage.CITY_AUTHORITY_REVIEW, ApprovalStage.AUTHORITY_DECISION, ApprovalStage.ARBITRATION];

/** Every sharing item waiting on the caller: approval steps, agreements to sign, reclassification opinions and decisions. */
export async function sharingTasksOf(ds: DataSource, user: User, opinionWorkingDays: number): Promise<PendingTask[]> {
  const [steps, agreements, reclass] = await Promise.all([shareTasksOf(ds, user), agreementTasksOf(ds, user), reclassificationTasksOf(ds, user, opinionWorkingDays)]);
  return [...steps, ...agreements, ...reclass];
}

/** 000 §24: active grants of the caller's department (as consumer) whose data-use agreement is not signed: no delivery before it. */
async function agreementTasksOf(ds: DataSource, user: User): Promise<PendingTask[]> {
  if (!hasRole(user, 'dept-user', 'dept-admin') || !user.department) return [];
  const rows = await ds.getRepository(ShareGrant).createQueryBuilder('g')
    .where('g.consumerDepartmentId = :agDept AND g.status = :agActive AND g.expiresAt > :agNow', { agDept: user.department, agActive: GrantStatus.ACTIVE, agNow: new Date() })
    .andWhere(`NOT EXISTS (SELECT 1 FROM ${ds.getRepository(ConfidentialityAgreement).metadata.tableName} c WHERE c.grant_id = g.id)`)
    .orderBy('g.createdAt', 'ASC').limit(PENDING_TASK_LIMIT).getMany();
  return rows.map((g) => ({
    type: 'AGREEMENT_SIGN', id: g.id, stage: null, title: `签署数据使用和保密协议：${g.scenario.slice(0, 60)}`,
    departmentId: g.consumerDepartmentId, regionCode: g.consumerRegionCode, deadline: null,
  }));
}

/**
 * 001 §21: requests waiting for the providing department's opinion (its deciders, by the opinion deadline), and those
 * the authority of a covering region may decide (opinion given, or its deadline passed).
 */
async function reclassificationTasksOf(ds: DataSource, user: User, opinionWorkingDays: number): Promise<PendingTask[]> {
  const or: string[] = [];
  const params: Record<string, unknown> = {};
  if (hasRole(user, 'dept-admin', 'dept-approver') && user.department) {
    or.push('(r.status = :rcOpen AND r.providerDepartmentId = :rcDept AND r.opinionOverdue = FALSE)');
    Object.assign(params, { rcOpen: ReclassificationStatus.OPEN, rcDept: user.department });
  }
  if (hasRole(user, 'authority') && user.region) {
    const region = coveredRegionSql('r.providerRegionCode', user.region, 'rcRegion');
    or.push(`((r.status = :rcGiven OR (r.status = :rcOpen2 AND (r.opinionOverdue = TRUE OR r.opinionDeadline <= :rcNow))) AND ${region.sql})`);
    Object.assign(params, { rcGiven: ReclassificationStatus.OPINION_GIVEN, rcOpen2: ReclassificationStatus.OPEN, rcNow: new Date() }, region.params);
  }
  if (!or.length) return [];
  const rows = await ds.getRepository(ReclassificationRequest).createQueryBuilder('r').where(`(${or.join(' OR ')})`, params)
    .orderBy('r.opinionDeadline', 'ASC').limit(PENDING_TASK_LIMIT).getMany();
  const now = Date.now();
  return rows.map((r) => {
    const opinion = r.status === ReclassificationStatus.OPEN && !r.opinionOverdue && (!r.opinionDeadline || r.opinionDeadline.getTime() > now)
      && user.department === r.providerDepartmentId;
    return {
      type: opinion ? 'RECLASSIFICATION_OPINION' : 'RECLASSIFICATION_DECISION', id: r.id, stage: r.status, title: `共享属性调整申请：${r.reason.slice(0, 60)}`,
      departmentId: r.providerDepartmentId, regionCode: r.providerRegionCode,
      deadline: opinion ? deadlineOf(r.opinionDeadline, { workingDays: opinionWorkingDays }) : null,
    };
  });
}

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
