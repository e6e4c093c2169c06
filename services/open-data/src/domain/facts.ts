// Open data's own facts for the assessment of publisher departments in a period (003 §9, §17, §24, §37; 000 §28):
// datasets open, their downloads and API use, complaints and feedback answered within 10 working days — computed
// from open data's rows only, with the evidence (dataset and case ids).
import { endOfChinaDay } from '@gov/working-days';
import type { DataSource } from 'typeorm';

export interface OpenDataFact { departmentId: string; key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

/** The months YYYY-MM touched by the days from..to. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); `${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7); m === 12 ? (y++, m = 1) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
}

export async function openDataFacts(ds: DataSource, departmentIds: string[], from: string, to: string, now = new Date()): Promise<OpenDataFact[]> {
  if (!departmentIds.length) return [];
  const before = new Date(`${from}T00:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  const start = endOfChinaDay(before.toISOString().slice(0, 10)), end = endOfChinaDay(to);
  // Datasets open at the end of the period (published by then and not withdrawn).
  const datasets = await ds.query(`SELECT id, name, publisher_department_id AS d FROM open_dataset
    WHERE publisher_department_id IN (?) AND status IN ('PUBLISHED', 'SUSPENDED') AND published_at < ?`, [departmentIds, end]) as Array<{ id: string; name: string; d: string }>;
  const months = monthsBetween(from, to);
  const use = datasets.length ? await ds.query(`SELECT dataset_id AS id, kind, SUM(count) AS n FROM open_data_usage
    WHERE dataset_id IN (?) AND month IN (?) AND kind IN ('DOWNLOAD', 'API') GROUP BY dataset_id, kind`, [datasets.map((x) => x.id), months]) as Array<{ id: string; kind: string; n: string }> : [];
  const cases = await ds.query(`SELECT id, type, publisher_department_id AS d, answer_deadline AS deadline, answered_at AS answeredAt, overdue FROM open_data_case
    WHERE publisher_department_id IN (?) AND created_at >= ? AND created_at < ?`, [departmentIds, start, end]) as Array<{ id: string; type: string; d: string; deadline: Date | null; answeredAt: Date | null; overdue: number }>;

  return departmentIds.flatMap((d) => {
    const fact = (key: string, numerator: number, denominator: number, evidence: string[], value = denominator ? numerator / denominator : null): OpenDataFact =>
      ({ departmentId: d, key, numerator, denominator, value, evidence: evidence.slice(0, 50) });
    const mine = datasets.filter((x) => x.d === d);
    const ids = new Set(mine.map((x) => x.id));
    const rows = use.filter((u) => ids.has(u.id));
    const downloads = rows.filter((u) => u.kind === 'DOWNLOAD').reduce((s, u) => s + Number(u.n), 0);
    const api = rows.filter((u) => u.kind === 'API').reduce((s, u) => s + Number(u.n), 0);
    const used = new Set(rows.filter((u) => Number(u.n) > 0).map((u) => u.id));
    const unused = mine.filter((x) => !used.has(x.id));
    const cs = cases.filter((c) => c.d === d);
    // Late: answered after its 10-working-day deadline, escalated as overdue, or unanswered past the deadline.
    const late = cs.filter((c) => Number(c.overdue) || (c.deadline && (c.answeredAt ? new Date(c.answeredAt) > new Date(c.deadline) : now > new Date(c.deadline))));
    return [
      fact('openData.datasets', mine.length, mine.length, [`${mine.length} dataset(s) open`], mine.length),
      fact('openData.use', used.size, mine.length, unused.map((x) => `dataset ${x.id} ${x.name} neither downloaded nor called in the period`)),
      fact('openData.calls', downloads + api, mine.length, [`${downloads} download(s), ${api} API call(s)`], downloads + api),
      fact('openData.feedbackOnTime', cs.length - late.length, cs.length, late.map((c) => `${c.type === 'COMPLAINT' ? 'complaint' : 'feedback'} ${c.id} not answered within 10 working days`)),
    ];
  });
}
