// Activities of the catalog review workflow: they touch catalog rows only, and are idempotent (Temporal may retry them).
import { auditAs, officialCalendarsAtLeast } from '@gov/kit';
import type { CalendarActivities, CatalogReviewActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';
import { DataResource } from '../entities/data-resource';
import { ResourceStatus } from '../entities/enums';
import { recordVersion } from '../domain/versions';
import { reviewEscalationNotice, reviewReminderNotice, workflowActor } from '../domain/deadline-notices';

export function reviewActivities(ds: DataSource): CatalogReviewActivities & CalendarActivities {
  const repo = () => ds.getRepository(DataResource);
  return {
    // The loaded official calendars, as a result recorded in the workflow's history.
    officialCalendars: (atLeast) => officialCalendarsAtLeast(atLeast),
    async recordReviewDeadline({ resourceId, deadline, calendarVersion }) {
      await repo().update({ id: resourceId, status: ResourceStatus.SUBMITTED }, { reviewDeadline: new Date(deadline), reviewCalendar: calendarVersion ?? null });
    },
    async recountReview({ resourceId, deadline, calendarVersion, previous }) {
      // The review deadline counted again on a newly loaded official calendar: stored, and recorded once.
      await ds.transaction(async (m) => {
        const r = await m.getRepository(DataResource).createQueryBuilder().update().set({ reviewDeadline: new Date(deadline), reviewCalendar: calendarVersion })
          .where('id = :id AND status = :s AND NOT (review_deadline <=> :d AND review_calendar <=> :c)', { id: resourceId, s: ResourceStatus.SUBMITTED, d: new Date(deadline), c: calendarVersion }).execute();
        if (!r.affected) return; // a retried activity (or decided meanwhile)
        const e = await m.getRepository(DataResource).findOneByOrFail({ id: resourceId });
        await auditAs(workflowActor('catalog-review', e.departmentId, e.regionCode), {
          action: 'UPDATE', resourceId, detail: `catalog review deadline recounted on ${calendarVersion}: ${deadline} (was ${previous})`,
        }, { requestId: `catalog-review-${resourceId}-${e.submissionCount}`, source: 'catalog', manager: m });
      });
    },
    async markReviewOverdue({ resourceId, deadline }) {
      await ds.transaction(async (m) => {
        const r = await m.getRepository(DataResource).createQueryBuilder().update()
          .set({ reviewOverdue: true, reviewEscalatedAt: () => 'COALESCE(review_escalated_at, CURRENT_TIMESTAMP(3))' })
          .where('id = :id AND status = :s AND NOT review_overdue', { id: resourceId, s: ResourceStatus.SUBMITTED }).execute();
        if (!r.affected) return; // a retried activity (or decided meanwhile): recorded and told once
        const e = await m.getRepository(DataResource).findOneByOrFail({ id: resourceId });
        // The authority and the department waiting for the review are told (issue 14 §4).
        await auditAs(workflowActor('catalog-review', e.departmentId, e.regionCode), {
          action: 'UPDATE', resourceId, detail: `catalog review overdue (deadline ${deadline}): escalated`, notify: reviewEscalationNotice(e),
        }, { requestId: `catalog-review-${resourceId}-${e.submissionCount}`, source: 'catalog', manager: m });
      });
    },
    async remindReview({ resourceId, deadline }) {
      const e = await repo().findOneBy({ id: resourceId, status: ResourceStatus.SUBMITTED });
      if (!e) return; // decided meanwhile
      await auditAs(workflowActor('catalog-review', e.departmentId, e.regionCode), {
        action: 'ACCESS', resourceId, detail: `catalog review due ${deadline}: reminder one working day ahead`, notify: reviewReminderNotice(e),
      }, { requestId: `catalog-review-${resourceId}-${e.submissionCount}`, source: 'catalog', once: `catalog-review-${resourceId}-${e.submissionCount}:${deadline}:reminder` });
    },
    async publishResource({ resourceId, comment }) {
      // The status flip and the version-1 snapshot in one transaction: every published version stays queryable (000 §9).
      await ds.transaction(async (m) => {
        const changed = await m.getRepository(DataResource).update({ id: resourceId, status: ResourceStatus.SUBMITTED },
          { status: ResourceStatus.PUBLISHED, publishedAt: new Date(), reviewComment: comment ?? null });
        if (changed.affected) {
          const r = await m.getRepository(DataResource).findOneByOrFail({ id: resourceId });
          await recordVersion(m, resourceId, r.version);
        }
      });
    },
    async returnResourceToDraft({ resourceId, comment }) {
      await repo().update({ id: resourceId, status: ResourceStatus.SUBMITTED },
        { status: ResourceStatus.DRAFT, reviewComment: comment ?? null });
    },
  };
}
