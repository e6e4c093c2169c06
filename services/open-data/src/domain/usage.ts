// Usage statistics per dataset (issue 10 §9): counters bumped on each view / download, read back as monthly series.
import { chinaDate } from '@gov/working-days';
import type { DataSource } from 'typeorm';

export type UsageKind = 'VIEW' | 'DOWNLOAD' | 'API';

/** Counts one use; a failed count never fails the use it counts. */
export async function countUse(ds: DataSource, datasetId: string, kind: UsageKind, format = ''): Promise<void> {
  await ds.query(
    'INSERT INTO open_data_usage (dataset_id, month, kind, format, count) VALUES (?, ?, ?, ?, 1) ON DUPLICATE KEY UPDATE count = count + 1',
    [datasetId, chinaDate(Date.now()).slice(0, 7), kind, format],
  ).catch(() => undefined);
}

export interface UsageRow { month: string; kind: UsageKind; format: string; count: number }

export async function usageOf(ds: DataSource, datasetId: string): Promise<UsageRow[]> {
  const rows = await ds.query('SELECT month, kind, format, count FROM open_data_usage WHERE dataset_id = ? ORDER BY month', [datasetId]) as UsageRow[];
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export async function casesAndApplicationsOf(ds: DataSource, datasetId: string): Promise<{ applications: number; complaints: number; feedback: number }> {
  const [[a], cases] = await Promise.all([
    ds.query('SELECT COUNT(*) AS n FROM open_data_application WHERE dataset_id = ?', [datasetId]) as Promise<Array<{ n: string }>>,
    ds.query('SELECT type, COUNT(*) AS n FROM open_data_case WHERE dataset_id = ? GROUP BY type', [datasetId]) as Promise<Array<{ type: string; n: string }>>,
  ]);
  const of = (t: string) => Number(cases.find((c) => c.type === t)?.n ?? 0);
  return { applications: Number(a.n), complaints: of('COMPLAINT'), feedback: of('FEEDBACK') };
}
