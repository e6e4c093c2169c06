// Security's own facts for the assessment of departments in a period (000 §24, §28): the incidents reported where
// they happened, with the evidence (incident ids and severity). Computed from security's rows only.
import { endOfChinaDay } from '@gov/working-days';
import type { DataSource } from 'typeorm';

export interface SecurityFact { departmentId: string; key: string; numerator: number; denominator: number; value: number | null; evidence: string[] }

export async function securityFacts(ds: DataSource, departmentIds: string[], from: string, to: string): Promise<SecurityFact[]> {
  if (!departmentIds.length) return [];
  const before = new Date(`${from}T00:00:00Z`);
  before.setUTCDate(before.getUTCDate() - 1);
  const rows = await ds.query(`SELECT id, department_id AS d, severity, status FROM security_incident
    WHERE department_id IN (?) AND reported_at >= ? AND reported_at < ? ORDER BY reported_at`,
  [departmentIds, endOfChinaDay(before.toISOString().slice(0, 10)), endOfChinaDay(to)]) as Array<{ id: string; d: string; severity: string; status: string }>;
  return departmentIds.map((d) => {
    const mine = rows.filter((r) => r.d === d);
    return {
      departmentId: d, key: 'security.incidents', numerator: mine.length, denominator: mine.length, value: mine.length,
      evidence: mine.slice(0, 50).map((r) => `incident ${r.id} (${r.severity}, ${r.status})`),
    };
  });
}
