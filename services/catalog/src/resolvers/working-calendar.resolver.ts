// Issue 14: the city authority loads a year's official working-day calendar (State Council notice); counties use the
// city's. Reading it is public reference data, like regions and departments (every service refreshes it).
import { ForbiddenError, isCity, requireRegion, startWorkflowOnce } from '@gov/kit';
import { calendarPropagationWorkflowId, refs } from '@gov/workflows';
import { installOfficialCalendars } from '@gov/working-days';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { CatalogContext } from '../context';
import { WorkingCalendar } from '../entities/working-calendar';
import { calendarVersions, checkCalendar, latestCalendar, latestCalendars, storeCalendar } from '../domain/working-calendar';
import { OfficialCalendarInput } from './working-calendar.input';

@Resolver(() => WorkingCalendar)
export class WorkingCalendarResolver {
  @Query(() => WorkingCalendar, { nullable: true, description: "the year's official calendar in force (latest version); null: not loaded, deadlines in that year are provisional" })
  workingCalendar(@Arg('year', () => Int) year: number, @Ctx() ctx: CatalogContext): Promise<WorkingCalendar | null> {
    return latestCalendar(ctx.ds, year);
  }

  @Query(() => [WorkingCalendar], { description: "every loaded version of the year's calendar, newest first" })
  workingCalendarVersions(@Arg('year', () => Int) year: number, @Ctx() ctx: CatalogContext): Promise<WorkingCalendar[]> {
    return calendarVersions(ctx.ds, year);
  }

  @Query(() => [WorkingCalendar], { description: 'the calendar in force of every loaded year (what every service counts deadlines on)' })
  officialCalendars(@Ctx() ctx: CatalogContext): Promise<WorkingCalendar[]> {
    return latestCalendars(ctx.ds);
  }

  @Authorized('authority')
  @Mutation(() => WorkingCalendar, {
    description: "the city authority loads or corrects a year's official calendar (a new version; the same days again change nothing); "
      + 'running deadlines falling in that year are counted again',
  })
  async loadOfficialCalendar(@Arg('input', () => OfficialCalendarInput) input: OfficialCalendarInput, @Ctx() ctx: CatalogContext): Promise<WorkingCalendar> {
    const user = requireRegion(ctx);
    if (!isCity(user.region)) throw new ForbiddenError("a county counts on the city's calendar; the city authority loads it");
    const days = checkCalendar(input);
    const { calendar } = await ctx.ds.transaction(async (m) => {
      const stored = await storeCalendar(m, days, input.basis, user.username);
      await ctx.audit({
        action: 'UPDATE', resourceId: `working-calendar-${days.year}`,
        detail: stored.created
          ? `official calendar ${days.year} v${stored.calendar.version}: ${days.holidays.length} days off, ${days.workdays.length} make-up days (${input.basis})`
          : `official calendar ${days.year} loaded again unchanged (v${stored.calendar.version})`,
      }, m);
      return stored;
    });
    installOfficialCalendars([calendar]);
    // Also on an unchanged retry: a propagation a failed first attempt never started starts now (id = year + version).
    await startWorkflowOnce(ctx.temporal, refs.calendarPropagation, {
      id: calendarPropagationWorkflowId(calendar.year, calendar.version), taskQueuePrefix: ctx.taskQueuePrefix,
      args: [{ year: calendar.year, version: calendar.version }],
    });
    return calendar;
  }
}
