// Quality indicators per department and month — what the assessment issue reads (000 §28, 004 §34): inspections and
// scores, issues opened/verified, fix rate, share fixed on time, reopen rate, working days to fix, escalations, objections.
import { coveredRegionSql, type User } from '@gov/kit';
import { chinaDate, endOfChinaDay, workingDaysBetween } from '@gov/working-days';
import type { DataSource } from 'typeorm';

export interface DepartmentQuality {
  departmentId: string; resourceId: string | null; period: string;
  inspections: number; averageScore: number | null;
  issuesOpened: number; issuesVerified: number; fixRate: number | null; fixedOnTime: number; onTimeRate: number | null;
  reopenRate: number | null; averageWorkingDaysToFix: number | null; escalated: number;
  objectionsReceived: number; objectionsAnswered: number;
}

/** [start, end) of a month (YYYY-MM) in China time. */
export function monthBounds(period: string): [Date, Date] {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const prevLast = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return [endOfChinaDay(prevLast), endOfChinaDay(last)];
}

const ratio = (a: number, b: number) => (b ? Math.round((1000 * a) / b) / 1000 : null);

/** Scope: the caller's department, or for oversight roles every department of the regions it covers. */
function scope(user: User, departmentId: string | null, oversight: boolean): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (departmentId) { parts.push('department_id = ?'); params.push(departmentId); }
  if (!user.isService) {
    if (oversight && user.region) {
      const c = coveredRegionSql('region_code', user.region, 'r');
      parts.push(c.sql.replace(':r', '?'));
      params.push(c.params.r);
    } else { parts.push('department_id = ?'); params.push(user.department ?? '-'); }
  }
  return { sql: parts.length ? parts.join(' AND ') : '1=1', params };
}

export async function departmentQuality(ds: DataSource, user: User, period: string, departmentId: string | null, oversight: boolean, perResource = false): Promise<DepartmentQuality[]> {
  const [from, to] = monthBounds(period);
  const s = scope(user, departmentId, oversight);
  const runs = await ds.query(`SELECT department_id AS d, resource_id AS r, COUNT(*) AS n, AVG(score) AS avg FROM quality_run
    WHERE ${s.sql} AND status = 'DONE' AND started_at >= ? AND started_at < ? GROUP BY department_id, resource_id`, [...s.params, from, to]) as Array<{ d: string; r: string; n: string; avg: string | null }>;
  const issues = await ds.query(`SELECT department_id AS d, resource_id AS r, created_at AS createdAt, verified_at AS verifiedAt, overdue, escalated_at AS escalatedAt, reopen_count AS reopens
    FROM quality_issue WHERE ${s.sql} AND ((created_at >= ? AND created_at < ?) OR (verified_at >= ? AND verified_at < ?) OR (escalated_at >= ? AND escalated_at < ?))`,
  [...s.params, from, to, from, to, from, to]) as Array<{ d: string; r: string; createdAt: Date; verifiedAt: Date | null; overdue: number; escalatedAt: Date | null; reopens: number }>;
  const objections = await ds.query(`SELECT department_id AS d, resource_id AS r, SUM(created_at >= ? AND created_at < ?) AS received, SUM(answered_at >= ? AND answered_at < ?) AS answered
    FROM objection WHERE ${s.sql} GROUP BY department_id, resource_id`, [from, to, from, to, ...s.params]) as Array<{ d: string; r: string; received: string | null; answered: string | null }>;

  const by = new Map<string, DepartmentQuality>();
  // One row per department, or per department and resource; run averages are re-weighted by run count.
  const keyOf = (d: string, r: string) => (perResource ? `${d}|${r}` : d);
  const scoreSums = new Map<string, number>();
  const row = (d: string, r: string) => by.get(keyOf(d, r)) ?? by.set(keyOf(d, r), {
    departmentId: d, resourceId: perResource ? r : null, period, inspections: 0, averageScore: null, issuesOpened: 0, issuesVerified: 0, fixRate: null, fixedOnTime: 0, onTimeRate: null,
    reopenRate: null, averageWorkingDaysToFix: null, escalated: 0, objectionsReceived: 0, objectionsAnswered: 0,
  }).get(keyOf(d, r))!;
  for (const x of runs) {
    const q = row(x.d, x.r);
    q.inspections += Number(x.n);
    if (x.avg !== null) scoreSums.set(keyOf(x.d, x.r), (scoreSums.get(keyOf(x.d, x.r)) ?? 0) + Number(x.avg) * Number(x.n));
  }
  for (const [k, sum] of scoreSums) { const q = by.get(k)!; q.averageScore = Math.round((10 * sum) / q.inspections) / 10; }
  const within = (t: Date | null) => !!t && new Date(t) >= from && new Date(t) < to;
  const days = new Map<string, number[]>();
  const reopened = new Map<string, number>();
  for (const i of issues) {
    const q = row(i.d, i.r);
    if (within(i.createdAt)) q.issuesOpened++;
    if (within(i.escalatedAt)) q.escalated++;
    if (within(i.verifiedAt)) {
      q.issuesVerified++;
      if (!Number(i.overdue)) q.fixedOnTime++;
      const k = keyOf(i.d, i.r);
      if (Number(i.reopens) > 0) reopened.set(k, (reopened.get(k) ?? 0) + 1);
      (days.get(k) ?? days.set(k, []).get(k)!).push(workingDaysBetween(chinaDate(i.createdAt), chinaDate(i.verifiedAt!)));
    }
  }
  for (const o of objections) { const q = row(o.d, o.r); q.objectionsReceived += Number(o.received ?? 0); q.objectionsAnswered += Number(o.answered ?? 0); }
  for (const [k, q] of by) {
    q.fixRate = ratio(q.issuesVerified, q.issuesOpened);
    q.onTimeRate = ratio(q.fixedOnTime, q.issuesVerified);
    q.reopenRate = ratio(reopened.get(k) ?? 0, q.issuesVerified);
    const ds_ = days.get(k);
    q.averageWorkingDaysToFix = ds_?.length ? Math.round((10 * ds_.reduce((a, b) => a + b, 0)) / ds_.length) / 10 : null;
  }
  return [...by.values()].filter((q) => q.inspections || q.issuesOpened || q.issuesVerified || q.escalated || q.objectionsReceived || q.objectionsAnswered)
    .sort((a, b) => a.departmentId.localeCompare(b.departmentId) || (a.resourceId ?? '').localeCompare(b.resourceId ?? ''));
}
