// The one deadline shape of the graph (issue 14): when it falls, the working days it counts, whether the calendar behind
// it is official for that year (else provisional), whether it passed, and which calendar version counted it.
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import {
  calendarVersion, installOfficialCalendars, installedOfficialCalendars, type Calendars, type OfficialCalendar,
} from '@gov/working-days';
import { commonConfig, type CommonConfig } from './config';
import type { Logger } from './logger';
import { callSubgraphAsService } from './run';

@Directive('@shareable')
@ObjectType({ description: 'a time limit in Chinese working days and the calendar it was counted on' })
export class Deadline {
  @Field({ description: 'the last instant of the last working day (24:00 Beijing time)' }) dueAt: Date;
  @Field(() => Int, { nullable: true, description: 'the working days the limit counts' }) workingDays: number | null;
  @Field({ description: 'true: counted on statutory holidays only — the official calendar of that year is not loaded yet' }) provisional: boolean;
  @Field({ description: 'the time limit has passed without the step being done' }) overdue: boolean;
  @Field({ description: 'official:<year>#<version> (loaded by the authority), shipped:<year> or statutory:<year> (provisional)' }) calendarVersion: string;
}

/**
 * A Deadline from a stored due instant. `version` is the calendar the deadline was counted on when the counting code
 * recorded it (a workflow's activity result); without it, this process's installed calendars say.
 */
export function deadlineOf(dueAt: Date | null | undefined, opts: { workingDays?: number | null; overdue?: boolean; version?: string | null; calendars?: Calendars; now?: number } = {}): Deadline | null {
  if (!dueAt) return null;
  const lastDay = dueAt.getTime() - 1; // 24:00 belongs to the day that ends there
  const version = opts.version ?? calendarVersion(lastDay, opts.calendars);
  return {
    dueAt, workingDays: opts.workingDays ?? null, provisional: version.startsWith('statutory:'),
    overdue: opts.overdue ?? dueAt.getTime() < (opts.now ?? Date.now()), calendarVersion: version,
  };
}

const CALENDARS = 'query OfficialCalendars { officialCalendars { year version holidays workdays } }';
let lastRefresh = 0;
let inflight: Promise<OfficialCalendar[]> | null = null;

/**
 * The authority's loaded calendars, fetched from their owner (catalog) as the platform and installed in this process, so
 * every addWorkingDays/isOfficialCalendar here counts on them. Cached for `maxAgeMs`; a failed fetch keeps the last copy.
 */
export async function refreshOfficialCalendars(opts: { config?: CommonConfig; maxAgeMs?: number; logger?: Logger } = {}): Promise<OfficialCalendar[]> {
  if (Date.now() - lastRefresh < (opts.maxAgeMs ?? 60_000)) return installedOfficialCalendars();
  inflight ??= (async () => {
    try {
      const res = await callSubgraphAsService<{ officialCalendars: OfficialCalendar[] }>('catalog', CALENDARS, {}, opts.config ?? commonConfig());
      installOfficialCalendars(res.officialCalendars);
      lastRefresh = Date.now();
    } catch (e) {
      opts.logger?.warn({ err: (e as Error).message }, 'official calendars not refreshed; counting on the last copy');
    } finally {
      inflight = null;
    }
    return installedOfficialCalendars();
  })();
  return inflight;
}

/**
 * The `officialCalendars` activity of every service that holds running deadlines: the loaded calendars as a result
 * recorded in the workflow's history; `atLeast` (a version just loaded) is fetched from the owner if not held yet.
 */
export async function officialCalendarsAtLeast(atLeast?: { year: number; version: number } | null): Promise<OfficialCalendar[]> {
  const held = installedOfficialCalendars().find((c) => c.year === atLeast?.year)?.version ?? 0;
  return refreshOfficialCalendars({ maxAgeMs: atLeast && held < atLeast.version ? 0 : 60_000 });
}

/** The first instant of `year` in China: a deadline from then on may count days of that year. */
export function startOfChinaYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
}

/** Refreshes the calendars now and every `everyMs` (unref'd: never keeps a stopping process alive). */
export function keepOfficialCalendarsFresh(config: CommonConfig, logger: Logger, everyMs = 10 * 60_000): void {
  const tick = () => void refreshOfficialCalendars({ config, logger, maxAgeMs: 0 });
  setTimeout(tick, 2_000).unref(); // after the process (catalog itself, too) listens
  setInterval(tick, everyMs).unref();
}
