// Activities of the change-request workflow (000 §9): idempotent, guarded by the request's PENDING status under a row lock.
import { auditAs, officialCalendarsAtLeast } from '@gov/kit';
import type { CalendarActivities, CatalogChangeActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { ChangeRequest } from '../entities/change-request';
import { DataResource } from '../entities/data-resource';
import { ChangeStatus, ResourceStatus } from '../entities/enums';
import { entryFields, writeItems } from '../domain/entries';
import { recordVersion } from '../domain/versions';
import { changeEscalationNotice, changeReminderNotice, workflowActor } from '../domain/deadline-notices';
import type { EntryInput } from '../domain/rules';

export function changeActivities(ds: DataSource): CatalogChangeActivities & CalendarActivities {
  const repo = () => ds.getRepository(ChangeRequest);
  return {
    // The loaded official calendars, as a result recorded in the workflow's history.
    officialCalendars: (atLeast) => officialCalendarsAtLeast(atLeast),
    async recordChangeDeadline({ changeRequestId, deadline, calendarVersion }) {
      await repo().update({ id: changeRequestId, status: ChangeStatus.PENDING }, { reviewDeadline: new Date(deadline), reviewCalendar: calendarVersion ?? null });
    },
    async recountChange({ changeRequestId, deadline, calendarVersion, previous }) {
      // The review deadline counted again on a newly loaded official calendar: stored, and recorded once.
      await ds.transaction(async (m) => {
        const r = await m.getRepository(ChangeRequest).createQueryBuilder().update().set({ reviewDeadline: new Date(deadline), reviewCalendar: calendarVersion })
          .where('id = :id AND status = :s AND NOT (review_deadline <=> :d AND review_calendar <=> :c)', { id: changeRequestId, s: ChangeStatus.PENDING, d: new Date(deadline), c: calendarVersion }).execute();
        if (!r.affected) return; // a retried activity (or decided meanwhile)
        const c = await m.getRepository(ChangeRequest).findOneByOrFail({ id: changeRequestId });
        await auditAs(workflowActor('catalog-change', c.departmentId, c.regionCode), {
          action: 'UPDATE', resourceId: c.resourceId, detail: `catalog change ${changeRequestId} review deadline recounted on ${calendarVersion}: ${deadline} (was ${previous})`,
        }, { requestId: `catalog-change-${changeRequestId}`, source: 'catalog', manager: m });
      });
    },
    async markChangeOverdue({ changeRequestId }) {
      await ds.transaction(async (m) => {
        const r = await m.getRepository(ChangeRequest).createQueryBuilder().update()
          .set({ reviewOverdue: true, reviewEscalatedAt: () => 'COALESCE(review_escalated_at, CURRENT_TIMESTAMP(3))' })
          .where('id = :id AND status = :s AND NOT review_overdue', { id: changeRequestId, s: ChangeStatus.PENDING }).execute();
        if (!r.affected) return; // a retried activity (or decided meanwhile): recorded and told once
        const c = await m.getRepository(ChangeRequest).findOneByOrFail({ id: changeRequestId });
        await auditAs(workflowActor('catalog-change', c.departmentId, c.regionCode), {
          action: 'UPDATE', resourceId: c.resourceId, detail: `catalog change ${changeRequestId} review overdue: escalated`, notify: changeEscalationNotice(c),
        }, { requestId: `catalog-change-${changeRequestId}`, source: 'catalog', manager: m });
      });
    },
    async remindChange({ changeRequestId, deadline }) {
      const c = await repo().findOneBy({ id: changeRequestId, status: ChangeStatus.PENDING });
      if (!c) return; // decided meanwhile
      await auditAs(workflowActor('catalog-change', c.departmentId, c.regionCode), {
        action: 'ACCESS', resourceId: c.resourceId, detail: `catalog change ${changeRequestId} due ${deadline}: reminder one working day ahead`, notify: changeReminderNotice(c),
      }, { requestId: `catalog-change-${changeRequestId}`, source: 'catalog', once: `catalog-change-${changeRequestId}:${deadline}:reminder` });
    },
    async applyChange({ changeRequestId, reviewer, comment }) {
      await ds.transaction(async (m) => {
        const cr = await m.getRepository(ChangeRequest).findOne({ where: { id: changeRequestId }, lock: { mode: 'pessimistic_write' } });
        if (!cr || cr.status !== ChangeStatus.PENDING) return; // applied already
        const r = await m.getRepository(DataResource).findOne({ where: { id: cr.resourceId }, lock: { mode: 'pessimistic_write' } });
        if (!r) return;
        const entry = JSON.parse(cr.proposed) as EntryInput;
        const version = r.version + 1;
        await m.getRepository(DataResource).update({ id: r.id }, {
          ...entryFields(entry), version, status: ResourceStatus.PUBLISHED, publishedAt: new Date(), reviewComment: comment ?? null,
        });
        await writeItems(m, r.id, entry);
        await recordVersion(m, r.id, version, cr.id);
        await m.getRepository(ChangeRequest).update({ id: cr.id }, {
          status: ChangeStatus.APPROVED, openKey: null, newVersion: version, reviewer, reviewComment: comment ?? null,
        });
      });
    },
    async rejectChange({ changeRequestId, reviewer, comment }) {
      await repo().update({ id: changeRequestId, status: ChangeStatus.PENDING },
        { status: ChangeStatus.REJECTED, openKey: null, reviewer, reviewComment: comment ?? null });
    },
  };
}
