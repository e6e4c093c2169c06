// Chinese working days: weekends off, statutory holidays off, 调休 make-up Saturdays/Sundays on — the official calendar
// as shipped by `chinese-days`. Dates are civil dates in China (UTC+8, no daylight saving). Safe in the workflow sandbox:
// no Node built-ins, no clock reads — callers pass the instant.
//
// A year whose State Council schedule the shipped calendar does not hold yet (e.g. 2027 while chinese-days stops at
// 2026) would otherwise count New Year's Day or National Day as working days. For such a year the statutory holidays of
// 《全国年节及纪念日放假办法》 (2024 revision, art. 2) are applied — 元旦 1-1, 春节 除夕 to 正月初三, 清明 (solar term),
// 劳动节 5-1/5-2, 端午 五月初五, 中秋 八月十五, 国庆 10-1 to 10-3 — without the 调休 swaps nobody knows yet;
// `isOfficialCalendar` tells callers such a deadline is provisional. Updating chinese-days makes it official.
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

const officialYears = new Map<number, boolean>();
/** Does the shipped calendar hold the official schedule of this day's year? (A covered year names its National Day.) */
export function isOfficialCalendar(day: Date | number | string): boolean {
  const year = Number(toDay(day).slice(0, 4));
  let known = officialYears.get(year);
  if (known === undefined) {
    known = /国庆/.test(getDayDetail(`${year}-10-01`).name ?? '');
    officialYears.set(year, known);
  }
  return known;
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

function workday(day: string): boolean {
  if (isOfficialCalendar(day)) return isWorkday(day);
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isStatutoryHoliday(day);
}

export function isWorkingDay(day: Date | number | string): boolean {
  return workday(toDay(day));
}

/**
 * The civil date of the n-th working day after `start` (the start day itself never counts, as a time limit runs from
 * the day after the act). n = 0 returns the start day.
 */
export function addWorkingDays(start: Date | number | string, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
  let day = toDay(start);
  for (let left = n; left > 0;) {
    day = shiftDay(day, 1);
    if (workday(day)) left--;
  }
  return day;
}

/** The end of a civil day in China (24:00 UTC+8), e.g. the last instant a period or a time limit covers. */
export function endOfChinaDay(day: string): Date {
  return new Date(parseDay(day) + DAY_MS - CHINA_OFFSET_MS);
}

/** The instant a deadline of n working days from `start` runs out: the end of that day in China (24:00 UTC+8). */
export function workingDayDeadline(start: Date | number, n: number): Date {
  return endOfChinaDay(addWorkingDays(start, n));
}

/** Working days strictly after `from`'s day up to and including `to`'s day (0 if `to` is not after `from`). */
export function workingDaysBetween(from: Date | number | string, to: Date | number | string): number {
  const a = toDay(from), b = toDay(to);
  let count = 0;
  for (let day = shiftDay(a, 1); day <= b; day = shiftDay(day, 1)) if (workday(day)) count++;
  return count;
}
