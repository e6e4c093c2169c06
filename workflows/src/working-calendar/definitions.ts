// Shared between the calendar propagation workflow, the services that hold deadlines and tests. Definitions only.
import { defineSignal } from '@temporalio/workflow';
import type { OfficialCalendar } from '@gov/working-days';

/** Sent to a running workflow whose deadlines fall in `year`: count them again on the newly loaded calendar. */
export interface CalendarChange { year: number; version: number }
export const calendarChangedSignal = defineSignal<[CalendarChange]>('calendarChanged');

/** Workflow id = business key: loading the same version twice never propagates it twice. */
export function calendarPropagationWorkflowId(year: number, version: number): string {
  return `working-calendar-${year}-v${version}`;
}

/** On every service queue that holds running deadlines: the calendars it counts on, and the recount of its workflows. */
export interface CalendarActivities {
  /** The loaded official calendars (from their owner), as a result recorded in the workflow's history; `atLeast`: a
   *  version just loaded, fetched from the owner if this process does not hold it yet. */
  officialCalendars(atLeast?: CalendarChange | null): Promise<OfficialCalendar[]>;
}
export interface ShareCalendarActivities extends CalendarActivities {
  /** Signals every running approval whose open deadline falls in that year; returns how many. */
  recountShareDeadlines(change: CalendarChange): Promise<number>;
}
export interface OpenDataCalendarActivities extends CalendarActivities {
  /** Signals every running open-data application and complaint/feedback whose open deadline falls in that year. */
  recountOpenDataDeadlines(change: CalendarChange): Promise<number>;
}
export interface CatalogCalendarActivities extends CalendarActivities {
  /** Signals every running catalog review and change request whose open deadline falls in that year. */
  recountCatalogDeadlines(change: CalendarChange): Promise<number>;
}
export interface QualityCalendarActivities extends CalendarActivities {
  /** Signals every running quality issue whose open fix deadline falls in that year. */
  recountQualityDeadlines(change: CalendarChange): Promise<number>;
}
