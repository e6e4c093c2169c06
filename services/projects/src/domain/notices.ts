// The notices a project's steps carry in their audit records (issue 14 §4): a party's decision tells the owner
// department; a step that leaves the project waiting on the authority tells the authority of the project's region.
import type { AuditNotice, AuditNoticeRecipient } from '@gov/kit';
import type { DigitalProject } from '../entities/digital-project';
import { ProjectDecisionStep, type DigitalProjectStatus } from '../entities/enums';
import { STEP_RULES } from './rules';

/** The statuses in which the authority decides next (a change request waits on it too, without a status). */
const AUTHORITY_DECIDES = new Set<DigitalProjectStatus>(Object.entries(STEP_RULES)
  .filter(([step, r]) => r.party === 'authority' && step !== ProjectDecisionStep.CHANGE).flatMap(([, r]) => r.from));

type Of = Pick<DigitalProject, 'id' | 'ownerDepartmentId' | 'regionCode'>;

/** The notice of one step (`decided`: a party's decision), or null when nobody needs telling. */
export function stepNotice(p: Of, step: { event: string; to: DigitalProjectStatus | null }, decided: boolean): AuditNotice | null {
  const authority: AuditNoticeRecipient[] = (step.to && AUTHORITY_DECIDES.has(step.to)) || step.event === 'CHANGE_REQUESTED'
    ? [{ regionCode: p.regionCode, role: 'authority' }] : [];
  const subject = { subjectType: 'DigitalProject', subjectId: p.id, link: `/console/projects?id=${p.id}` };
  if (decided) {
    return { kind: 'DECISION', title: `数字化项目审查结果：${step.event}`, ...subject, recipients: [{ departmentId: p.ownerDepartmentId, role: 'dept-admin' }, ...authority] };
  }
  return authority.length ? { kind: 'TASK', title: `数字化项目待审查：${step.to ?? step.event}`, ...subject, recipients: authority } : null;
}
