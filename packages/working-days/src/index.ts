// Chinese working days: weekends off, statutory holidays off, 调休 make-up Saturdays/Sundays on — the official calendar
// as shipped by `chinese-days`. Dates are civil dates in China (UTC+8, no daylight saving). Safe in the workflow sandbox:
// no Node built-ins, no clock reads — callers pass the instant.
import { isWorkday } from 'chinese-days/dist/index.min.js';

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

export function isWorkingDay(day: Date | number | string): boolean {
  return isWorkday(toDay(day));
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
    if (isWorkday(day)) left--;
  }
  return day;
}

/** The instant a deadline of n working days from `start` runs out: the end of that day in China (24:00 UTC+8). */
export function workingDayDeadline(start: Date | number, n: number): Date {
  return new Date(parseDay(addWorkingDays(start, n)) + DAY_MS - CHINA_OFFSET_MS);
}

/** Working days strictly after `from`'s day up to and including `to`'s day (0 if `to` is not after `from`). */
export function workingDaysBetween(from: Date | number | string, to: Date | number | string): number {
  const a = toDay(from), b = toDay(to);
  let count = 0;
  for (let day = shiftDay(a, 1); day <= b; day = shiftDay(day, 1)) if (isWorkday(day)) count++;
  return count;
}
