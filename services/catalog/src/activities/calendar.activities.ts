// A newly loaded official calendar: every running catalog review and change request whose open deadline may fall in
// that year counts it again (the workflow recounts, `recountReview` / `recountChange` record).
import { startOfChinaYear } from '@gov/kit';
import { calendarChangedSignal, catalogChangeWorkflowId, catalogReviewWorkflowId, type CalendarChange, type CatalogCalendarActivities } from '@gov/workflows';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';

export function calendarActivities(ds: DataSource, temporal: Client): Omit<CatalogCalendarActivities, 'officialCalendars'> {
  return {
    async recountCatalogDeadlines(change: CalendarChange) {
      const from = startOfChinaYear(change.year); // a later year's deadline may count days of that year too
      const reviews: Array<{ id: string; n: number }> = await ds.query(
        "SELECT id, submission_count AS n FROM data_resource WHERE status = 'SUBMITTED' AND review_deadline >= ?", [from]);
      const changes: Array<{ id: string }> = await ds.query("SELECT id FROM change_request WHERE status = 'PENDING' AND review_deadline >= ?", [from]);
      let signalled = 0;
      for (const workflowId of [...reviews.map((r) => catalogReviewWorkflowId(r.id, Number(r.n))), ...changes.map((c) => catalogChangeWorkflowId(c.id))]) {
        try {
          await temporal.workflow.getHandle(workflowId).signal(calendarChangedSignal, change);
          signalled++;
        } catch (e) {
          // A workflow that closed meanwhile has no deadline left to recount.
          if ((e as Error).name !== 'WorkflowNotFoundError') throw e;
        }
      }
      return signalled;
    },
  };
}
