// Activities of the complaint / feedback workflow: open-data rows only, idempotent by conditional updates.
import { auditAs, officialCalendarsAtLeast, type AuditActor } from '@gov/kit';
import type { CalendarActivities, OpenDataCaseActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { OpenDataCase, OpenDataCaseStatus } from '../entities/open-data-case';
import { caseEscalationNotice, caseReminderNotice, caseTaskNotice } from '../domain/notices';

const WORKFLOW_ACTOR: AuditActor = { username: 'workflow:open-data-case', sub: 'workflow', department: null, region: null };

export function caseActivities(ds: DataSource): OpenDataCaseActivities & CalendarActivities {
  return {
    // The loaded official calendars, as a result recorded in the workflow's history.
    officialCalendars: (atLeast) => officialCalendarsAtLeast(atLeast),
    async openCase({ caseId, deadline, calendarVersion }) {
      await ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataCase).createQueryBuilder().update().set({ answerDeadline: new Date(deadline), answerCalendar: calendarVersion ?? null })
          .where('id = :id AND answer_deadline IS NULL', { id: caseId }).execute();
        if (!r.affected) return; // a retried activity: the publisher was told
        const c = await m.getRepository(OpenDataCase).findOneByOrFail({ id: caseId });
        // The publisher learns of the case from this record (security derives the notice as it chains it).
        await auditAs(WORKFLOW_ACTOR, { action: 'UPDATE', resourceId: c.datasetId, detail: `open data case ${caseId} to answer by ${deadline}`, notify: caseTaskNotice(c) },
          { requestId: `open-data-case-${caseId}-open`, source: 'open-data', manager: m });
      });
    },
    async recountCase({ caseId, deadline, calendarVersion, previous }) {
      // The answer deadline counted again on a newly loaded official calendar: stored, and recorded once.
      await ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataCase).createQueryBuilder().update().set({ answerDeadline: new Date(deadline), answerCalendar: calendarVersion })
          .where('id = :id AND status = :s AND NOT (answer_deadline <=> :d AND answer_calendar <=> :c)', { id: caseId, s: OpenDataCaseStatus.OPEN, d: new Date(deadline), c: calendarVersion }).execute();
        if (!r.affected) return; // a retried activity (or answered meanwhile)
        const c = await m.getRepository(OpenDataCase).findOneByOrFail({ id: caseId });
        await auditAs(WORKFLOW_ACTOR, { action: 'UPDATE', resourceId: c.datasetId, detail: `open data case ${caseId} deadline recounted on ${calendarVersion}: ${deadline} (was ${previous})` },
          { requestId: `open-data-case-${caseId}-recount`, source: 'open-data', manager: m });
      });
    },
    async remindCase({ caseId, deadline }) {
      const c = await ds.getRepository(OpenDataCase).findOneBy({ id: caseId, status: OpenDataCaseStatus.OPEN });
      if (!c) return; // answered meanwhile
      await auditAs(WORKFLOW_ACTOR, { action: 'ACCESS', resourceId: c.datasetId, detail: `open data case ${caseId} due ${deadline}: reminder one working day ahead`, notify: caseReminderNotice(c) },
        { requestId: `open-data-case-${caseId}-reminder`, source: 'open-data', once: `open-data-case-${caseId}:${deadline}:reminder` });
    },
    async escalateCase({ caseId }) {
      return ds.transaction(async (m) => {
        const r = await m.getRepository(OpenDataCase).createQueryBuilder().update().set({ overdue: true })
          .where('id = :id AND status = :s AND overdue = FALSE', { id: caseId, s: OpenDataCaseStatus.OPEN }).execute();
        if (r.affected) {
          const c = await m.getRepository(OpenDataCase).findOneByOrFail({ id: caseId });
          // The authority and the late publisher are told (issue 14 §4).
          await auditAs(WORKFLOW_ACTOR,
            { action: 'UPDATE', detail: `open data case ${caseId} unanswered after 10 working days: escalated to the authority (003 §17, §24)`, notify: caseEscalationNotice(c) },
            { requestId: `open-data-case-${caseId}-overdue`, source: 'open-data', manager: m });
        }
        const c = await m.getRepository(OpenDataCase).findOneBy({ id: caseId });
        return c?.status === OpenDataCaseStatus.OPEN;
      });
    },
  };
}
