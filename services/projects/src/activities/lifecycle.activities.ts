// Activities of the project lifecycle workflow: conditional updates of project rows, safe to retry.
import { randomUUID } from 'node:crypto';
import { auditAs, type AuditNotice, type AuditNoticeRecipient } from '@gov/kit';
import type { ProjectLifecycleActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import type { PartyKinds } from '../config';
import { DigitalProject } from '../entities/digital-project';
import { DigitalProjectStatus } from '../entities/enums';
import { partyDepartment } from '../domain/rules';
import { OmReport } from '../entities/project-records';

const DEFAULT_KINDS: PartyKinds = { reformDepartmentKind: 'fgw', financeDepartmentKind: 'czj', bigDataCentreKind: 'dsjzx' };
type Of = Pick<DigitalProject, 'id' | 'ownerDepartmentId' | 'regionCode'>;
const authority = (p: Of): AuditNoticeRecipient => ({ regionCode: p.regionCode, role: 'authority' });
const owner = (p: Of): AuditNoticeRecipient[] => [{ departmentId: p.ownerDepartmentId, role: 'dept-admin' }];
const subject = (p: Of) => ({ subjectType: 'DigitalProject', subjectId: p.id, link: `/console/projects?id=${p.id}` });
const actorOf = (p: Of) => ({ username: 'project-lifecycle', sub: 'project-lifecycle', department: p.ownerDepartmentId, region: p.regionCode });

/** Who must act while a project waits in `stage` (the party of STEP_RULES; the owner rectifies). */
function actors(stage: string, p: Of, kinds: PartyKinds): AuditNoticeRecipient[] {
  switch (stage) {
    case DigitalProjectStatus.APPROVAL_REVIEW: return [{ departmentId: partyDepartment('reform', p.regionCode, kinds), role: 'dept-admin' }, { departmentId: partyDepartment('reform', p.regionCode, kinds), role: 'dept-approver' }];
    case DigitalProjectStatus.BUDGET_REVIEW: return [{ departmentId: partyDepartment('finance', p.regionCode, kinds), role: 'dept-admin' }, { departmentId: partyDepartment('finance', p.regionCode, kinds), role: 'dept-approver' }];
    case DigitalProjectStatus.RECTIFICATION: return owner(p);
    default: return [authority(p)];
  }
}
const uniq = (list: AuditNoticeRecipient[]) => list.filter((r, i) => list.findIndex((o) => JSON.stringify(o) === JSON.stringify(r)) === i);

function stepReminder(stage: string, p: Of, kinds: PartyKinds): AuditNotice {
  return { kind: 'REMINDER', title: `数字化项目${stage}即将到期（剩余1个工作日）`, ...subject(p), recipients: actors(stage, p, kinds) };
}
/** The step ran late: the authority of the project's region and the late party (and the owner, who waits). */
function stepEscalation(stage: string, p: Of, kinds: PartyKinds): AuditNotice {
  return { kind: 'ESCALATION', title: `数字化项目${stage}超期`, ...subject(p), recipients: uniq([authority(p), ...actors(stage, p, kinds), ...owner(p)]) };
}

export function lifecycleActivities(ds: DataSource, kinds: PartyKinds = DEFAULT_KINDS): ProjectLifecycleActivities {
  return {
    async markProjectStepOverdue({ projectId, stage, deadline }) {
      await ds.transaction(async (m) => {
        const p = await m.getRepository(DigitalProject).findOne({ where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
        // Moved on, or already marked (a retry): nothing to do.
        if (!p || p.status !== stage || p.stageOverdue || p.stageDeadline?.toISOString() !== deadline) return;
        await m.getRepository(DigitalProject).update({ id: projectId, status: stage as DigitalProjectStatus }, { stageOverdue: true, overdueSteps: [...p.overdueSteps, stage] });
        await auditAs(actorOf(p), { action: 'UPDATE', detail: `project ${projectId} ${stage} overdue (deadline ${deadline}): escalated`, notify: stepEscalation(stage, p, kinds) },
          { requestId: `digital-project-${projectId}`, source: 'projects', manager: m });
      });
    },
    async remindProjectStep({ projectId, stage, deadline }) {
      const p = await ds.getRepository(DigitalProject).findOneBy({ id: projectId });
      if (!p || p.status !== stage || p.stageDeadline?.toISOString() !== deadline) return; // moved on meanwhile
      await auditAs(actorOf(p), { action: 'ACCESS', detail: `project ${projectId} ${stage} due ${deadline}: reminder one working day ahead`, notify: stepReminder(stage, p, kinds) },
        { requestId: `digital-project-${projectId}`, source: 'projects', once: `digital-project-${projectId}:${stage}:${deadline}:reminder` });
    },
    async remindOmReport({ projectId, year, due }) {
      const p = await ds.getRepository(DigitalProject).findOneBy({ id: projectId });
      if (!p || (await ds.getRepository(OmReport).findOneBy({ projectId, omYear: year }))?.filedAt) return; // filed already
      await auditAs(actorOf(p), {
        action: 'ACCESS', detail: `project ${projectId} O&M report ${year} due ${due}: reminder one working day ahead`,
        notify: { kind: 'REMINDER', title: `运维年度报告（第${year}年）即将到期（剩余1个工作日）`, ...subject(p), recipients: owner(p) },
      }, { requestId: `digital-project-${projectId}`, source: 'projects', once: `digital-project-${projectId}:om-${year}:${due}:reminder` });
    },
    async markOmReportOverdue({ projectId, year }) {
      await ds.transaction(async (m) => {
        await m.getRepository(OmReport).createQueryBuilder().insert().values({ id: randomUUID(), projectId, omYear: year, overdue: true }).orIgnore().execute();
        const late = await m.getRepository(OmReport).createQueryBuilder().update().set({ overdue: true })
          .where('project_id = :p AND om_year = :y AND filed_at IS NULL AND overdue = 0', { p: projectId, y: year }).execute();
        const inserted = await m.getRepository(OmReport).findOneBy({ projectId, omYear: year });
        if (!late.affected && !(inserted?.overdue && !inserted.filedAt)) return;
        const p = await m.getRepository(DigitalProject).findOne({ where: { id: projectId }, lock: { mode: 'pessimistic_write' } });
        const mark = `OM_REPORT_${year}`;
        if (p && !p.overdueSteps.includes(mark)) {
          await m.getRepository(DigitalProject).update({ id: projectId }, { overdueSteps: [...p.overdueSteps, mark] });
          // The authority and the late owner are told (issue 14 §4), once: with the mark that records it.
          await auditAs(actorOf(p), {
            action: 'UPDATE', detail: `project ${projectId} O&M report ${year} not filed in time: escalated`,
            notify: { kind: 'ESCALATION', title: `运维年度报告（第${year}年）超期未报送`, ...subject(p), recipients: [authority(p), ...owner(p)] },
          }, { requestId: `digital-project-${projectId}`, source: 'projects', manager: m });
        }
      });
    },
  };
}
