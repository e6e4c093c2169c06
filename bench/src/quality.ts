// Quality inspection throughput, one run on a throwaway stack: records/s of an inspection with all five dimensions over
// the population resource grown to BENCH_ROWS (default 100k), side by side with just streaming the same records from
// sharing's internal record stream (the floor any inspection pays), in the same run.
import { ROOT, env, stackLib } from './bench-stack';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { commonConfig, dropDatabases, envInt, graphqlRequest, passwordToken } from '@gov/kit';

const { populationRow } = require('@gov/svc-sharing/dist/domain/demo') as typeof import('@gov/svc-sharing/dist/domain/demo');

const POP = '00000000-0000-4000-8000-000004206000';
const kc = commonConfig().keycloak;
const token = (u: string) => passwordToken(kc, u, 'Demo-2026');

async function must<T>(url: string, as: string, q: string, v: Record<string, unknown>): Promise<T> {
  const r = await graphqlRequest<T>(url, q, v, await token(as));
  if (r.errors) throw new Error(`${as}: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}

async function main(): Promise<void> {
  const rows = envInt('BENCH_ROWS', 100_000);
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'inherit' });
  const stack = await stackLib.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', 'bench') });
  Object.assign(process.env, stack.env); // the record stream client finds sharing where the stack put it
  try {
    const gw = stack.gatewayUrl;
    const sub = stack.env.SUBGRAPH_URL_SHARING;
    const lines = function* () {
      yield '姓名,公民身份号码,联系电话,住址,户号\n';
      for (let i = 0; i < rows; i += 1000) {
        let chunk = '';
        for (let j = i; j < Math.min(rows, i + 1000); j++) {
          const r = populationRow(3_000_000 + j);
          chunk += `${r.姓名},${r.公民身份号码},${r.联系电话},${r.住址},${r.户号}\n`;
        }
        yield chunk;
      }
    };
    const res = await fetch(`${sub.replace(/\/graphql$/, '')}/exchange/resources/${POP}/records?format=csv`, {
      method: 'POST', body: Readable.toWeb(Readable.from(lines())) as ReadableStream, duplex: 'half',
      headers: { authorization: `Bearer ${await token('city-gaj-admin')}` },
    } as RequestInit);
    const load = (await res.json()) as { data?: { exchangeLoad: { id: string; status: string } } };
    if (load.data?.exchangeLoad.status !== 'LOADED') throw new Error(`upload failed: ${JSON.stringify(load)}`);
    // The load starts its own inspection (run id = load id): let it finish so the measurements below run alone.
    for (;;) {
      const r = await must<{ inspectionRun: { status: string } | null }>(gw, 'city-operator', 'query($id: ID!) { inspectionRun(id: $id) { status } }', { id: load.data.exchangeLoad.id });
      if (r.inspectionRun && r.inspectionRun.status !== 'RUNNING') break;
      await new Promise((ok) => setTimeout(ok, 500));
    }

    // Consistency rules for the fifth dimension: the ID number must exist in the population base (a keyed lookup), and
    // the household number follows its pattern (validity). The defaults give completeness, validity, uniqueness, timeliness.
    const RULE = 'mutation($input: QualityRuleInput!) { defineQualityRule(input: $input) { id } }';
    await must(gw, 'city-operator', RULE, { input: { resourceId: POP, code: 'in-population', check: 'EXISTS_IN', items: ['公民身份号码'], otherResourceId: POP, otherItem: '公民身份号码' } });
    await must(gw, 'city-operator', RULE, { input: { resourceId: POP, code: 'household-pattern', check: 'PATTERN', items: ['户号'], pattern: 'H\\d{14}' } });

    // 1. Just the stream: every item of every record, as quality's own client reads it.
    const { openRecordStream } = require('@gov/svc-quality/dist/domain/record-stream') as typeof import('@gov/svc-quality/dist/domain/record-stream');
    const t0 = performance.now();
    const stream = await openRecordStream(POP, ['姓名', '公民身份号码', '联系电话', '住址', '户号']);
    let streamed = 0;
    for await (const _ of stream.records) streamed++;
    const streamS = (performance.now() - t0) / 1000;

    // 2. The inspection through the graph: the workflow's activity streams, evaluates every rule, stores and opens issues.
    const t1 = performance.now();
    const started = await must<{ runQualityInspection: { runId: string } }>(gw, 'city-operator', 'mutation($r: ID!) { runQualityInspection(resourceId: $r) { runId } }', { r: POP });
    type RunRow = { status: string; recordCount: number; durationMs: number | null; results: Array<{ ruleCode: string; dimension: string; failed: number }> };
    let runRow: RunRow;
    for (;;) {
      const r = await must<{ inspectionRun: RunRow | null }>(gw, 'city-operator', 'query($id: ID!) { inspectionRun(id: $id) { status recordCount durationMs results { ruleCode dimension failed } } }', { id: started.runQualityInspection.runId });
      if (r.inspectionRun && r.inspectionRun.status !== 'RUNNING') { runRow = r.inspectionRun; break; }
      await new Promise((ok) => setTimeout(ok, 200));
    }
    const wallS = (performance.now() - t1) / 1000;
    const runS = (runRow.durationMs ?? 0) / 1000;
    const dims = [...new Set(runRow.results.map((r) => r.dimension))].sort();

    console.log(`\nquality bench (one run, ${streamed} records of the population resource)`);
    console.log(`stream only        ${streamS.toFixed(2)} s = ${Math.round(streamed / streamS)} records/s`);
    console.log(`inspection (run)   ${runS.toFixed(2)} s = ${Math.round(runRow.recordCount / runS)} records/s  [${runRow.results.length} rules; dimensions ${dims.join(', ')}; incl. reading the lookup side once]`);
    console.log(`inspection (wall)  ${wallS.toFixed(2)} s from the mutation to the stored result`);
    console.log(`status ${runRow.status}; failed per rule: ${runRow.results.map((r) => `${r.ruleCode}=${r.failed}`).join(' ')}`);
  } finally {
    await stackLib.stopStack(stack);
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
