// The notices an open-data application's steps carry in their audit records (issue 14 §4): security derives the inbox.
import type { AuditNotice, AuditNoticeRecipient } from '@gov/kit';
import type { OpenDataApplication } from '../entities/open-data-application';
import { OpenDataCaseType, type OpenDataCase } from '../entities/open-data-case';

type Of = Pick<OpenDataApplication, 'id' | 'publisherDepartmentId' | 'regionCode' | 'applicant'>;
const subject = (a: Of) => ({ subjectType: 'OpenDataApplication', subjectId: a.id });

/** The publisher department's deciders: the same roles `decideOpenDataApplication` admits. */
export const publisherDeciders = (a: Pick<OpenDataApplication, 'publisherDepartmentId'>): AuditNoticeRecipient[] =>
  [{ departmentId: a.publisherDepartmentId, role: 'dept-admin' }, { departmentId: a.publisherDepartmentId, role: 'dept-approver' }];

export function reviewTaskNotice(a: Of): AuditNotice {
  return { kind: 'TASK', title: '开放数据申请待答复（7个工作日）', ...subject(a), link: null, recipients: publisherDeciders(a) };
}

/** The decision deadline is one working day away (`reminderInstant`): the publisher's deciders again. */
export function reviewReminderNotice(a: Of): AuditNotice {
  return { kind: 'REMINDER', title: '开放数据申请即将到期（剩余1个工作日）', ...subject(a), link: null, recipients: publisherDeciders(a) };
}

export function reviewEscalationNotice(a: Of): AuditNotice {
  return { kind: 'ESCALATION', title: '开放数据申请超期未答复', ...subject(a), link: null, recipients: [{ regionCode: a.regionCode, role: 'authority' }, ...publisherDeciders(a)] };
}

export function applicantDecisionNotice(a: Of, approve: boolean): AuditNotice {
  return { kind: 'DECISION', title: approve ? '开放数据申请已通过' : '开放数据申请未通过', ...subject(a), link: '/portal/mine', recipients: [{ username: a.applicant }] };
}

/** A complaint or feedback answered (003 §17): the public user who filed it, by username. */
export function caseAnsweredNotice(c: Pick<OpenDataCase, 'id' | 'type' | 'submitter'>): AuditNotice {
  return {
    kind: 'DECISION', title: c.type === OpenDataCaseType.COMPLAINT ? '您的开放数据投诉已答复' : '您的开放数据意见反馈已答复', subjectType: 'OpenDataCase', subjectId: c.id,
    link: '/portal/mine', recipients: [{ username: c.submitter }],
  };
}

type CaseOf = Pick<OpenDataCase, 'id' | 'publisherDepartmentId' | 'regionCode' | 'type'>;
const caseSubject = (c: CaseOf) => ({ subjectType: 'OpenDataCase', subjectId: c.id, link: null });
const caseName = (c: CaseOf) => (c.type === 'COMPLAINT' ? '投诉' : '意见反馈');

/** A complaint or feedback to answer within 10 working days (003 §17, §24): the publisher's deciders. */
export function caseTaskNotice(c: CaseOf): AuditNotice {
  return { kind: 'TASK', title: `开放数据${caseName(c)}待答复（10个工作日）`, ...caseSubject(c), recipients: publisherDeciders(c) };
}
export function caseReminderNotice(c: CaseOf): AuditNotice {
  return { kind: 'REMINDER', title: `开放数据${caseName(c)}即将到期（剩余1个工作日）`, ...caseSubject(c), recipients: publisherDeciders(c) };
}
/** Past its deadline unanswered: the authority of the region and the late publisher. */
export function caseEscalationNotice(c: CaseOf): AuditNotice {
  return { kind: 'ESCALATION', title: `开放数据${caseName(c)}超期未答复`, ...caseSubject(c), recipients: [{ regionCode: c.regionCode, role: 'authority' }, ...publisherDeciders(c)] };
}
