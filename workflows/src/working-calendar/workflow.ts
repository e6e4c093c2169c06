// A newly loaded official calendar reaches the running workflows whose deadlines it changes: each holder of deadlines
// signals its own workflows (it knows which rows have a deadline in that year); retried until every holder answered.
import { patched } from '@temporalio/workflow';
import type { CalendarChange, CatalogCalendarActivities, OpenDataCalendarActivities, QualityCalendarActivities, ShareCalendarActivities } from './definitions';
import { serviceActivities } from '../activities';

export async function calendarPropagationWorkflow(change: CalendarChange): Promise<{ sharing: number; openData?: number; quality?: number; catalog?: number }> {
  const sharing = serviceActivities<ShareCalendarActivities>('sharing');
  const counts: { sharing: number; openData?: number; quality?: number; catalog?: number } = { sharing: await sharing.recountShareDeadlines(change) };
  // Open data, quality and the catalog hold deadlines too (histories started before they were told replay without).
  if (patched('calendar-propagation-all-holders')) {
    counts.openData = await serviceActivities<OpenDataCalendarActivities>('open-data').recountOpenDataDeadlines(change);
    counts.quality = await serviceActivities<QualityCalendarActivities>('quality').recountQualityDeadlines(change);
    counts.catalog = await serviceActivities<CatalogCalendarActivities>('catalog').recountCatalogDeadlines(change);
  }
  return counts;
}
