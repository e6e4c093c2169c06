// The official working-day calendar (issue 14): the city authority loads each year's State Council schedule; every
// version is kept; services count deadlines on the latest one (kit refreshOfficialCalendars) and running workflows
// recount theirs when a year is loaded (calendarPropagationWorkflow).
import { BadUserInputError } from '@gov/kit';
import type { DataSource, EntityManager } from 'typeorm';
import { WorkingCalendar } from '../entities/working-calendar';

export interface CalendarDays { year: number; holidays: string[]; workdays: string[] }

/** Each day a real date of that year; a make-up working day is a Saturday or Sunday; no day both off and worked. */
export function checkCalendar(input: CalendarDays): CalendarDays {
  const check = (list: string[], field: 'holidays' | 'workdays') => list.forEach((day, i) => {
    const t = Date.parse(`${day}T00:00:00Z`);
    if (Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== day) throw BadUserInputError.field(`input.${field}[${i}]`, `${day} is not a date`);
    if (!day.startsWith(`${input.year}-`)) throw BadUserInputError.field(`input.${field}[${i}]`, `${day} is not in ${input.year}`);
    const weekday = new Date(t).getUTCDay();
    if (field === 'workdays' && weekday !== 0 && weekday !== 6) throw BadUserInputError.field(`input.workdays[${i}]`, `${day} is a weekday: a make-up working day (调休) is a Saturday or Sunday`);
  });
  check(input.holidays, 'holidays');
  check(input.workdays, 'workdays');
  const off = new Set(input.holidays);
  const both = input.workdays.findIndex((d) => off.has(d));
  if (both >= 0) throw BadUserInputError.field(`input.workdays[${both}]`, `${input.workdays[both]} is also listed as a holiday`);
  if (!input.holidays.length) throw BadUserInputError.field('input.holidays', 'a year without holidays is not an official calendar');
  return { year: input.year, holidays: [...off].sort(), workdays: [...new Set(input.workdays)].sort() };
}

/** Stores the next version of the year; the same days as the latest version store nothing (a retried load). */
export async function storeCalendar(m: EntityManager, days: CalendarDays, basis: string, by: string): Promise<{ calendar: WorkingCalendar; created: boolean }> {
  const repo = m.getRepository(WorkingCalendar);
  // Locks the year's versions: two loads of one year get consecutive versions, not a duplicate key.
  const [latest] = await repo.createQueryBuilder('c').where('c.year = :year', { year: days.year })
    .orderBy('c.version', 'DESC').limit(1).setLock('pessimistic_write').getMany();
  if (latest && same(latest.holidays, days.holidays) && same(latest.workdays, days.workdays)) return { calendar: latest, created: false };
  const calendar = repo.create({ ...days, version: (latest?.version ?? 0) + 1, basis, loadedBy: by, loadedAt: new Date() });
  await repo.insert(calendar);
  return { calendar, created: true };
}
const same = (a: string[], b: string[]) => a.length === b.length && a.every((d, i) => d === b[i]);

export async function latestCalendar(ds: DataSource, year: number): Promise<WorkingCalendar | null> {
  return ds.getRepository(WorkingCalendar).findOne({ where: { year }, order: { version: 'DESC' } });
}

export async function calendarVersions(ds: DataSource, year: number): Promise<WorkingCalendar[]> {
  return ds.getRepository(WorkingCalendar).find({ where: { year }, order: { version: 'DESC' } });
}

/** The latest version of every loaded year. */
export async function latestCalendars(ds: DataSource): Promise<WorkingCalendar[]> {
  return ds.getRepository(WorkingCalendar).createQueryBuilder('c')
    .where('c.version = (SELECT MAX(l.version) FROM working_calendar l WHERE l.year = c.year)').orderBy('c.year', 'ASC').getMany();
}
