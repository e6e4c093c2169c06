// Runs generated cases through the gateway and classifies every answer. Mutations run one at a time between two row
// counts of every table (audit tables aside: a refused call is audited by design), so an error that left a row behind
// is caught as a "half row".
import mysql from 'mysql2/promise';
import { commonConfig } from '@gov/kit';
import type { DemoUser } from '../support';
import { tokenOf } from '../support';
import { rng, targets, variablesFor, type Mode, type Target } from './generate';
import { HTML, SQL, STACK } from './leaks';

export const ROLES: Array<DemoUser | null> = [
  null, 'city-authority', 'city-operator', 'city-gaj-admin', 'city-gaj-approver', 'city-wjw-user', 'county-authority', 'county-gaj-admin',
  'city-assessor', 'city-public',
];
const MODES: Mode[] = ['valid', 'boundary', 'hostile'];
const EXCLUDED_TABLES = /audit|outbox|migrations/i;

export interface Finding { cls: string; field: string; role: string; mode: Mode; status: number; detail: string; variables?: unknown }
export interface FuzzReport {
  requests: number; mutations: number; durationMs: number; seed: number;
  byStatus: Record<string, number>; byCode: Record<string, number>; byClass: Record<string, number>; findings: Finding[];
}

async function rowCounts(db: mysql.Connection, prefix: string): Promise<Map<string, number>> {
  const [tables] = await db.query<mysql.RowDataPacket[]>(
    "SELECT table_schema AS s, table_name AS t FROM information_schema.tables WHERE table_schema LIKE ? AND table_type = 'BASE TABLE'",
    [`${prefix.replace(/_/g, '\\_')}%`]);
  const names = tables.map((r) => `\`${r.s}\`.\`${r.t}\``).filter((n) => !EXCLUDED_TABLES.test(n));
  const [rows] = await db.query<mysql.RowDataPacket[]>(names.map((n) => `SELECT '${n}' AS t, COUNT(*) AS n FROM ${n}`).join(' UNION ALL '));
  return new Map(rows.map((r) => [r.t as string, Number(r.n)]));
}

/** Every string the request sent: an error may quote the caller's own value back (graphql-js does), which leaks nothing. */
function sentStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string' && v.length > 3) out.push(v, JSON.stringify(v).slice(1, -1));
  else if (v && typeof v === 'object') for (const x of Object.values(v)) sentStrings(x, out);
  return out;
}

function diff(a: Map<string, number>, b: Map<string, number>): string[] {
  return [...b].filter(([t, n]) => a.get(t) !== n).map(([t, n]) => `${t}: ${a.get(t)} -> ${n}`);
}

export async function runFuzz(opts: { url: string; total: number; seed: number; dbPrefix: string; concurrency?: number }): Promise<FuzzReport> {
  const r = rng(opts.seed);
  const all = targets();
  const report: FuzzReport = { requests: 0, mutations: 0, durationMs: 0, seed: opts.seed, byStatus: {}, byCode: {}, byClass: {}, findings: [] };
  const bump = (m: Record<string, number>, k: string) => { m[k] = (m[k] ?? 0) + 1; };
  const find = (f: Finding) => { bump(report.byClass, f.cls); if (report.findings.length < 200) report.findings.push(f); };
  const c = commonConfig().mysql;
  const db = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
  const t0 = Date.now();

  async function one(t: Target, role: DemoUser | null, mode: Mode, variables: Record<string, unknown>): Promise<void> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (role) headers.authorization = `Bearer ${await tokenOf(role)}`;
    const before = t.kind === 'mutation' ? await rowCounts(db, opts.dbPrefix) : undefined;
    const res = await fetch(opts.url, { method: 'POST', headers, body: JSON.stringify({ query: t.query, variables }) });
    const text = await res.text();
    report.requests += 1;
    bump(report.byStatus, String(res.status));
    const base = { field: t.field, role: role ?? 'anonymous', mode, status: res.status };
    if (res.status >= 500) find({ ...base, cls: '5xx', detail: text.slice(0, 300), variables });
    if (STACK.test(text)) find({ ...base, cls: 'stack-or-path', detail: STACK.exec(text)![0], variables });
    if (HTML.test(text)) find({ ...base, cls: 'html', detail: text.slice(0, 200), variables });
    let body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    try { body = JSON.parse(text) as typeof body; } catch { find({ ...base, cls: 'not-json', detail: text.slice(0, 200) }); return; }
    const echoes = sentStrings(variables);
    for (const e of body.errors ?? []) {
      bump(report.byCode, e.extensions?.code ?? '(none)');
      const own = echoes.reduce((m, x) => m.split(x).join(''), e.message);
      if (SQL.test(own)) find({ ...base, cls: 'sql', detail: e.message.slice(0, 300), variables });
      if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') find({ ...base, cls: 'internal-error', detail: e.message, variables });
    }
    if (!body.errors?.length) bump(report.byCode, 'OK');
    if (before && body.errors?.length && (body.data?.[t.field] ?? null) === null) {
      const changed = diff(before, await rowCounts(db, opts.dbPrefix));
      if (changed.length) find({ ...base, cls: 'half-row', detail: `${body.errors[0].extensions?.code}: ${changed.join('; ')}`, variables });
    }
  }

  try {
    const queue: Array<() => Promise<void>> = [];
    for (let i = 0; i < opts.total; i++) {
      const t = all[i % all.length];
      const role = r.pick(ROLES);
      const mode = r.pick(MODES);
      const variables = variablesFor(t, mode, r);
      queue.push(() => one(t, role, mode, variables));
      if (t.kind === 'mutation') report.mutations += 1;
    }
    // Queries in parallel; a mutation waits for the reads in flight, runs alone, then the reads resume.
    const conc = opts.concurrency ?? 4;
    let inFlight: Array<Promise<void>> = [];
    for (let i = 0; i < opts.total; i++) {
      const isMutation = all[i % all.length].kind === 'mutation';
      if (isMutation) { await Promise.all(inFlight); inFlight = []; await queue[i](); continue; }
      inFlight.push(queue[i]());
      if (inFlight.length >= conc) { await Promise.all(inFlight); inFlight = []; }
    }
    await Promise.all(inFlight);
  } finally {
    await db.end();
  }
  report.durationMs = Date.now() - t0;
  return report;
}
