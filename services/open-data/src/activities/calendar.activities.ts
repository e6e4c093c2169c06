// A newly loaded official calendar: every running open-data application and case whose open deadline may fall in that
// year counts it again (the workflow recounts, the activity above records); the loaded calendars for the workflows.
import { startOfChinaYear } from '@gov/kit';
import { calendarChangedSignal, openDataApplicationWorkflowId, openDataCaseWorkflowId, type CalendarChange, type OpenDataCalendarActivities } from '@gov/workflows';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';

export function calendarActivities(ds: DataSource, temporal: Client): Omit<OpenDataCalendarActivities, 'officialCalendars'> {
  return {
    async recountOpenDataDeadlines(change: CalendarChange) {
      const from = startOfChinaYear(change.year); // a later year's deadline may count days of that year too
      const apps: Array<{ id: string }> = await ds.query("SELECT id FROM open_data_application WHERE status = 'SUBMITTED' AND decision_deadline >= ?", [from]);
      const cases: Array<{ id: string }> = await ds.query("SELECT id FROM open_data_case WHERE status = 'OPEN' AND answer_deadline >= ?", [from]);
      let signalled = 0;
      for (const workflowId of [...apps.map((a) => openDataApplicationWorkflowId(a.id)), ...cases.map((c) => openDataCaseWorkflowId(c.id))]) {
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
