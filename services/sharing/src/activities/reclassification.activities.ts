// Activity of the reclassification-opinion workflow (001 §21): touches sharing rows only; idempotent (conditional update).
import { auditAs, type AuditNotice, type AuditNoticeRecipient } from '@gov/kit';
import type { ReclassificationOpinionActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ReclassificationRequest, ReclassificationStatus } from '../entities/reclassification-request';

type Of = Pick<ReclassificationRequest, 'id' | 'providerDepartmentId' | 'providerRegionCode'>;
/** The providing department's deciders: the roles `giveReclassificationOpinion` admits. */
const providers = (r: Of): AuditNoticeRecipient[] =>
  [{ departmentId: r.providerDepartmentId, role: 'dept-admin' }, { departmentId: r.providerDepartmentId, role: 'dept-approver' }];
const subject = (r: Of) => ({ subjectType: 'ReclassificationRequest', subjectId: r.id, link: null });
const reminderNotice = (r: Of): AuditNotice => ({ kind: 'REMINDER', title: '资源调整共享属性意见即将到期（剩余1个工作日）', ...subject(r), recipients: providers(r) });
/** The opinion is late: the authority of the provider's region (which may now decide without it) and the late provider. */
const escalationNotice = (r: Of): AuditNotice =>
  ({ kind: 'ESCALATION', title: '资源调整共享属性意见超期', ...subject(r), recipients: [{ regionCode: r.providerRegionCode, role: 'authority' }, ...providers(r)] });
const actorOf = (r: Of) => ({ username: 'reclassification-opinion', sub: 'reclassification-opinion', department: r.providerDepartmentId, region: r.providerRegionCode });

export function reclassificationActivities(ds: DataSource): ReclassificationOpinionActivities {
  return {
    async escalateReclassificationOpinion({ requestId }) {
      // Only a request still waiting for the opinion; the first escalation time stays.
      await ds.transaction(async (m) => {
        const u = await m.getRepository(ReclassificationRequest).createQueryBuilder().update()
          .set({ opinionOverdue: true, escalatedAt: () => 'COALESCE(escalated_at, CURRENT_TIMESTAMP(3))' })
          .where('id = :id AND status = :open AND NOT opinion_overdue', { id: requestId, open: ReclassificationStatus.OPEN }).execute();
        if (!u.affected) return; // a retried activity, or answered meanwhile
        const r = await m.getRepository(ReclassificationRequest).findOneByOrFail({ id: requestId });
        await auditAs(actorOf(r), { action: 'UPDATE', resourceId: r.resourceId, detail: `reclassification ${requestId} opinion overdue: escalated to the authority (001 §21)`, notify: escalationNotice(r) },
          { requestId: `reclassification-opinion-${requestId}`, source: 'sharing', manager: m });
      });
    },
    async remindReclassificationOpinion({ requestId, deadline }) {
      const r = await ds.getRepository(ReclassificationRequest).findOneBy({ id: requestId, status: ReclassificationStatus.OPEN });
      if (!r || r.providerAgrees !== null) return; // the opinion was given meanwhile
      await auditAs(actorOf(r), { action: 'ACCESS', resourceId: r.resourceId, detail: `reclassification ${requestId} opinion due ${deadline}: reminder one working day ahead`, notify: reminderNotice(r) },
        { requestId: `reclassification-opinion-${requestId}`, source: 'sharing', once: `reclassification-opinion-${requestId}:${deadline}:reminder` });
    },
  };
}
