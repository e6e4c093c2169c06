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

type DemandOf = Pick<Demand, 'id' | 'title' | 'requesterDepartmentId' | 'holderDepartmentId' | 'holderRegionCode' | 'createdBy'>;
const demandSubject = (d: DemandOf) => ({ subjectType: 'Demand', subjectId: d.id, link: `/console/catalog?demand=${d.id}` });
const asking = (d: DemandOf) => [{ username: d.createdBy }, { departmentId: d.requesterDepartmentId, role: 'dept-admin' }];
const short = (t: string) => t.slice(0, 60);

/** A demand was raised (000 §17): the holder's data administrators answer it. */
export function demandRaisedNotice(d: DemandOf): AuditNotice {
  return { kind: 'TASK', title: `数据需求待答复：${short(d.title)}`, ...demandSubject(d), recipients: [{ departmentId: d.holderDepartmentId, role: 'dept-admin' }] };
}

/**
 * One department concluded the negotiation (000 §17): agreed → the other department (and the user who raised the
 * demand, when the holder agreed); disputed → the authority of the holder's region arbitrates, both departments are told.
 */
export function demandConcludedNotice(d: DemandOf, agreed: boolean, byHolder: boolean): AuditNotice {
  if (agreed) {
    return {
      kind: 'DECISION', title: `数据需求协商一致：${short(d.title)}`, ...demandSubject(d),
      recipients: byHolder ? asking(d) : [{ departmentId: d.holderDepartmentId, role: 'dept-admin' }],
    };
  }
  return {
    kind: 'TASK', title: `数据需求协商未果，待协调：${short(d.title)}`, ...demandSubject(d),
    recipients: [{ regionCode: d.holderRegionCode, role: 'authority' }, ...(byHolder ? asking(d) : [{ departmentId: d.holderDepartmentId, role: 'dept-admin' }])],
  };
}

/** The authority arbitrated a disputed demand (000 §17): both departments and the user who raised it. */
export function demandArbitratedNotice(d: DemandOf, decision: 'PROVIDE' | 'NOT_PROVIDE' | 'REFER_TO_CITY_GOVERNMENT'): AuditNotice {
  const what = decision === 'PROVIDE' ? '协调结果：提供' : decision === 'NOT_PROVIDE' ? '协调结果：不予提供，需求已关闭' : '已提请市政府协调';
  return {
    kind: 'DECISION', title: `数据需求${what}：${short(d.title)}`, ...demandSubject(d),
    recipients: [...asking(d), { departmentId: d.holderDepartmentId, role: 'dept-admin' }],
  };
}

/** The holder fulfilled an agreed demand with a published, mounted entry (000 §17): the asking department and the user who raised it. */
export function demandFulfilledNotice(d: DemandOf): AuditNotice {
  return { kind: 'DECISION', title: `数据需求已满足，目录已发布：${short(d.title)}`, ...demandSubject(d), recipients: asking(d) };
}
