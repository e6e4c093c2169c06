// Chinese working days: weekends off, statutory holidays off, 调休 make-up Saturdays/Sundays on — the official calendar
// as shipped by `chinese-days`. Dates are civil dates in China (UTC+8, no daylight saving). Safe in the workflow sandbox:
// no Node built-ins, no clock reads — callers pass the instant.
//
// A year whose State Council schedule the shipped calendar does not hold yet (e.g. 2027 while chinese-days stops at
// 2026) would otherwise count New Year's Day or National Day as working days. For such a year the statutory holidays of
// 《全国年节及纪念日放假办法》 (2024 revision, art. 2) are applied — 元旦 1-1, 春节 除夕 to 正月初三, 清明 (solar term),
// 劳动节 5-1/5-2, 端午 五月初五, 中秋 八月十五, 国庆 10-1 to 10-3 — without the 调休 swaps nobody knows yet;
// `isOfficialCalendar` tells callers such a deadline is provisional. The authority's loaded calendar (catalog
// `loadOfficialCalendar`) makes it official: installed per process, or passed explicitly by workflow code.
import { getDayDetail, getLunarDate, getSolarTerms, isWorkday } from 'chinese-days/dist/index.min.js';

const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of the civil date in China at this instant. */
export function chinaDate(instant: Date | number): string {
  return new Date(new Date(instant).getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function parseDay(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`);
}
function shiftDay(day: string, n: number): string {
  return new Date(parseDay(day) + n * DAY_MS).toISOString().slice(0, 10);
}
function toDay(d: Date | number | string): string {
  return typeof d === 'string' ? (parseDay(d), d) : chinaDate(d);
}

/** A year's official schedule as the authority loaded it (State Council notice): days off and 调休 make-up working days. */
export interface OfficialCalendar { year: number; version: number; holidays: string[]; workdays: string[] }
interface Schedule { version: number; holidays: Set<string>; workdays: Set<string> }
/** Calendars passed explicitly (workflows: the result of an activity, so replay sees the same) or installed per process. */
export type Calendars = readonly OfficialCalendar[];

const compile = (c: OfficialCalendar): Schedule => ({ version: c.version, holidays: new Set(c.holidays), workdays: new Set(c.workdays) });
// A service process installs the owner's calendars (kit refreshes them); workflow code passes them explicitly instead.
const installed = new Map<number, Schedule>();
const compiledLists = new WeakMap<Calendars, Map<number, Schedule>>();

/** Replaces the process's loaded schedules of these years (a newer version of a year wins; an older one is ignored). */
export function installOfficialCalendars(calendars: Calendars): void {
  for (const c of calendars) if ((installed.get(c.year)?.version ?? 0) <= c.version) installed.set(c.year, compile(c));
}
/** The loaded calendars installed in this process (what a workflow activity hands to the workflow). */
export function installedOfficialCalendars(): OfficialCalendar[] {
  return [...installed.entries()].sort((a, b) => a[0] - b[0])
    .map(([year, s]) => ({ year, version: s.version, holidays: [...s.holidays].sort(), workdays: [...s.workdays].sort() }));
}

function loadedSchedule(year: number, calendars?: Calendars): Schedule | undefined {
  if (!calendars) return installed.get(year);
  let byYear = compiledLists.get(calendars);
  if (!byYear) {
    byYear = new Map();
    for (const c of calendars) if ((byYear.get(c.year)?.version ?? 0) <= c.version) byYear.set(c.year, compile(c));
    compiledLists.set(calendars, byYear);
  }
  return byYear.get(year) ?? installed.get(year);
}

const shippedYears = new Map<number, boolean>();
/** Does the shipped calendar hold the official schedule of this year? (A covered year names its National Day.) */
function shippedOfficial(year: number): boolean {
  let known = shippedYears.get(year);
  if (known === undefined) {
    known = /国庆/.test(getDayDetail(`${year}-10-01`).name ?? '');
    shippedYears.set(year, known);
  }
  return known;
}

/** Is this day's year counted on an official schedule (loaded by the authority, or shipped)? Else deadlines are provisional. */
export function isOfficialCalendar(day: Date | number | string, calendars?: Calendars): boolean {
  const year = Number(toDay(day).slice(0, 4));
  return loadedSchedule(year, calendars) !== undefined || shippedOfficial(year);
}

/** Which calendar counts this day: `official:<year>#<version>` (loaded), `shipped:<year>` (chinese-days) or `statutory:<year>` (provisional). */
export function calendarVersion(day: Date | number | string, calendars?: Calendars): string {
  const year = Number(toDay(day).slice(0, 4));
  const loaded = loadedSchedule(year, calendars);
  if (loaded) return `official:${year}#${loaded.version}`;
  return shippedOfficial(year) ? `shipped:${year}` : `statutory:${year}`;
}

/** 《全国年节及纪念日放假办法》 art. 2 holidays of all citizens, by their fixed solar or lunar dates. */
export function isStatutoryHoliday(day: string): boolean {
  if (['01-01', '05-01', '05-02', '10-01', '10-02', '10-03'].includes(day.slice(5))) return true;
  const lunar = getLunarDate(day);
  if (!lunar.isLeap) {
    if (lunar.lunarMon === 1 && lunar.lunarDay <= 3) return true; // 春节 初一 to 初三
    if (lunar.lunarMon === 5 && lunar.lunarDay === 5) return true; // 端午
    if (lunar.lunarMon === 8 && lunar.lunarDay === 15) return true; // 中秋
  }
  const next = getLunarDate(shiftDay(day, 1));
  if (!next.isLeap && next.lunarMon === 1 && next.lunarDay === 1) return true; // 除夕
  return getSolarTerms(day, day).some((t: { name: string }) => t.name === '清明');
}

function workday(day: string, calendars?: Calendars): boolean {
  const loaded = loadedSchedule(Number(day.slice(0, 4)), calendars);
  if (loaded) {
    if (loaded.workdays.has(day)) return true;
    if (loaded.holidays.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }
  if (shippedOfficial(Number(day.slice(0, 4)))) return isWorkday(day);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isStatutoryHoliday(day);
}

export function isWorkingDay(day: Date | number | string, calendars?: Calendars): boolean {
  return workday(toDay(day), calendars);
}

/**
 * The civil date of the n-th working day after `start` (the start day itself never counts, as a time limit runs from
 * the day after the act). n = 0 returns the start day.
 */
export function addWorkingDays(start: Date | number | string, n: number, calendars?: Calendars): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  let day = toDay(start);
  for (let left = n; left > 0;) {
    day = shiftDay(day, 1);
    if (workday(day, calendars)) left--;
  }
  return day;
}

/** The end of a civil day in China (24:00 UTC+8), e.g. the last instant a period or a time limit covers. */
export function endOfChinaDay(day: string): Date {
  return new Date(parseDay(day) + DAY_MS - CHINA_OFFSET_MS);
}

/** The instant a deadline of n working days from `start` runs out: the end of that day in China (24:00 UTC+8). */
export function workingDayDeadline(start: Date | number, n: number, calendars?: Calendars): Date {
  return endOfChinaDay(addWorkingDays(start, n, calendars));
}

/** Working days strictly after `from`'s day up to and including `to`'s day (0 if `to` is not after `from`). */
export function workingDaysBetween(from: Date | number | string, to: Date | number | string, calendars?: Calendars): number {
  const a = toDay(from), b = toDay(to);
  let count = 0;
  for (let day = shiftDay(a, 1); day <= b; day = shiftDay(day, 1)) if (workday(day, calendars)) count++;
  return count;
}

/**
 * When a deadline is "one working day ahead" (issue 14 reminders): the start (00:00 UTC+8) of the last working day on or
 * before the day the deadline runs out — from that instant exactly one working day is left. A working-day deadline ends on
 * a working day (24:00), so its reminder is 24 hours before it: a 2-working-day step opened on a Friday is due Tuesday
 * 24:00 and reminded Tuesday 00:00, never on the weekend; a deadline falling on a day off is reminded on the working day
 * before it.
 */
export function reminderInstant(due: Date | number, calendars?: Calendars): Date {
  let day = chinaDate(new Date(due).getTime() - 1);
  while (!workday(day, calendars)) day = shiftDay(day, -1);
  return new Date(parseDay(day) - CHINA_OFFSET_MS);
}
