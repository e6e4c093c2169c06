// The notices catalog's decisions carry in their audit records (issue 14 §4): security derives the inbox (and the
// department webhooks) from them; one record per operation, the notice rides on it.
import type { AuditNotice } from '@gov/kit';
import type { ChangeRequest } from '../entities/change-request';
import type { DataResource } from '../entities/data-resource';
import type { Demand } from '../entities/demand';

/** The authority decided a submitted entry (000 §8): the submitting department's data administrators. */
export function entryReviewNotice(r: Pick<DataResource, 'id' | 'departmentId'>, approve: boolean): AuditNotice {
  return {
    kind: 'DECISION', title: approve ? '数据资源目录审核通过，已发布' : '数据资源目录审核未通过，已退回', subjectType: 'DataResource', subjectId: r.id,
    link: `/console/catalog?id=${r.id}`, recipients: [{ departmentId: r.departmentId, role: 'dept-admin' }],
  };
}

/** The authority decided a change request (000 §9): the requesting department's data administrators. */
export function changeDecisionNotice(cr: Pick<ChangeRequest, 'id' | 'departmentId'>, approve: boolean): AuditNotice {
  return {
    kind: 'DECISION', title: approve ? '目录变更申请通过，新版本已发布' : '目录变更申请未通过', subjectType: 'ChangeRequest', subjectId: cr.id,
    link: `/console/changes?id=${cr.id}`, recipients: [{ departmentId: cr.departmentId, role: 'dept-admin' }],
  };
}

/** The holder answered a demand (000 §17): the user who raised it and the asking department's data administrators. */
export function demandAnsweredNotice(d: Pick<Demand, 'id' | 'requesterDepartmentId' | 'createdBy'>): AuditNotice {
  return {
    kind: 'DECISION', title: '数据需求已答复', subjectType: 'Demand', subjectId: d.id, link: `/console/catalog?demand=${d.id}`,
    recipients: [{ username: d.createdBy }, { departmentId: d.requesterDepartmentId, role: 'dept-admin' }],
  };
}
