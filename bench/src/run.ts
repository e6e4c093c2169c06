// `npm run bench`: every benchmark on one throwaway stack (the same processes as `npm start`, free ports, private
// databases and task queues), each figure beside a baseline measured in the same run, in ONE table printed and written
// to bench/RESULTS.md with the commit and the machine. Only ratios within one run mean anything on a shared machine.
//   BENCH_REQUESTS (400) BENCH_CONCURRENCY (8) BENCH_UPLOAD_ROWS (100000) BENCH_AUDIT_N (2000) BENCH_APPROVALS (40)
//   BENCH_EXPORT_ROWS (50000) BENCH_GATEWAY_WORKERS (2; 1 = skip the clustered gateway) BENCH_CPU_PROF (a directory for the stack's CPU profiles)
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { AuditOutbox, auditActorOf, outboxRecord, commonConfig, createAuditClient, createLogger, dataSourceFor, dropDatabases, envInt, graphqlRequest, httpAuditShipper, clientCredentialsToken } from '@gov/kit';
import { grant, must, POP, token } from './grant';
import { load, type Load } from './measure';

const ROOT = join(__dirname, '..', '..');
const run = randomBytes(3).toString('hex');
const env = {
  NODE_ENV: 'test', GOV_DB_PREFIX: `gov_bench_${run}_`, TEMPORAL_TASK_QUEUE_PREFIX: `bench-${run}-`, APOLLO_TELEMETRY_DISABLED: '1',
  GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
};
Object.assign(process.env, env);
const stackLib = require(join(ROOT, 'scripts/stack.cjs')) as {
  startStack(o: { env: Record<string, string>; freePorts: boolean; logsDir: string; nodeArgs?: string[] }): Promise<{ env: Record<string, string>; children: Child[]; gatewayUrl: string }>;
  stopStack(s: unknown): Promise<void>;
  freePort(): Promise<number>;
  waitReady(url: string, child: ChildProcess, name: string, logFile: string): Promise<void>;
};
const { populationRow } = require('@gov/svc-sharing/dist/domain/demo') as typeof import('@gov/svc-sharing/dist/domain/demo');

interface Child { pid?: number; spawnargs: string[] }
/** CPU seconds (user + system) each stack process has used so far, by name (catalog, sharing, gateway, ...). */
function cpuOf(children: Child[]): Map<string, number> {
  const tick = 100; // USER_HZ on Linux
  const out = new Map<string, number>();
  for (const c of children) {
    if (!c.pid) continue;
    const name = c.spawnargs.at(-1)!.replace(/.*\/(services\/([^/]+)|gateway|workflows)\/dist\/.*/, (_m, a: string, b?: string) => b ?? a);
    try {
      const f = readFileSync(`/proc/${c.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      out.set(name, (Number(f[11]) + Number(f[12])) / tick);
    } catch { /* gone */ }
  }
  return out;
}

interface Row { what: string; figure: string; baseline: string; ratio: number; goal: string; met: boolean | null }
const rows: Row[] = [];
const fmt = (x: number, d = 1) => x.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const rps = (l: Load) => `${fmt(l.perSec)} req/s, p50 ${fmt(l.p50)} ms${l.cpu ? `, ${l.cpu}` : ''}`;
function row(what: string, figure: string, baseline: string, ratio: number, goal: string, met: boolean | null): void {
  rows.push({ what, figure, baseline, ratio, goal, met });
  console.log(`  ${what}: ${figure} | ${baseline} | ${ratio.toFixed(2)}x | ${goal}${met === null ? '' : met ? ' met' : ' NOT met'}`);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const n = envInt('BENCH_REQUESTS', 400);
  const conc = envInt('BENCH_CONCURRENCY', 8);
  const uploadRows = envInt('BENCH_UPLOAD_ROWS', 100_000);
  const auditN = envInt('BENCH_AUDIT_N', 2000);
  const approvals = envInt('BENCH_APPROVALS', 40);
  const started = performance.now();
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'pipe' });
  // BENCH_CPU_PROF=<dir>: every process of the stack writes a V8 CPU profile there when it stops (see bench/profile.mjs).
  const nodeArgs = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const stack = await stackLib.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', `bench-${run}`), nodeArgs });
  Object.assign(process.env, stack.env);
  const config = commonConfig();
  const sharingMod = require('@gov/svc-sharing') as typeof import('@gov/svc-sharing');
  const openData = require('@gov/svc-open-data') as typeof import('@gov/svc-open-data');
  const sharingDs = dataSourceFor(sharingMod.service, config);
  const openDs = dataSourceFor(openData.service, config);
  try {
    await sharingDs.initialize();
    await openDs.initialize();
    const gw = stack.gatewayUrl;
    const sub = stack.env.SUBGRAPH_URL_SHARING;
    const catalog = stack.env.SUBGRAPH_URL_CATALOG;
    const securityUrl = stack.env.SUBGRAPH_URL_SECURITY;
    console.log(`bench run ${run}: stack up in ${((performance.now() - started) / 1000).toFixed(0)} s`);

    // 1. Upload: one streaming CSV of `uploadRows` population records (validated, SM4, one transaction) vs the same
    // rows as a plain multi-row INSERT (1000 a statement, one transaction) into a copy of the same table.
    const csvLines = function* () {
      yield '姓名,公民身份号码,联系电话,住址,户号\n';
      for (let i = 0; i < uploadRows; i += 1000) {
        let chunk = '';
        for (let j = i; j < Math.min(uploadRows, i + 1000); j++) {
          const r = populationRow(3_000_000 + j);
          chunk += `${r.姓名},${r.公民身份号码},${r.联系电话},${r.住址},${r.户号}\n`;
        }
        yield chunk;
      }
    };
    const admin = await token('city-gaj-admin');
    let t0 = performance.now();
    const res = await fetch(`${sub.replace(/\/graphql$/, '')}/exchange/resources/${POP}/records?format=csv`, {
      method: 'POST', body: Readable.toWeb(Readable.from(csvLines())) as ReadableStream, duplex: 'half', headers: { authorization: `Bearer ${admin}` },
    } as RequestInit);
    const loaded = (await res.json()) as { data?: { exchangeLoad: { status: string } } };
    const uploadS = (performance.now() - t0) / 1000;
    if (loaded.data?.exchangeLoad.status !== 'LOADED') throw new Error(`upload failed: ${JSON.stringify(loaded)}`);
    await sharingDs.query('CREATE TABLE bench_plain_record LIKE exchange_record');
    t0 = performance.now();
    await sharingDs.transaction(async (m) => {
      for (let i = 0; i < uploadRows; i += 1000) {
        const values: unknown[][] = [];
        for (let j = i; j < Math.min(uploadRows, i + 1000); j++) {
          const r = populationRow(3_000_000 + j);
          values.push([randomUUID(), POP, r.公民身份号码, JSON.stringify(r), null]);
        }
        await m.query('INSERT INTO bench_plain_record (id, resource_id, record_key, fields, load_id) VALUES ?', [values]);
      }
    });
    const plainS = (performance.now() - t0) / 1000;
    const upRate = uploadRows / uploadS;
    const plainRate = uploadRows / plainS;
    row(`upload ${uploadRows.toLocaleString('en')}-row population CSV (validated, SM4) vs the same rows as a plain INSERT`, `${fmt(upRate, 0)} rows/s`, `plain multi-row INSERT ${fmt(plainRate, 0)} rows/s`, upRate / plainRate,
      '≥ 0.5x', upRate / plainRate >= 0.5);
    row('upload rows/s against the absolute goal', `${fmt(upRate, 0)} rows/s`, '20,000 rows/s', upRate / 20_000, '≥ 20,000 rows/s', upRate >= 20_000);

    // 2. Floors and delivery, through the gateway vs straight to the subgraph, same token, interleaved warm-up.
    const consumer = await token('city-wjw-user');
    const verifyGrant = await grant(gw, 'VERIFY', ['姓名', '公民身份号码']);
    const queryGrant = await grant(gw, 'QUERY', ['公民身份号码', '户号', '姓名']);
    const ME = 'query { me { username roles } }';
    const VERIFY = 'query($g: ID!, $f: [FieldValueInput!]!) { verifyRecord(grantId: $g, fields: $f) { match differingFields } }';
    const QUERY = 'query($g: ID!, $n: Int!) { grantedRecords(grantId: $g, first: $n) { edges { node { id fields { name value treatment } } } } }';
    const check = (r: { errors?: unknown[]; status: number }) => { if (r.errors || r.status >= 400) throw new Error(JSON.stringify(r.errors ?? r.status)); };
    const me = (url: string) => async () => check(await graphqlRequest(url, ME, {}, consumer));
    const verify = (url: string) => async (i: number) => {
      const p = populationRow(3_000_000 + (i * 7919) % uploadRows);
      const r = await graphqlRequest<{ verifyRecord: { match: boolean } }>(url, VERIFY, { g: verifyGrant, f: [{ name: '公民身份号码', value: p.公民身份号码 }, { name: '姓名', value: p.姓名 }] }, consumer);
      check(r);
      if (!r.data?.verifyRecord.match) throw new Error('VERIFY did not match');
    };
    const query = (url: string) => async () => check(await graphqlRequest(url, QUERY, { g: queryGrant, n: 50 }, consumer));
    for (const f of [me(gw), me(catalog), verify(gw), verify(sub), query(gw), query(sub)]) await load(40, conc, f);
    // CPU ms per call of the processes that did the work: on a machine shared with other work, a steadier cost than req/s.
    const costed = async (count: number, f: (i: number) => Promise<void>) => {
      const before = cpuOf(stack.children);
      const l = await load(count, conc, f);
      const after = cpuOf(stack.children);
      const per = [...after].map(([k, v]) => [k, ((v - (before.get(k) ?? v)) * 1000) / count] as const).filter(([, ms]) => ms >= 0.05).sort((a, b) => b[1] - a[1]);
      const total = per.reduce((a, [, ms]) => a + ms, 0);
      return { ...l, cpuMs: total, cpu: `CPU ${fmt(total, 2)} ms/call (${per.slice(0, 3).map(([k, ms]) => `${k} ${fmt(ms, 2)}`).join(', ')})` };
    };
    const meGw = await costed(n, me(gw));
    const meSub = await costed(n, me(catalog));
    const vGw = await costed(n, verify(gw));
    const vSub = await costed(n, verify(sub));
    const qGw = await costed(Math.max(40, n / 4), query(gw));
    const qSub = await costed(Math.max(40, n / 4), query(sub));
    row('gateway floor (`me`) vs subgraph floor (catalog `me`)', rps(meGw), rps(meSub), meGw.perSec / meSub.perSec, '≥ 0.6x', meGw.perSec / meSub.perSec >= 0.6);
    // The same gateway as BENCH_GATEWAY_WORKERS (default 2) node:cluster workers (GOV_WORKERS), beside the first one.
    const workers = envInt('BENCH_GATEWAY_WORKERS', 2);
    if (workers > 1) {
      const port = await stackLib.freePort();
      const gw2 = spawn(process.execPath, [...nodeArgs, join(ROOT, 'gateway/dist/index.js')], { env: { ...process.env, ...stack.env, PORT: String(port), GOV_WORKERS: String(workers) }, stdio: 'ignore' });
      try {
        await stackLib.waitReady(`http://127.0.0.1:${port}/readyz`, gw2, 'gateway (cluster)', '-');
        const url = `http://127.0.0.1:${port}/graphql`;
        await load(40, conc, me(url));
        const meGw2 = await load(n, conc, me(url));
        row(`gateway floor with ${workers} cluster workers (GOV_WORKERS) vs subgraph floor`, rps(meGw2), rps(meSub), meGw2.perSec / meSub.perSec, '≥ 0.6x', meGw2.perSec / meSub.perSec >= 0.6);
      } finally {
        await new Promise<void>((ok) => { if (gw2.exitCode !== null) return ok(); gw2.once('exit', () => ok()); gw2.kill('SIGTERM'); setTimeout(() => gw2.kill('SIGKILL'), 10_000).unref(); });
      }
    }
    row('VERIFY through the gateway vs the gateway floor', rps(vGw), rps(meGw), vGw.perSec / meGw.perSec, '≥ 0.8x', vGw.perSec / meGw.perSec >= 0.8);
    row('VERIFY on the sharing subgraph vs the subgraph floor', rps(vSub), rps(meSub), vSub.perSec / meSub.perSec, '≥ 0.5x', vSub.perSec / meSub.perSec >= 0.5);
    row('VERIFY through the gateway vs straight to the subgraph', rps(vGw), rps(vSub), vGw.perSec / vSub.perSec, '(shown)', null);
    row('CPU per call: gateway `me` vs subgraph `me` (inverse: the throughput ratio on an idle machine)', `${fmt(meGw.cpuMs, 2)} ms`, `${fmt(meSub.cpuMs, 2)} ms`, meSub.cpuMs / meGw.cpuMs, '≥ 0.6x', meSub.cpuMs / meGw.cpuMs >= 0.6);
    row('CPU per call: VERIFY through the gateway vs gateway `me` (inverse)', `${fmt(vGw.cpuMs, 2)} ms`, `${fmt(meGw.cpuMs, 2)} ms`, meGw.cpuMs / vGw.cpuMs, '≥ 0.8x', meGw.cpuMs / vGw.cpuMs >= 0.8);
    row('CPU per call: VERIFY on the subgraph vs subgraph `me` (inverse)', `${fmt(vSub.cpuMs, 2)} ms`, `${fmt(meSub.cpuMs, 2)} ms`, meSub.cpuMs / vSub.cpuMs, '≥ 0.5x', meSub.cpuMs / vSub.cpuMs >= 0.5);
    row('QUERY page of 50 (3 items) p50 vs VERIFY p50, through the gateway', `p50 ${fmt(qGw.p50)} ms (${fmt(qGw.perSec)} req/s)`, `p50 ${fmt(vGw.p50)} ms`, qGw.p50 / vGw.p50, '≤ 2x', qGw.p50 / vGw.p50 <= 2);
    row('QUERY page of 50 through the gateway vs straight to the subgraph', rps(qGw), rps(qSub), qGw.perSec / qSub.perSec, '(shown)', null);

    // 3. Audit: the relay's batch append into the SM3 chain vs one append at a time (same client, same security).
    const actor = auditActorOf({ sub: 'bench', username: 'bench-user', roles: ['dept-user'], department: '420600-wjw', region: '420600', isService: false, token: '' });
    const entry = { action: 'QUERY' as const, resourceId: 'bench', items: ['姓名'], detail: 'rows=1' };
    const audit = createAuditClient({ config, source: 'bench', securityUrl });
    const ship = httpAuditShipper({ config, securityUrl });
    await clientCredentialsToken(config.keycloak, config.serviceAccount.clientId, config.serviceAccount.clientSecret);
    for (let i = 0; i < 10; i++) await audit.append(actor, `warm-${i}`, entry);
    const seq = await load(200, 1, async (i) => audit.append(actor, `seq-${i}`, entry));
    const batch = 500;
    t0 = performance.now();
    for (let i = 0; i < auditN; i += batch) {
      await ship(Array.from({ length: Math.min(batch, auditN - i) }, () => outboxRecord(actor, `b-${run}`, entry, 'bench')));
    }
    const batchRate = auditN / ((performance.now() - t0) / 1000);
    row(`audit: records/s into the chain, batches of ${batch}`, `${fmt(batchRate, 0)} records/s`, `one at a time ${fmt(seq.perSec, 0)} records/s`, batchRate / seq.perSec, '≥ 5,000 records/s', batchRate >= 5000);

    // An audited read vs the same read unaudited: open-data's page of 20 + a record in its outbox (the resolver's path).
    const outbox = new AuditOutbox({ ds: openDs, source: 'bench', logger: createLogger('bench'), ship: httpAuditShipper({ config, securityUrl }) });
    outbox.start();
    const { readOpenDatasets } = require('@gov/svc-open-data/dist/resolvers/open-dataset.resolver') as typeof import('@gov/svc-open-data/dist/resolvers/open-dataset.resolver');
    const page = { first: 20, after: null };
    const plain: number[] = [];
    const audited: number[] = [];
    for (let i = 0; i < 220; i++) {
      let s = performance.now();
      await readOpenDatasets(openDs, null, null, page);
      if (i >= 20) plain.push(performance.now() - s);
      s = performance.now();
      const conn = await readOpenDatasets(openDs, null, null, page);
      await outbox.record(actor, `read-${i}`, { action: 'QUERY', items: ['openDataset'], detail: `rows=${conn.edges.length}` });
      if (i >= 20) audited.push(performance.now() - s);
    }
    await outbox.stop();
    row('audited read (open datasets page of 20 + outbox record) vs the same read unaudited', `median ${fmt(median(audited), 2)} ms`, `median ${fmt(median(plain), 2)} ms`, median(audited) / median(plain), '≤ 1.2x', median(audited) / median(plain) <= 1.2);

    // 4. Approvals: submit (workflow start) then the provider's decision, acknowledged (the workflow applied it, or pending).
    const F = 'id status stage pending';
    const apps: string[] = [];
    await load(approvals, conc, async () => {
      const { createShareApplication: a } = await must<{ createShareApplication: { id: string } }>(gw, 'city-wjw-user',
        `mutation($i: ShareApplicationInput!) { createShareApplication(input: $i) { id } }`,
        { i: { resourceId: POP, requestedItems: ['姓名'], scenario: '基准测试', purpose: '审批吞吐量', usageMode: 'VERIFY', periodFrom: '2026-01-01', periodTo: '2027-12-31' } });
      apps.push(a.id);
    });
    const submit = await load(approvals, conc, async (i) => { await must(gw, 'city-wjw-user', `mutation($id: ID!) { submitShareApplication(id: $id) { ${F} } }`, { id: apps[i] }); });
    let pending = 0;
    const decide = `mutation($id: ID!, $s: ApprovalStage!) { decideShareApplication(id: $id, stage: $s, approve: true) { ${F} } }`;
    const approverToken = await token('city-gaj-approver');
    const half = Math.floor(approvals / 2);
    const decideOne = async (i: number) => {
      const r = await graphqlRequest<{ decideShareApplication: { pending: boolean } }>(gw, decide, { id: apps[i], s: 'PROVIDER_REVIEW' }, approverToken);
      check(r);
      if (r.data?.decideShareApplication.pending) pending++;
    };
    const decSeq = await load(half, 1, decideOne);
    const decCon = await load(approvals - half, conc, (i) => decideOne(half + i));
    row('approval: provider decision acknowledged, p50 (sequential)', `p50 ${fmt(decSeq.p50)} ms`, `gateway floor p50 ${fmt(meGw.p50)} ms`, decSeq.p50 / meGw.p50, '≤ 100 ms', decSeq.p50 <= 100);
    row(`approval: decisions/s, ${conc} in flight (${pending} of ${approvals} answered pending)`, `${fmt(decCon.perSec)} decisions/s`, `submits ${fmt(submit.perSec)} /s`, decCon.perSec / submit.perSec, '≥ 50 /s', decCon.perSec >= 50);

    // 5. Open-data exports: the writers' own bench (bench/src/open-data-export.ts) on this stack; writer lines beside its
    // hand-CSV line, its end-to-end lines beside the baseline each names (raw mysql2 + hand CSV; the subgraph direct).
    const exp = spawnSync(process.execPath, [join(__dirname, 'open-data-export.js')], {
      env: { ...process.env, ...stack.env, GATEWAY_URL: gw, BENCH_N: String(envInt('BENCH_EXPORT_ROWS', 50_000)) }, encoding: 'utf8', timeout: 300_000,
    });
    const lines = (exp.stdout ?? '').split('\n');
    const rate = (l: string) => Number(/([\d,]+) rows\/s/.exec(l)?.[1].replace(/,/g, '') ?? NaN);
    const label = (l: string) => l.trim().split(/\s{2,}/)[0];
    const hand = lines.find((l) => /^hand/i.test(l.trim()));
    const e2eRaw = lines.find((l) => l.startsWith('e2e mysql2'));
    const e2eSub = lines.find((l) => l.startsWith('e2e API page via subgraph'));
    for (const l of lines) {
      if (l === hand || l === e2eRaw || l === e2eSub || !Number.isFinite(rate(l))) continue;
      if (l.startsWith('e2e download')) {
        row(`open-data ${label(l)} over HTTP`, `${fmt(rate(l), 0)} rows/s`, `raw mysql2 + hand CSV ${fmt(rate(e2eRaw ?? ''), 0)} rows/s`, rate(l) / rate(e2eRaw ?? ''), '(shown)', null);
      } else if (l.startsWith('e2e API page via gateway')) {
        const p50 = (x: string) => Number(/p50 ([\d.]+) ms/.exec(x)?.[1] ?? NaN);
        row('open-data API page of 100 records, p50 via gateway', `p50 ${fmt(p50(l))} ms`, `subgraph direct p50 ${fmt(p50(e2eSub ?? ''))} ms`, p50(l) / p50(e2eSub ?? ''), '(shown)', null);
      } else {
        row(`open-data export ${label(l)}`, `${fmt(rate(l), 0)} rows/s`, hand ? `${label(hand)} ${fmt(rate(hand), 0)} rows/s` : '-', hand ? rate(l) / rate(hand) : NaN, '(shown)', null);
      }
    }
    if (exp.status !== 0) console.error(`open-data-export exited ${exp.status}: ${exp.stderr?.slice(0, 500)}`);

    write(((performance.now() - started) / 1000));
  } finally {
    if (sharingDs.isInitialized) await sharingDs.destroy();
    if (openDs.isInitialized) await openDs.destroy();
    await stackLib.stopStack(stack);
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

function write(seconds: number): void {
  let commit = 'unknown';
  try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
  let dirty = '';
  try { dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() ? ' (with uncommitted changes)' : ''; } catch { /* idem */ }
  const cpu = cpus();
  const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
  const table = [
    '| benchmark | figure | baseline (same run) | ratio | goal | |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.what} | ${r.figure} | ${r.baseline} | ${Number.isFinite(r.ratio) ? `${r.ratio.toFixed(2)}x` : '-'} | ${r.goal} | ${r.met === null ? '' : r.met ? 'met' : '**not met**'} |`),
  ].join('\n');
  const head = `# Benchmark results\n\nWritten by \`npm run bench\` (bench/src/run.ts) on ${new Date().toISOString()}: commit ${commit}${dirty}, ${cpu.length} CPU (${cpu[0]?.model ?? '?'}), node ${process.version}, load average ${load1} at the end, ${seconds.toFixed(0)} s.\n` +
    'Everything (MariaDB, Temporal, Keycloak, seven subgraphs, the worker, the gateway, the load generator) shares this machine: absolute figures vary between machines and runs; the ratios, measured side by side in one run, are the result.\n\n';
  const analysisFile = join(ROOT, 'bench', 'RESULTS.md');
  // The hand-written analysis below the generated table (after the marker) survives a re-run.
  let analysis = '';
  try { const old = readFileSync(analysisFile, 'utf8'); const at = old.indexOf('<!-- analysis -->'); if (at >= 0) analysis = old.slice(at); } catch { /* first run */ }
  writeFileSync(analysisFile, `${head}${table}\n\n${analysis}`);
  console.log(`\n${table}\n\nwritten to bench/RESULTS.md`);
}

main().catch((e) => { console.error(e); process.exit(1); });
