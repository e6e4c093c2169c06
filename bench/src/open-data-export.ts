// Open data export writers (services/open-data/src/domain/writers.ts), in process, on BENCH_N synthetic legal-person rows
// (default 200000) de-identified by the seed grade policy: rows/s per format against a hand-written CSV join (the
// writer-side ceiling, no quoting), and peak RSS during each export. Then, end to end on a running stack (the one in
// SUBGRAPH_URL_OPEN_DATA + GATEWAY_URL, else a throwaway one; BENCH_E2E=0 skips it), side by side in one run:
// the streamed CSV download (sharing's record stream → de-identification → csv-stringify → HTTP) vs raw mysql2 rows
// joined into CSV by hand (the ceiling), and a data API page through the gateway vs straight to the subgraph.
// Output lines are `label  <n> rows/s ...` (bench/src/run.ts reads them into its table).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { commonConfig, databaseName, dropDatabases, envInt, graphqlRequest, passwordToken } from '@gov/kit';
import { createConnection } from 'mysql2';
import { DEFAULT_GRADE_POLICY } from '@gov/masking';

const { writeRows } = require('@gov/svc-open-data/dist/domain/writers') as typeof import('@gov/svc-open-data/dist/domain/writers');
const { openProjection } = require('@gov/svc-open-data/dist/domain/open-policy') as typeof import('@gov/svc-open-data/dist/domain/open-policy');
const { legalPersonRow } = require('@gov/svc-sharing/dist/domain/demo') as typeof import('@gov/svc-sharing/dist/domain/demo');

const projection = openProjection(DEFAULT_GRADE_POLICY, {
  id: 'bench', sensitivityGrade: 'LOW',
  items: [{ name: '统一社会信用代码', sensitive: false }, { name: '企业名称', sensitive: false }, { name: '法定代表人', sensitive: true, sensitivity: 'LOW' }, { name: '住所', sensitive: false }],
});

async function* rows(n: number) {
  for (let i = 0; i < n; i++) yield projection.apply({ ...legalPersonRow(i % 5000) });
}

function sink(): Writable & { bytes: number } {
  const w = new Writable({ write(chunk, _enc, cb) { (w as unknown as { bytes: number }).bytes += chunk.length; setImmediate(cb); } }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

async function measure(label: string, n: number, run: (out: Writable & { bytes: number }) => Promise<void>): Promise<void> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 25);
  const out = sink();
  const t0 = performance.now();
  await run(out);
  const s = (performance.now() - t0) / 1000;
  clearInterval(timer);
  console.log(`${label.padEnd(12)} ${Math.round(n / s).toLocaleString('en').padStart(9)} rows/s  ${(out.bytes / 1e6).toFixed(1).padStart(7)} MB  peak RSS ${Math.round(peak / 1e6)} MB`);
}

async function main(): Promise<void> {
  const n = envInt('BENCH_N', 200_000);
  console.log(`open data export, ${n.toLocaleString('en')} rows, Node ${process.version}`);
  await measure('hand CSV', n, async (out) => {
    for await (const r of rows(n)) if (!out.write(`${projection.columns.map((c) => r[c] ?? '').join(',')}\n`)) await new Promise((ok) => out.once('drain', ok));
    out.end();
    await new Promise((ok) => out.once('finish', ok));
  });
  for (const f of ['CSV', 'JSON', 'JSONL', 'XML', 'XLSX'] as const) await measure(f, n, (out) => writeRows(f, projection.columns, rows(n), out).then(() => undefined));
  if (process.env.BENCH_E2E !== '0') await endToEnd(envInt('BENCH_E2E_ROWS', 50_000));
}

const ROOT = join(__dirname, '..', '..');
const LP_RESOURCE = '00000000-0000-4000-8000-000004206001'; // LP-BASE (UNCONDITIONAL, LOW), seeded by catalog
const LP_DATASET = '00000000-0000-4000-8000-0000000d0003'; // its open dataset, seeded by open-data
type StackLib = {
  startStack(o: { env: Record<string, string>; freePorts: boolean; logsDir: string }): Promise<{ env: Record<string, string>; gatewayUrl: string }>;
  stopStack(s: unknown): Promise<void>;
};

/** A stack to measure against: the caller's, or a throwaway one (own databases, own task queues) stopped afterwards. */
async function withStack(run: (gateway: string, subgraph: string) => Promise<void>): Promise<void> {
  if (process.env.SUBGRAPH_URL_OPEN_DATA && process.env.GATEWAY_URL) return run(process.env.GATEWAY_URL, process.env.SUBGRAPH_URL_OPEN_DATA);
  const id = randomBytes(3).toString('hex');
  const env = {
    NODE_ENV: 'test', GOV_DB_PREFIX: `gov_bench_od_${id}_`, TEMPORAL_TASK_QUEUE_PREFIX: `bench-od-${id}-`, APOLLO_TELEMETRY_DISABLED: '1',
    GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000', OPEN_DATA_API_RATE_PER_ADDRESS: '1000000',
  };
  Object.assign(process.env, env);
  const lib = require(join(ROOT, 'scripts/stack.cjs')) as StackLib;
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: process.env, stdio: 'pipe' });
  const stack = await lib.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', `bench-od-${id}`) });
  Object.assign(process.env, stack.env);
  try {
    await run(stack.gatewayUrl, stack.env.SUBGRAPH_URL_OPEN_DATA);
  } finally {
    await lib.stopStack(stack);
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

async function endToEnd(n: number): Promise<void> {
  await withStack(async (gateway, subgraph) => {
    const config = commonConfig();
    const org = JSON.parse(readFileSync(join(ROOT, 'infra/demo/org.json'), 'utf8')) as { password: string };
    const sharingUrl = process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '');
    // n more legal persons into LP-BASE: the market regulator's own upload through sharing.
    const admin = await passwordToken(config.keycloak, 'city-scjg-admin', org.password);
    const csv = function* () {
      yield '统一社会信用代码,企业名称,法定代表人,住所\n';
      for (let i = 0; i < n; i += 1000) {
        let chunk = '';
        for (let j = i; j < Math.min(n, i + 1000); j++) { const r = legalPersonRow(100_000 + j); chunk += `${r.统一社会信用代码},${r.企业名称},${r.法定代表人},${r.住所}\n`; }
        yield chunk;
      }
    };
    const up = await fetch(`${sharingUrl}/exchange/resources/${LP_RESOURCE}/records?format=csv`, {
      method: 'POST', body: Readable.toWeb(Readable.from(csv())) as ReadableStream, duplex: 'half', headers: { authorization: `Bearer ${admin}` },
    } as RequestInit);
    const loaded = (await up.json()) as { data?: { exchangeLoad: { status: string } } };
    if (loaded.data?.exchangeLoad.status !== 'LOADED') throw new Error(`bench load failed: ${JSON.stringify(loaded).slice(0, 300)}`);

    // The ceiling: the same rows straight from the table with mysql2, joined into CSV by hand (no quoting, no masking).
    const conn = await createConnection({ ...config.mysql, database: databaseName('sharing', config.dbPrefix) });
    let rawRows = 0;
    const t0 = performance.now();
    const out = sink();
    await new Promise<void>((ok, fail) => {
      const q = conn.query({ sql: 'SELECT fields FROM exchange_record WHERE resource_id = ? ORDER BY id', values: [LP_RESOURCE] }).stream({ highWaterMark: 1000 });
      q.on('error', fail);
      q.pipe(new Writable({
        objectMode: true,
        write(row: { fields: string | Record<string, string> }, _enc, cb) {
          const f = typeof row.fields === 'string' ? JSON.parse(row.fields) as Record<string, string> : row.fields;
          rawRows++;
          if (out.write(`${projection.columns.map((c) => f[c] ?? '').join(',')}\n`)) cb(); else out.once('drain', () => cb());
        },
        final(cb) { ok(); cb(); },
      }));
    });
    const rawS = (performance.now() - t0) / 1000;
    await conn.end();

    // The product: the anonymous streamed CSV download over HTTP (sharing's stream, de-identification, csv-stringify).
    const t1 = performance.now();
    const res = await fetch(`${subgraph.replace(/\/graphql$/, '')}/open-data/datasets/${LP_DATASET}/download?format=csv`);
    if (res.status !== 200 || !res.body) throw new Error(`download answered ${res.status}`);
    let lines = 0;
    let bytes = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) { bytes += chunk.length; for (const b of chunk) if (b === 10) lines++; }
    const dlS = (performance.now() - t1) / 1000;
    const dlRows = lines - 1;
    const fmt = (x: number) => Math.round(x).toLocaleString('en');
    console.log(`e2e download CSV  ${fmt(dlRows / dlS).padStart(9)} rows/s  ${dlRows.toLocaleString('en')} rows ${(bytes / 1e6).toFixed(1)} MB over HTTP  vs mysql2 + hand CSV ${fmt(rawRows / rawS)} rows/s = ${((dlRows / dlS) / (rawRows / rawS)).toFixed(2)}x of the ceiling`);
    console.log(`e2e mysql2 + hand CSV  ${fmt(rawRows / rawS).padStart(9)} rows/s  ${rawRows.toLocaleString('en')} rows (the ceiling: no stream between services, no masking, no quoting)`);

    // A data API page (100 records) through the gateway vs straight to the subgraph, anonymous, one call at a time.
    const calls = envInt('BENCH_E2E_API_CALLS', 100);
    const page = 'query($id: ID!, $first: Int!) { openDatasetRecords(id: $id, first: $first) { endCursor records { id } } }';
    // Interleaved, one call each way per round, so the machine's load drifts over both alike.
    const ms: Record<'gw' | 'sub', number[]> = { gw: [], sub: [] };
    const call = async (url: string, into: number[] | null) => {
      const s = performance.now();
      const r = await graphqlRequest<{ openDatasetRecords: { records: unknown[] } }>(url, page, { id: LP_DATASET, first: 100 });
      if (r.errors || r.data?.openDatasetRecords.records.length !== 100) throw new Error(`api page: ${JSON.stringify(r.errors ?? r.data).slice(0, 300)}`);
      into?.push(performance.now() - s);
    };
    for (let i = 0; i < calls + 5; i++) {
      // The first rounds warm the plan cache and the connections.
      await call(subgraph, i >= 5 ? ms.sub : null);
      await call(gateway, i >= 5 ? ms.gw : null);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { p50: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], perSec: (xs.length * 1000) / xs.reduce((a, b) => a + b, 0) };
    };
    const viaSubgraph = stats(ms.sub);
    const viaGateway = stats(ms.gw);
    console.log(`e2e API page via gateway  ${fmt(viaGateway.perSec * 100).padStart(9)} rows/s  p50 ${viaGateway.p50.toFixed(1)} ms p95 ${viaGateway.p95.toFixed(1)} ms  vs subgraph p50 ${viaSubgraph.p50.toFixed(1)} ms p95 ${viaSubgraph.p95.toFixed(1)} ms: +${(viaGateway.p50 - viaSubgraph.p50).toFixed(1)} ms = ${(viaGateway.p50 / viaSubgraph.p50).toFixed(2)}x`);
    console.log(`e2e API page via subgraph  ${fmt(viaSubgraph.perSec * 100).padStart(9)} rows/s  p50 ${viaSubgraph.p50.toFixed(1)} ms (100 records a page, ${calls} calls one at a time)`);
  });
}

main().catch((e) => { console.error(e); process.exit(1); });
