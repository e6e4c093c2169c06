// `npm run soak`: the benchmark mix at a fixed rate for SOAK_SECONDS (default 600) on a throwaway stack (the same
// processes as `npm start`, free ports, private databases and task queues). Open loop: a request leaves every
// 1/SOAK_RATE s whatever the previous ones do, so a slow graph shows as latency, not as a lower rate. Reports
// requests, errors by class, p50/p95/p99, and the RSS of every process after warm-up (SOAK_WARMUP_SECONDS) and at the
// end. Exits 1 on any error or an RSS growth of 10 % or more.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commonConfig, dropDatabases, envInt, graphqlRequest } from '@gov/kit';
import { grant, POP, token } from './grant';

const ROOT = join(__dirname, '..', '..');
const run = randomBytes(3).toString('hex');
const env = {
  NODE_ENV: 'test', GOV_DB_PREFIX: `gov_soak_${run}_`, TEMPORAL_TASK_QUEUE_PREFIX: `soak-${run}-`, APOLLO_TELEMETRY_DISABLED: '1',
  GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
};
Object.assign(process.env, env);
interface Child { pid?: number; spawnargs: string[] }
const stackLib = require(join(ROOT, 'scripts/stack.cjs')) as {
  startStack(o: { env: Record<string, string>; freePorts: boolean; logsDir: string }): Promise<{ env: Record<string, string>; children: Child[]; gatewayUrl: string }>;
  stopStack(s: unknown): Promise<void>;
};
const { populationRow } = require('@gov/svc-sharing/dist/domain/demo') as typeof import('@gov/svc-sharing/dist/domain/demo');

function rssKb(pid: number): number {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0); } catch { return 0; }
}
const nameOf = (c: Child) => c.spawnargs.at(-1)!.replace(/.*\/(services|gateway|workflows)\/?([^/]*)\/dist\/.*/, (_m, a: string, b: string) => b || a).replace(/^workflows$/, 'workflow-worker');
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function main(): Promise<void> {
  const seconds = envInt('SOAK_SECONDS', 600);
  const warmup = envInt('SOAK_WARMUP_SECONDS', Math.min(60, Math.floor(seconds / 5)));
  const rate = envInt('SOAK_RATE', 20);
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'inherit' });
  const stack = await stackLib.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', 'soak') });
  try {
    const gw = stack.gatewayUrl;
    // Records to verify against, and a VERIFY and a QUERY grant through the real approval.
    const rows = 2000;
    let csv = '姓名,公民身份号码,联系电话,住址,户号\n';
    for (let j = 0; j < rows; j++) { const r = populationRow(5_000_000 + j); csv += `${r.姓名},${r.公民身份号码},${r.联系电话},${r.住址},${r.户号}\n`; }
    const up = await fetch(`${stack.env.SUBGRAPH_URL_SHARING.replace(/\/graphql$/, '')}/exchange/resources/${POP}/records?format=csv`, {
      method: 'POST', body: csv, headers: { authorization: `Bearer ${await token('city-gaj-admin')}` },
    });
    if (!up.ok) throw new Error(`upload failed: ${up.status} ${await up.text()}`);
    const verifyGrant = await grant(gw, 'VERIFY', ['姓名', '公民身份号码']);
    const queryGrant = await grant(gw, 'QUERY', ['公民身份号码', '户号', '姓名']);

    // The mix: catalog search, the open catalog (anonymous), VERIFY, QUERY, and a query across four subgraphs.
    const mix: Array<{ name: string; weight: number; call: (i: number) => Promise<{ errors?: unknown[]; status: number }> }> = [
      { name: 'catalog search', weight: 4, call: async (i) => graphqlRequest(gw, 'query($k: String, $f: Int!) { dataResources(first: $f, filter: { keyword: $k }) { totalCount edges { node { id name } } } }', { k: ['人口', '企业 登记', '不动产', '许可'][i % 4], f: 20 }, await token('city-authority')) },
      { name: 'open catalog (anonymous)', weight: 2, call: async () => graphqlRequest(gw, 'query($f: Int!) { openDatasets(first: $f) { edges { node { name publisher { name } } } } }', { f: 10 }) },
      { name: 'VERIFY', weight: 2, call: async (i) => {
        const p = populationRow(5_000_000 + (i * 7919) % rows);
        return graphqlRequest(gw, 'query($g: ID!, $f: [FieldValueInput!]!) { verifyRecord(grantId: $g, fields: $f) { match } }', { g: verifyGrant, f: [{ name: '公民身份号码', value: p.公民身份号码 }, { name: '姓名', value: p.姓名 }] }, await token('city-wjw-user'));
      } },
      { name: 'QUERY', weight: 1, call: async () => graphqlRequest(gw, 'query($g: ID!) { grantedRecords(grantId: $g, first: 20) { edges { node { id } } } }', { g: queryGrant }, await token('city-wjw-user')) },
      { name: 'department across subgraphs', weight: 1, call: async () => graphqlRequest(gw, 'query($id: ID!) { department(id: $id) { name region { name } openDatasets { name } qualityIssues { status } digitalProjects { name } } }', { id: '420600-gaj' }, await token('city-authority')) },
    ];
    const wheel = mix.flatMap((m) => Array(m.weight).fill(m) as typeof mix);

    const lat: Record<string, number[]> = {};
    const errors: Record<string, number> = {};
    let sent = 0;
    let done = 0;
    const rss: Record<string, { warm: number; end: number; max: number }> = {};
    const sample = (phase: 'warm' | 'end') => {
      for (const c of stack.children) {
        if (!c.pid) continue;
        const kb = rssKb(c.pid);
        const r = (rss[nameOf(c)] ??= { warm: 0, end: 0, max: 0 });
        r[phase] = kb;
        r.max = Math.max(r.max, kb);
      }
    };
    const t0 = performance.now();
    const inflight = new Set<Promise<void>>();
    let warmed = false;
    console.log(`soak: ${rate} req/s for ${seconds} s (warm-up ${warmup} s) against ${gw}`);
    while (performance.now() - t0 < seconds * 1000) {
      const due = t0 + (sent * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const i = sent++;
      const m = wheel[i % wheel.length];
      const started = performance.now();
      const p = m.call(i).then((res) => {
        if (res.status >= 500) errors[`${m.name}: HTTP ${res.status}`] = (errors[`${m.name}: HTTP ${res.status}`] ?? 0) + 1;
        else if (res.errors?.length) errors[`${m.name}: ${JSON.stringify(res.errors).slice(0, 120)}`] = (errors[`${m.name}: ${JSON.stringify(res.errors).slice(0, 120)}`] ?? 0) + 1;
        if (warmed) (lat[m.name] ??= []).push(performance.now() - started);
      }, (e: Error) => { errors[`${m.name}: ${e.message}`] = (errors[`${m.name}: ${e.message}`] ?? 0) + 1; })
        .finally(() => { done++; inflight.delete(p); });
      inflight.add(p);
      if (!warmed && performance.now() - t0 >= warmup * 1000) { warmed = true; sample('warm'); }
      if (i % (rate * 10) === 0) sample(warmed ? 'end' : 'warm');
    }
    await Promise.all(inflight);
    sample('end');
    const elapsed = (performance.now() - t0) / 1000;

    const all = Object.values(lat).flat().sort((a, b) => a - b);
    console.log(`\nsoak: ${done} requests in ${elapsed.toFixed(0)} s (${(done / elapsed).toFixed(1)} req/s; ${rate} req/s asked), errors: ${Object.values(errors).reduce((a, b) => a + b, 0)}`);
    for (const [k, n] of Object.entries(errors)) console.log(`  error ${n} x ${k}`);
    console.log('op'.padEnd(30), 'n'.padStart(6), 'p50 ms'.padStart(8), 'p95 ms'.padStart(8), 'p99 ms'.padStart(8));
    for (const [k, xs] of [...Object.entries(lat), ['all (after warm-up)', all] as [string, number[]]]) {
      xs.sort((a, b) => a - b);
      console.log(k.padEnd(30), String(xs.length).padStart(6), pct(xs, 50).toFixed(0).padStart(8), pct(xs, 95).toFixed(0).padStart(8), pct(xs, 99).toFixed(0).padStart(8));
    }
    console.log('\nprocess'.padEnd(22), 'RSS after warm-up MB'.padStart(21), 'RSS end MB'.padStart(11), 'max MB'.padStart(8), 'growth'.padStart(8));
    let grew = false;
    for (const [k, r] of Object.entries(rss)) {
      const g = r.warm ? (r.end - r.warm) / r.warm : 0;
      if (g >= 0.1) grew = true;
      console.log(k.padEnd(21), (r.warm / 1024).toFixed(0).padStart(21), (r.end / 1024).toFixed(0).padStart(11), (r.max / 1024).toFixed(0).padStart(8), `${(g * 100).toFixed(1)} %`.padStart(8));
    }
    if (Object.keys(errors).length || grew) process.exitCode = 1;
  } finally {
    await stackLib.stopStack(stack);
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
