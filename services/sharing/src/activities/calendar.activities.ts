// A newly loaded official calendar: every running approval whose open deadline may fall in that year counts it again.
import type { Client } from '@temporalio/client';
import { calendarChangedSignal, shareApprovalWorkflowId, type CalendarChange, type ShareCalendarActivities } from '@gov/workflows';
import type { DataSource } from 'typeorm';

export function calendarActivities(ds: DataSource, temporal: Client): Omit<ShareCalendarActivities, 'officialCalendars'> {
  return {
    async recountShareDeadlines(change: CalendarChange) {
      // Deadlines from the first instant of that year in China on (a later year's deadline may count days of it too).
      const from = new Date(Date.UTC(change.year, 0, 1) - 8 * 3600_000);
      const rows: Array<{ id: string }> = await ds.query(
        'SELECT id FROM share_application WHERE stage IS NOT NULL AND stage_deadline >= ?', [from]);
      let signalled = 0;
      for (const { id } of rows) {
        try {
          await temporal.workflow.getHandle(shareApprovalWorkflowId(id)).signal(calendarChangedSignal, change);
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
