// 待办 latency (issue 14): a department administrator with BENCH_TASKS (1,000) open approval steps plus whatever the
// seed leaves; myTasks through the gateway (catalog asks sharing, quality and open-data as the caller, in parallel)
// against one subgraph's own list straight from the subgraph. One run on a throwaway stack.
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
    const MY = 'query($first: Int) { myTasks(first: $first) { total counts { type count } items { type id stage deadline { dueAt provisional overdue } } } }';
    const OWN = 'query { sharingPendingTasks { type id stage deadline { dueAt provisional overdue } } }';
    const gw = stack.gatewayUrl;
    const sub = stack.env.SUBGRAPH_URL_SHARING;
    const check = async (url: string, q: string, v: Record<string, unknown>) => {
      const r = await graphqlRequest<Record<string, unknown>>(url, q, v, admin);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
      return r.data!;
    };
    const total = ((await check(gw, MY, { first: 50 })).myTasks as { total: number }).total;
    await timed(5, async () => { await check(gw, MY, { first: 50 }); }); // warm-up: plans, pools, JIT
    const my = await timed(n, async () => { await check(gw, MY, { first: 50 }); });
    const own = await timed(n, async () => { await check(sub, OWN, {}); });
    console.log(`\nmyTasks bench: city-gaj-admin with ${total} open items (${tasks} inserted approval steps + seed), ${n} sequential calls each`);
    console.log('op'.padEnd(52), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8));
    console.log('myTasks(first: 50) via gateway (4 subgraphs, parallel)'.padEnd(52), pct(my, 50).toFixed(0).padStart(8), pct(my, 95).toFixed(0).padStart(8));
    console.log('sharingPendingTasks straight to sharing (all items)'.padEnd(52), pct(own, 50).toFixed(0).padStart(8), pct(own, 95).toFixed(0).padStart(8));
  } finally {
    await stackLib.stopStack(stack);
    await ds.destroy();
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
