// Quality's own facts for the assessment of departments over a period (000 §14, §26, §28; 004 §34): computed from
// quality's rows only, with the evidence (issue, objection and resource ids). Assessment reads them through the
// service-only `qualityFacts`, for every department of a region in one call.
import { endOfChinaDay } from '@gov/working-days';
import type { DataSource } from 'typeorm';

export interface QualityFact { departmentId: string; key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

/** [start, end) of the China days from..to (inclusive). */
export function chinaDayBounds(from: string, to: string): [Date, Date] {
  const before = new Date(`${from}T00:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  return [endOfChinaDay(before.toISOString().slice(0, 10)), endOfChinaDay(to)];
}

const at = (t: Date | string | null) => (t === null ? null : new Date(t));

export async function qualityFacts(ds: DataSource, departmentIds: string[], from: string, to: string, now = new Date()): Promise<QualityFact[]> {
  if (!departmentIds.length) return [];
  const [start, end] = chinaDayBounds(from, to);
  const ids = departmentIds;
  const issues = await ds.query(`SELECT id, department_id AS d, overdue, reopen_count AS reopens, deadline_day AS deadline FROM quality_issue
    WHERE department_id IN (?) AND verified_at >= ? AND verified_at < ?`, [ids, start, end]) as Array<{ id: string; d: string; overdue: number; reopens: number; deadline: string | null }>;
  // The newest finished inspection of each resource in the period, with its freshness rule (timeliness, 001 §16).
  const fresh = await ds.query(`SELECT r.department_id AS d, r.resource_id AS resourceId, rr.failed, r.started_at AS startedAt FROM quality_run r
    JOIN quality_run_rule rr ON rr.run_id = r.id AND rr.check_kind = 'FRESHNESS'
    WHERE r.department_id IN (?) AND r.status = 'DONE' AND r.started_at >= ? AND r.started_at < ?
    ORDER BY r.started_at DESC`, [ids, start, end]) as Array<{ d: string; resourceId: string; failed: number; startedAt: Date }>;
  const objections = await ds.query(`SELECT id, department_id AS d, verify_deadline AS deadline, decided_at AS decidedAt FROM objection
    WHERE department_id IN (?) AND created_at >= ? AND created_at < ?`, [ids, start, end]) as Array<{ id: string; d: string; deadline: Date | null; decidedAt: Date | null }>;

  return ids.flatMap((d) => {
    const fact = (key: string, numerator: number, denominator: number, evidence: string[]): QualityFact =>
      ({ departmentId: d, key, numerator, denominator, value: denominator ? numerator / denominator : null, evidence: evidence.slice(0, 50) });
    const verified = issues.filter((i) => i.d === d);
    const late = verified.filter((i) => Number(i.overdue));
    const reopened = verified.filter((i) => Number(i.reopens) > 0);
    const latest = new Map<string, { failed: number; startedAt: Date }>();
    for (const f of fresh) if (f.d === d && !latest.has(f.resourceId)) latest.set(f.resourceId, f);
    const stale = [...latest].filter(([, f]) => Number(f.failed) > 0);
    const obj = objections.filter((o) => o.d === d);
    // Late: decided after its verification deadline, or still undecided once the deadline has passed.
    const objLate = obj.filter((o) => { const dl = at(o.deadline); const dec = at(o.decidedAt); return !!dl && (dec ? dec > dl : now > dl); });
    return [
      fact('quality.fixedInTime', verified.length - late.length, verified.length, late.map((i) => `issue ${i.id} fixed after its deadline ${i.deadline ?? ''}`.trim())),
      fact('quality.reopenRate', reopened.length, verified.length, reopened.map((i) => `issue ${i.id} reopened ${i.reopens} time(s) before it held`)),
      fact('quality.updatedOnCycle', latest.size - stale.length, latest.size, stale.map(([r, f]) => `resource ${r} older than its update cycle at the inspection of ${new Date(f.startedAt).toISOString().slice(0, 10)}`)),
      fact('quality.objectionsHandled', obj.length - objLate.length, obj.length, objLate.map((o) => `objection ${o.id} not verified and decided by ${at(o.deadline)!.toISOString().slice(0, 10)}`)),
    ];
  });
}
