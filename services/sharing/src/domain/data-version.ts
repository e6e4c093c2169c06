// A resource's data version: every change of its records goes through a load (an upsert by record key stamps the
// load), so the newest finished load, the record count and the newest record's time identify what a reader gets.
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface DataVersion { version: string; lastLoadedAt: string | null; recordCount: number }

export async function dataVersion(ds: DataSource, resourceId: string): Promise<DataVersion> {
  const [load] = await ds.query(
    `SELECT id, finished_at AS at FROM exchange_load WHERE resource_id = ? AND status = 'LOADED' ORDER BY finished_at DESC, id DESC LIMIT 1`,
    [resourceId]) as Array<{ id: string; at: Date | string | null }>;
  const [rec] = await ds.query('SELECT COUNT(*) AS n, MAX(created_at) AS at FROM exchange_record WHERE resource_id = ?', [resourceId]) as Array<{ n: string | number; at: Date | string | null }>;
  const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
  const lastLoadedAt = iso(load?.at) ?? iso(rec.at);
  const recordCount = Number(rec.n);
  const version = createHash('sha256').update([load?.id ?? '', iso(load?.at) ?? '', recordCount, iso(rec.at) ?? ''].join('|')).digest('base64url').slice(0, 22);
  return { version, lastLoadedAt, recordCount };
}
