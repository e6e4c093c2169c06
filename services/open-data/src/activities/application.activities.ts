// Activities of the open-data application workflow: open-data rows only, idempotent by conditional updates, and one
// audit record per change in the change's transaction.
import { auditAs, officialCalendarsAtLeast, type AuditActor } from '@gov/kit';
import type { CalendarActivities, OpenDataApplicationActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { OpenDataApplication, OpenDataApplicationStatus } from '../entities/open-data-application';
import { applicantDecisionNotice, reviewEscalationNotice, reviewReminderNotice, reviewTaskNotice } from '../domain/notices';

const WORKFLOW_ACTOR: AuditActor = { username: 'workflow:open-data-application', sub: 'workflow', department: null, region: null };

export function applicationActivities(ds: DataSource): OpenDataApplicationActivities & CalendarActivities {
  return {
    // The loaded official calendars, as a result recorded in the workflow's history.
    officialCalendars: (atLeast) => officialCalendarsAtLeast(atLeast),
    async openReview({ applicationId, deadline, calendarVersion }) {
      await ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataApplication).createQueryBuilder().update().set({ decisionDeadline: new Date(deadline), decisionCalendar: calendarVersion ?? null })
          .where('id = :id AND decision_deadline IS NULL', { id: applicationId }).execute();
        if (!r.affected) return; // a retried activity: the publisher was told
        const a = await m.getRepository(OpenDataApplication).findOneByOrFail({ id: applicationId });
        await auditAs(WORKFLOW_ACTOR, { action: 'UPDATE', resourceId: a.datasetId, detail: `open data application ${applicationId} to answer by ${deadline}`, notify: reviewTaskNotice(a) },
          { requestId: `open-data-application-${applicationId}-review`, source: 'open-data', manager: m });
      });
    },
    async recountApplication({ applicationId, deadline, calendarVersion, previous }) {
      // The decision deadline counted again on a newly loaded official calendar: stored, and recorded once.
      await ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataApplication).createQueryBuilder().update().set({ decisionDeadline: new Date(deadline), decisionCalendar: calendarVersion })
          .where('id = :id AND status = :s AND NOT (decision_deadline <=> :d AND decision_calendar <=> :c)', { id: applicationId, s: OpenDataApplicationStatus.SUBMITTED, d: new Date(deadline), c: calendarVersion }).execute();
        if (!r.affected) return; // a retried activity (or decided meanwhile)
        const a = await m.getRepository(OpenDataApplication).findOneByOrFail({ id: applicationId });
        await auditAs(WORKFLOW_ACTOR, { action: 'UPDATE', resourceId: a.datasetId, detail: `open data application ${applicationId} deadline recounted on ${calendarVersion}: ${deadline} (was ${previous})` },
          { requestId: `open-data-application-${applicationId}`, source: 'open-data', manager: m });
      });
    },
    async remindApplication({ applicationId, deadline }) {
      // Only while it still waits for the decision; one record (one notice) per deadline however often retried.
      const a = await ds.getRepository(OpenDataApplication).findOneBy({ id: applicationId, status: OpenDataApplicationStatus.SUBMITTED });
      if (!a) return;
      await auditAs(WORKFLOW_ACTOR, { action: 'ACCESS', resourceId: a.datasetId, detail: `open data application ${applicationId} due ${deadline}: reminder one working day ahead`, notify: reviewReminderNotice(a) },
        { requestId: `open-data-application-${applicationId}`, source: 'open-data', once: `open-data-application-${applicationId}:${deadline}:reminder` });
    },
    async escalateApplication({ applicationId }) {
      await ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataApplication).createQueryBuilder().update().set({ overdue: true })
          .where('id = :id AND status = :s AND overdue = FALSE', { id: applicationId, s: OpenDataApplicationStatus.SUBMITTED }).execute();
        if (r.affected) {
          const a = await m.getRepository(OpenDataApplication).findOneByOrFail({ id: applicationId });
          await auditAs(WORKFLOW_ACTOR, { action: 'UPDATE', detail: `open data application ${applicationId} overdue: escalated to the authority (000 §21)`, notify: reviewEscalationNotice(a) },
            { requestId: `open-data-application-${applicationId}-overdue`, source: 'open-data', manager: m });
        }
      });
    },
    async recordApplicationDecision({ applicationId, decision }) {
      await ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataApplication).createQueryBuilder().update()
          .set({
            status: decision.approve ? OpenDataApplicationStatus.APPROVED : OpenDataApplicationStatus.REFUSED,
            decidedBy: decision.actor, decisionReason: decision.reason, decidedAt: new Date(),
          })
          .where('id = :id AND status = :s', { id: applicationId, s: OpenDataApplicationStatus.SUBMITTED }).execute();
        if (r.affected) {
          const a = await m.getRepository(OpenDataApplication).findOneByOrFail({ id: applicationId });
          await auditAs({ ...WORKFLOW_ACTOR, username: decision.actor.slice(0, 64) }, {
            action: 'APPROVE', detail: `open data application ${applicationId} ${decision.approve ? 'approved' : 'refused'}`,
            notify: applicantDecisionNotice(a, decision.approve),
          }, { requestId: `open-data-application-${applicationId}-decision`, source: 'open-data', manager: m });
        }
      });
    },
  };
}
