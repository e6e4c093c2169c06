// A newly loaded official calendar: every running quality issue whose open fix deadline may fall in that year counts it
// again (the workflow recounts, `recountRound` records); the loaded calendars for the workflows.
import { startOfChinaYear } from '@gov/kit';
import { calendarChangedSignal, qualityIssueWorkflowId, type CalendarChange, type QualityCalendarActivities } from '@gov/workflows';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';

export function calendarActivities(ds: DataSource, temporal: Client): Omit<QualityCalendarActivities, 'officialCalendars'> {
  return {
    async recountQualityDeadlines(change: CalendarChange) {
      const rows: Array<{ id: string }> = await ds.query(
        "SELECT id FROM quality_issue WHERE status IN ('OPEN', 'REOPENED') AND deadline >= ?", [startOfChinaYear(change.year)]);
      let signalled = 0;
      for (const { id } of rows) {
        try {
          await temporal.workflow.getHandle(qualityIssueWorkflowId(id)).signal(calendarChangedSignal, change);
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
