// A newly loaded official calendar reaches the running workflows whose deadlines it changes: each holder of deadlines
// signals its own workflows (it knows which rows have a deadline in that year); retried until every holder answered.
import type { CalendarChange, ShareCalendarActivities } from './definitions';
import { serviceActivities } from '../activities';

export async function calendarPropagationWorkflow(change: CalendarChange): Promise<{ sharing: number }> {
  const sharing = serviceActivities<ShareCalendarActivities>('sharing');
  return { sharing: await sharing.recountShareDeadlines(change) };
}
