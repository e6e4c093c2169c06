// 待办 latency (issue 14): a department administrator with BENCH_TASKS (1,000) open approval steps plus whatever the
// seed leaves; myTasks through the gateway (catalog asks its six sources as the caller, in parallel, each for its
// earliest-due `first` and its counts) against the sources straight — with `first` and with their whole lists, the
// volume each moved before `first` was pushed down — side by side in one run on a throwaway stack.
import { ROOT, env, stackLib } from './bench-stack';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commonConfig, dataSourceFor, dropDatabases, envInt, graphqlRequest } from '@gov/kit';
import { POP, token } from './grant';

const { service: sharing } = require('@gov/svc-sharing/dist/server') as typeof import('@gov/svc-sharing/dist/server');

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function timed(n: number, call: () => Promise<void>): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    ms.push(performance.now() - t0);
  }
  return ms;
}

async function main(): Promise<void> {
  const tasks = envInt('BENCH_TASKS', 1000);
  const n = envInt('BENCH_REQUESTS', 40);
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'inherit' });
  const ds = await dataSourceFor(sharing).initialize();
  const stack = await stackLib.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', 'bench') });
  try {
    // Open provider-review steps of 420600-gaj (rows as the approval workflow leaves them; no workflow needed to list them).
    for (let i = 0; i < tasks; i += 500) {
      const rows = Array.from({ length: Math.min(500, tasks - i) }, (_, j) => [randomUUID(), new Date(Date.now() + (i + j) * 60_000)]);
      await ds.query(
        `INSERT INTO share_application (id, resource_id, provider_department_id, provider_region_code, consumer_department_id, region_code, requested_items,
           scenario, purpose, usage_mode, period_from, period_to, status, created_by, submitted_at, stage, stage_deadline, stage_calendar)
         VALUES ${rows.map(() => `(?, '${POP}', '420600-gaj', '420600', '420600-wjw', '420600', '["姓名"]', '基准测试', '待办', 'VERIFY', '2026-01-01', '2027-12-31', 'SUBMITTED', 'bench', CURRENT_TIMESTAMP(3), 'PROVIDER_REVIEW', ?, 'shipped:2026')`).join(',')}`,
        rows.flat());
    }
    const admin = await token('city-gaj-admin');
    const ITEM = 'type id stage deadline { dueAt provisional overdue }';
    const MY = `query($first: Int) { myTasks(first: $first) { total counts { type count } items { ${ITEM} } } }`;
    const gw = stack.gatewayUrl;
    const call = async (url: string, q: string, v: Record<string, unknown>) => {
      const r = await graphqlRequest<Record<string, unknown>>(url, q, v, admin);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    };
    // Every source straight, in parallel, as catalog asks them: with `first` (now) and with the whole list (the volume
    // each source moved before `first` was pushed down: up to PENDING_TASK_LIMIT items).
    const SOURCES: Array<[string, string]> = [['CATALOG', 'catalogPendingTasks'], ['SHARING', 'sharingPendingTasks'], ['QUALITY', 'qualityPendingTasks'],
      ['OPEN_DATA', 'openDataPendingTasks'], ['PROJECTS', 'projectsPendingTasks'], ['SECURITY', 'securityPendingTasks'], ['ASSESSMENT', 'assessmentPendingTasks']];
    let bytes = 0;
    const fanOut = (first: number) => async () => {
      const answers = await Promise.all(SOURCES.map(([s, f]) => call(stack.env[`SUBGRAPH_URL_${s}`], `query($first: Int!) { ${f}(first: $first) { total counts { type count } items { ${ITEM} } } }`, { first })));
      bytes = JSON.stringify(answers).length;
    };
    const my = (first: number) => async () => { bytes = JSON.stringify(await call(gw, MY, { first })).length; };
    const sharingOnly = (first: number) => async () => {
      bytes = JSON.stringify(await call(stack.env.SUBGRAPH_URL_SHARING, `query($first: Int!) { sharingPendingTasks(first: $first) { total items { ${ITEM} } } }`, { first })).length;
    };
    const total = ((await call(gw, MY, { first: 20 })).myTasks as { total: number }).total;
    await timed(5, my(20)); // warm-up: plans, pools, JIT
    await timed(3, fanOut(2000));
    const rows: Array<[string, () => Promise<void>]> = [
      ['myTasks(first: 20) via gateway (catalog + 6 sources)', my(20)],
      ['myTasks(first: 50) via gateway', my(50)],
      ['7 sources straight, parallel, first: 20', fanOut(20)],
      ['7 sources straight, parallel, whole lists (before)', fanOut(2000)],
      ['sharingPendingTasks(first: 20) straight', sharingOnly(20)],
      ['sharingPendingTasks whole list straight (before)', sharingOnly(2000)],
    ];
    console.log(`\nmyTasks bench: city-gaj-admin with ${total} open items (${tasks} inserted approval steps + seed), ${n} sequential calls each`);
    console.log('op'.padEnd(56), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'bytes'.padStart(9));
    for (const [name, op] of rows) {
      const ms = await timed(n, op);
      console.log(name.padEnd(56), pct(ms, 50).toFixed(0).padStart(8), pct(ms, 95).toFixed(0).padStart(8), String(bytes).padStart(9));
    }
  } finally {
    await stackLib.stopStack(stack);
    await ds.destroy();
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
