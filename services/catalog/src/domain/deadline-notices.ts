// The notices the catalog's deadline workflows carry in their audit records (issue 14 §4): security derives the inbox.
// Reviews and change requests wait on the authority of the entry's region; a demand's answer waits on the holder.
import type { AuditActor, AuditNotice, AuditNoticeRecipient } from '@gov/kit';

/** The authority that reviews entries of this region, and the city's authority above a county's (it supervises). */
const authorities = (regionCode: string): AuditNoticeRecipient[] => {
  const city = `${regionCode.slice(0, 4)}00`;
  return [{ regionCode, role: 'authority' }, ...(city !== regionCode && /^\d{6}$/.test(city) ? [{ regionCode: city, role: 'authority' }] : [])];
};
const deptAdmins = (departmentId: string): AuditNoticeRecipient[] => [{ departmentId, role: 'dept-admin' }];

type Entry = { id: string; departmentId: string; regionCode: string };
const reviewSubject = (r: Entry) => ({ subjectType: 'DataResource', subjectId: r.id, link: `/console/catalog?id=${r.id}` });
const changeSubject = (c: Entry) => ({ subjectType: 'ChangeRequest', subjectId: c.id, link: `/console/catalog/changes?id=${c.id}` });

export const reviewReminderNotice = (r: Entry): AuditNotice =>
  ({ kind: 'REMINDER', title: '目录审核即将到期（剩余1个工作日）', ...reviewSubject(r), recipients: [{ regionCode: r.regionCode, role: 'authority' }] });
/** The review ran late: the reviewing authority (and the city's above a county's) and the department that waits for it. */
export const reviewEscalationNotice = (r: Entry): AuditNotice =>
  ({ kind: 'ESCALATION', title: '目录审核超期', ...reviewSubject(r), recipients: [...authorities(r.regionCode), ...deptAdmins(r.departmentId)] });

export const changeReminderNotice = (c: Entry): AuditNotice =>
  ({ kind: 'REMINDER', title: '目录变更审核即将到期（剩余1个工作日）', ...changeSubject(c), recipients: [{ regionCode: c.regionCode, role: 'authority' }] });
export const changeEscalationNotice = (c: Entry): AuditNotice =>
  ({ kind: 'ESCALATION', title: '目录变更审核超期', ...changeSubject(c), recipients: [...authorities(c.regionCode), ...deptAdmins(c.departmentId)] });

type DemandOf = { id: string; holderDepartmentId: string; holderRegionCode: string; requesterDepartmentId: string };
const demandSubject = (d: DemandOf) => ({ subjectType: 'Demand', subjectId: d.id, link: `/console/demands?id=${d.id}` });
export const demandAnswerReminderNotice = (d: DemandOf): AuditNotice =>
  ({ kind: 'REMINDER', title: '数据需求答复即将到期（剩余1个工作日）', ...demandSubject(d), recipients: deptAdmins(d.holderDepartmentId) });
/** The holder did not answer in time: the authority of the holder's region and the late holder. */
export const demandAnswerEscalationNotice = (d: DemandOf): AuditNotice =>
  ({ kind: 'ESCALATION', title: '数据需求超期未答复', ...demandSubject(d), recipients: [{ regionCode: d.holderRegionCode, role: 'authority' }, ...deptAdmins(d.holderDepartmentId)] });
/** A disputed demand goes to the authority to settle (or, unsettled, to the city government): both departments are told. */
export const demandEscalatedNotice = (d: DemandOf, level: 'AUTHORITY' | 'CITY_GOVERNMENT'): AuditNotice => ({
  kind: 'ESCALATION', title: level === 'AUTHORITY' ? '数据需求协商未果，提请主管部门协调' : '数据需求提请市政府决定', ...demandSubject(d),
  recipients: [
    { regionCode: level === 'AUTHORITY' ? d.holderRegionCode : `${d.holderRegionCode.slice(0, 4)}00`, role: 'authority' },
    ...deptAdmins(d.holderDepartmentId), ...deptAdmins(d.requesterDepartmentId),
  ],
});

/** Who the catalog's workflows act as in the audit trail. */
export const workflowActor = (name: string, departmentId: string | null, regionCode: string | null): AuditActor =>
  ({ username: name, sub: name, department: departmentId, region: regionCode });
