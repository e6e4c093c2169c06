// Who may decide which step of an approval (pure: unit-tested).
import { hasRole, regionCovers, type AuditNotice, type AuditNoticeRecipient, type User } from '@gov/kit';
import { ApprovalStage } from '../entities/enums';
import type { ShareApplication } from '../entities/share-application';

export function canDecide(user: User, stage: ApprovalStage, a: Pick<ShareApplication, 'providerDepartmentId' | 'providerRegionCode' | 'regionCode'>): boolean {
  switch (stage) {
    case ApprovalStage.COUNTY_ACCEPT: // the consumer's county bureau
      return hasRole(user, 'authority') && user.region === a.regionCode;
    case ApprovalStage.PROVIDER_REVIEW:
    case ApprovalStage.DELIVERY:
      return hasRole(user, 'dept-admin', 'dept-approver') && user.department === a.providerDepartmentId;
    case ApprovalStage.CITY_AUTHORITY_REVIEW:
    case ApprovalStage.ARBITRATION:
      return hasRole(user, 'authority') && !!user.region && regionCovers(user.region, a.providerRegionCode);
    case ApprovalStage.AUTHORITY_DECISION: // whole authorisation of the consumer's region
      return hasRole(user, 'authority') && !!user.region && regionCovers(user.region, a.regionCode) && regionCovers(user.region, a.providerRegionCode);
    case ApprovalStage.FILING:
      return hasRole(user, 'platform-operator') && !!user.region && regionCovers(user.region, a.providerRegionCode);
    default:
      return false;
  }
}

/** Who is told that a step waits on them: the same people `canDecide` lets decide it (kept beside it on purpose). */
export function stageDeciders(stage: ApprovalStage, a: Pick<ShareApplication, 'providerDepartmentId' | 'providerRegionCode' | 'regionCode'>): AuditNoticeRecipient[] {
  switch (stage) {
    case ApprovalStage.COUNTY_ACCEPT:
      return [{ regionCode: a.regionCode, role: 'authority' }];
    case ApprovalStage.PROVIDER_REVIEW:
    case ApprovalStage.DELIVERY:
      return [{ departmentId: a.providerDepartmentId, role: 'dept-admin' }, { departmentId: a.providerDepartmentId, role: 'dept-approver' }];
    case ApprovalStage.CITY_AUTHORITY_REVIEW:
    case ApprovalStage.ARBITRATION:
      return [{ regionCode: a.providerRegionCode, role: 'authority' }];
    case ApprovalStage.AUTHORITY_DECISION: // the authority covering both sides
      return [{ regionCode: regionCovers(a.providerRegionCode, a.regionCode) ? a.providerRegionCode : a.regionCode, role: 'authority' }];
    case ApprovalStage.FILING:
      return [{ regionCode: a.providerRegionCode, role: 'platform-operator' }];
    default:
      return [];
  }
}

type NoticeOf = Pick<ShareApplication, 'id' | 'providerDepartmentId' | 'providerRegionCode' | 'regionCode' | 'consumerDepartmentId' | 'createdBy'>;
const subject = (a: NoticeOf) => ({ subjectType: 'ShareApplication', subjectId: a.id, link: `/console/applications?id=${a.id}` });

/** A step opened: a task for its deciders. */
export function taskNotice(stage: ApprovalStage, a: NoticeOf): AuditNotice {
  return { kind: 'TASK', title: `共享申请待处理（${stage}）`, ...subject(a), recipients: stageDeciders(stage, a) };
}

/** The step's deadline is one working day away (`reminderInstant`): its deciders again. */
export function reminderNotice(stage: ApprovalStage, a: NoticeOf): AuditNotice {
  return { kind: 'REMINDER', title: `共享申请即将到期（${stage}，剩余1个工作日）`, ...subject(a), recipients: stageDeciders(stage, a) };
}

/** A step went past its deadline: the authority of the provider's region and the late party. */
export function escalationNotice(stage: ApprovalStage, a: NoticeOf): AuditNotice {
  return { kind: 'ESCALATION', title: `共享申请超期（${stage}）`, ...subject(a), recipients: [{ regionCode: a.providerRegionCode, role: 'authority' }, ...stageDeciders(stage, a)] };
}

/** A decision on the applicant's own request: the user who applied and the consumer department's admins. */
export function decisionNotice(outcome: 'GRANTED' | 'REJECTED', a: NoticeOf): AuditNotice {
  return {
    kind: 'DECISION', title: outcome === 'GRANTED' ? '共享申请已通过，授权已生效' : '共享申请被驳回（5个工作日内可申请复核）', ...subject(a),
    recipients: [{ username: a.createdBy }, { departmentId: a.consumerDepartmentId, role: 'dept-admin' }],
  };
}
