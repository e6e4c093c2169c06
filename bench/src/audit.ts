// bench:audit — how fast the audit chain appends, and what auditing costs a read, measured side by side in one run.
// Starts its own security subgraph on a free port against throwaway databases (gov_bench_<run>_*), needs the local
// infra (MariaDB, Keycloak) running, and drops the databases afterwards.
//   npm run build && npm run -w bench bench:audit            (BENCH_AUDIT_N=300 BENCH_AUDIT_CONCURRENCY=16 by default)
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { AuditOutbox, auditActorOf, commonConfig, dropDatabases, createAuditClient, createLogger, dataSourceFor, httpAuditShipper, type AuditClient } from '@gov/kit';

const ROOT = join(__dirname, '..', '..');
const N = Number(process.env.BENCH_AUDIT_N ?? 300);
const CONCURRENCY = Number(process.env.BENCH_AUDIT_CONCURRENCY ?? 16);
const READS = Number(process.env.BENCH_AUDIT_READS ?? 200);

const user = { sub: 'bench', username: 'bench-user', roles: ['dept-user' as const], department: '420600-wjw', region: '420600', isService: false, token: '' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => resolve(typeof a === 'object' && a ? a.port : 0)); });
    s.on('error', reject);
  });
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`security exited with ${child.exitCode}`);
    try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('security not ready');
}

async function timed(label: string, n: number, concurrency: number, op: (i: number) => Promise<void>): Promise<{ label: string; n: number; ms: number; perSec: number; p50: number; p95: number }> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      const s = performance.now();
      await op(i);
      lat.push(performance.now() - s);
    }
  }));
  const ms = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return { label, n, ms, perSec: (n / ms) * 1000, p50: lat[Math.floor(lat.length * 0.5)], p95: lat[Math.floor(lat.length * 0.95)] };
}

async function main(): Promise<void> {
  const run = randomBytes(4).toString('hex');
  const prefix = `gov_bench_${run}_`;
  const env = { NODE_ENV: 'test', GOV_DB_PREFIX: prefix, TEMPORAL_TASK_QUEUE_PREFIX: `bench-${run}-`, APOLLO_TELEMETRY_DISABLED: '1' };
  Object.assign(process.env, env);
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'pipe' });
  const port = await freePort();
  const security = spawn(process.execPath, [join(ROOT, 'services/security/dist/index.js')], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  const config = commonConfig();
  const openData = require('@gov/svc-open-data') as typeof import('@gov/svc-open-data');
  const { readOpenDatasets } = require('@gov/svc-open-data/dist/resolvers/open-dataset.resolver') as typeof import('@gov/svc-open-data/dist/resolvers/open-dataset.resolver');
  const ds = dataSourceFor(openData.service, config);
  try {
    await waitReady(port, security);
    await ds.initialize();
    const audit: AuditClient = createAuditClient({ config, source: 'bench', securityUrl: `http://127.0.0.1:${port}/graphql` });
    const actor = auditActorOf(user);
    const page = { first: 20, after: null };
    // Warm-up: token cache, connection pools, JIT.
    for (let i = 0; i < 20; i++) { await audit.append(actor, `warm-${i}`, { action: 'QUERY' }); await readOpenDatasets(ds, null, null, page); }

    // The outbox path (issue 9): the record goes to open-data's own database; the relay ships it to security meanwhile.
    const outbox = new AuditOutbox({ ds, source: 'bench', logger: createLogger('bench'), ship: httpAuditShipper({ config, securityUrl: `http://127.0.0.1:${port}/graphql` }) });
    outbox.start();
    const entry = { action: 'QUERY' as const, resourceId: 'bench', items: ['姓名'], detail: 'rows=1' };
    const drained = async () => { const t0 = performance.now(); while ((await outbox.pending()).pending > 0) await new Promise((r) => setTimeout(r, 2)); return performance.now() - t0; };
    for (let i = 0; i < 20; i++) await outbox.record(actor, `warm-${i}`, entry);
    await drained();

    const results = [];
    results.push(await timed('sync append, sequential', N, 1, (i) => audit.append(actor, `seq-${i}-${randomUUID()}`, entry)));
    results.push(await timed(`sync append, ${CONCURRENCY} conc.`, N, CONCURRENCY, (i) => audit.append(actor, `con-${i}-${randomUUID()}`, entry)));
    const outSeq = await timed('outbox, sequential', N, 1, (i) => outbox.record(actor, `oseq-${i}-${randomUUID()}`, entry).then(() => undefined));
    const outSeqTail = await drained();
    const outCon = await timed(`outbox, ${CONCURRENCY} conc.`, N, CONCURRENCY, (i) => outbox.record(actor, `ocon-${i}-${randomUUID()}`, entry).then(() => undefined));
    const outConTail = await drained();
    results.push(outSeq, outCon);
    // The same read, interleaved so both see the same machine load: without = the internal read function alone.
    const without: number[] = [];
    const withAudit: number[] = [];
    const withOutbox: number[] = [];
    for (let i = 0; i < READS; i++) {
      let s = performance.now();
      await readOpenDatasets(ds, null, null, page);
      without.push(performance.now() - s);
      s = performance.now();
      const conn = await readOpenDatasets(ds, null, null, page);
      await audit.append(actor, `read-${i}-${randomUUID()}`, { action: 'QUERY', items: ['openDataset'], detail: `rows=${conn.edges.length}` });
      withAudit.push(performance.now() - s);
      s = performance.now();
      const conn2 = await readOpenDatasets(ds, null, null, page);
      await outbox.record(actor, `oread-${i}-${randomUUID()}`, { action: 'QUERY', items: ['openDataset'], detail: `rows=${conn2.edges.length}` });
      withOutbox.push(performance.now() - s);
    }
    await drained();
    await outbox.stop();
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

    console.log(`\nbench:audit  (${new Date().toISOString()}, node ${process.version})`);
    console.log('\nappends to the SM3 chain (kit audit client -> security subgraph -> MariaDB, one head-row lock and one commit per batch of concurrent appends)');
    console.log('  case                         n     total ms   appends/s   p50 ms   p95 ms');
    for (const r of results) {
      console.log(`  ${r.label.padEnd(27)} ${String(r.n).padStart(5)} ${r.ms.toFixed(0).padStart(10)} ${r.perSec.toFixed(1).padStart(11)} ${r.p50.toFixed(2).padStart(8)} ${r.p95.toFixed(2).padStart(8)}`);
    }
    console.log(`  concurrent / sequential throughput: sync ${(results[1].perSec / results[0].perSec).toFixed(2)}x, outbox ${(results[3].perSec / results[2].perSec).toFixed(2)}x`);
    console.log(`  outbox / sync appends per second: sequential ${(results[2].perSec / results[0].perSec).toFixed(2)}x, ${CONCURRENCY} concurrent ${(results[3].perSec / results[1].perSec).toFixed(2)}x`);
    console.log(`  relay delivery into the chain: sequential batch in ${(outSeq.ms + outSeqTail).toFixed(0)} ms (${(N / (outSeq.ms + outSeqTail) * 1000).toFixed(1)} records/s end to end, ${outSeqTail.toFixed(0)} ms after the last write); concurrent batch ${(N / (outCon.ms + outConTail) * 1000).toFixed(1)} records/s`);
    console.log(`\ncost of auditing a QUERY (openDatasets page of 20, ${READS} interleaved pairs, same run)`);
    console.log('  path                        median ms   p95 ms');
    console.log(`  read only (no audit)       ${med(without).toFixed(2).padStart(10)} ${p95(without).toFixed(2).padStart(8)}`);
    console.log(`  read + sync audit append   ${med(withAudit).toFixed(2).padStart(10)} ${p95(withAudit).toFixed(2).padStart(8)}`);
    console.log(`  read + outbox record       ${med(withOutbox).toFixed(2).padStart(10)} ${p95(withOutbox).toFixed(2).padStart(8)}`);
    console.log(`  ratio with / without: sync ${(med(withAudit) / med(without)).toFixed(2)}x (+${(med(withAudit) - med(without)).toFixed(2)} ms), outbox ${(med(withOutbox) / med(without)).toFixed(2)}x (+${(med(withOutbox) - med(without)).toFixed(2)} ms per audited read)`);
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await new Promise<void>((resolve) => { if (security.exitCode !== null) return resolve(); security.once('exit', () => resolve()); security.kill('SIGTERM'); setTimeout(() => security.kill('SIGKILL'), 10_000).unref(); });
    await dropDatabases(prefix, config.mysql);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
