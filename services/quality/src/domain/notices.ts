// The notices quality's steps carry in their audit records (issue 14 §4): security derives the inbox (and the
// department webhooks) from them; one record per operation, the notice rides on it.
import type { AuditNotice } from '@gov/kit';
import type { Objection } from '../entities/objection';
import type { QualityIssue } from '../entities/quality-issue';

type Issue = Pick<QualityIssue, 'id' | 'departmentId' | 'regionCode'>;
const issue = (i: Issue) => ({ subjectType: 'QualityIssue', subjectId: i.id, link: `/console/quality?issue=${i.id}` });
const sourceAdmins = (x: { departmentId: string }) => [{ departmentId: x.departmentId, role: 'dept-admin' }];

// An issue opened or reopened: its fix workflow tells the source department when the round opens (domain/issues.ts).

/** The department fixed an issue no rule can re-check: the platform operator of its region verifies it. */
export function issueVerifyNotice(i: Issue): AuditNotice {
  return { kind: 'TASK', title: '数据质量问题已整改，待核验', ...issue(i), recipients: [{ regionCode: i.regionCode, role: 'platform-operator' }] };
}

/** The operator verified the fix, or reopened the issue: the source department. */
export function issueVerdictNotice(i: Issue, accepted: boolean): AuditNotice {
  return { kind: 'DECISION', title: accepted ? '数据质量问题整改已核验通过' : '数据质量问题整改未通过，已重新打开', ...issue(i), recipients: sourceAdmins(i) };
}

type Obj = Pick<Objection, 'id' | 'departmentId' | 'regionCode' | 'onPaper' | 'createdBy'>;
const objection = (o: Obj) => ({ subjectType: 'Objection', subjectId: o.id, link: `/console/objections?id=${o.id}` });
const authorityOf = (o: Obj) => [{ regionCode: o.regionCode, role: 'authority' }];

/** 000 §26: an objection received: the authority of the data's region orders the suspension. */
export function objectionReceivedNotice(o: Obj): AuditNotice {
  return { kind: 'TASK', title: '收到数据异议，待通知暂停', ...objection(o), recipients: authorityOf(o) };
}

/** Suspension ordered: the source department verifies and decides. */
export function objectionSuspendedNotice(o: Obj): AuditNotice {
  return { kind: 'TASK', title: '数据异议：已暂停，待核实处理', ...objection(o), recipients: sourceAdmins(o) };
}

/** The department decided: the authority answers the objector. */
export function objectionDecidedNotice(o: Obj): AuditNotice {
  return { kind: 'TASK', title: '数据异议已核实处理，待答复异议人', ...objection(o), recipients: authorityOf(o) };
}

/** Answered: the objector, when it filed online as a user (one received on paper has no inbox). */
export function objectionAnsweredNotice(o: Obj): AuditNotice | null {
  return o.onPaper ? null : { kind: 'DECISION', title: '您提出的数据异议已答复', ...objection(o), link: '/portal/mine', recipients: [{ username: o.createdBy }] };
}
