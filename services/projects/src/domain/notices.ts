// The notices a project's steps carry in their audit records (issue 14 §4): a party's decision tells the owner
// department; a step that leaves the project waiting on a party tells it — the authority of the project's region, or
// the deciders (data administrator, approver) of the region's development-reform commission (approval, §16) or finance
// bureau (budget, §17; final acceptance, §26).
import type { AuditNotice, AuditNoticeRecipient } from '@gov/kit';
import type { PartyKinds } from '../config';
import type { DigitalProject } from '../entities/digital-project';
import { ProjectDecisionStep, type DigitalProjectStatus } from '../entities/enums';
import { partyDepartment } from './rules';
import { STEP_RULES, type Party } from './rules';

/** The parties that decide next in each status (a change request waits on the authority too, without a status). */
const DECIDES_IN = new Map<DigitalProjectStatus, Party[]>();
for (const [step, r] of Object.entries(STEP_RULES)) {
  if (step === ProjectDecisionStep.CHANGE) continue;
  for (const s of r.from) DECIDES_IN.set(s, [...new Set([...(DECIDES_IN.get(s) ?? []), r.party])]);
}

type Of = Pick<DigitalProject, 'id' | 'ownerDepartmentId' | 'regionCode'>;

/** Who is told that the project now waits on `party`. */
function partyRecipients(p: Of, party: Party, kinds: PartyKinds): AuditNoticeRecipient[] {
  if (party === 'authority') return [{ regionCode: p.regionCode, role: 'authority' }];
  const departmentId = partyDepartment(party, p.regionCode, kinds);
  return [{ departmentId, role: 'dept-admin' }, { departmentId, role: 'dept-approver' }];
}

const WAITING_TITLE: Record<Party, string> = { authority: '数字化项目待审查', reform: '数字化项目待审批（发展改革）', finance: '数字化项目待审核（财政）' };

/** The notice of one step (`decided`: a party's decision), or null when nobody needs telling. */
export function stepNotice(p: Of, step: { event: string; to: DigitalProjectStatus | null }, decided: boolean, kinds: PartyKinds): AuditNotice | null {
  const parties: Party[] = step.to ? DECIDES_IN.get(step.to) ?? [] : step.event === 'CHANGE_REQUESTED' ? ['authority'] : [];
  const waiting = parties.flatMap((party) => partyRecipients(p, party, kinds));
  const subject = { subjectType: 'DigitalProject', subjectId: p.id, link: `/console/projects?id=${p.id}` };
  if (decided) {
    return { kind: 'DECISION', title: `数字化项目审查结果：${step.event}`, ...subject, recipients: [{ departmentId: p.ownerDepartmentId, role: 'dept-admin' }, ...waiting] };
  }
  return waiting.length ? { kind: 'TASK', title: `${WAITING_TITLE[parties[0]]}：${step.to ?? step.event}`, ...subject, recipients: waiting } : null;
}
