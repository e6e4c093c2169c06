// Sharing exchange throughput, one run on a throwaway stack (the same processes as `npm start`, free ports, private
// databases and task queues): VERIFY and QUERY through the gateway vs straight to the sharing subgraph (same tokens,
// same grants, ratio printed), and rows/s of one 100k-row streaming CSV upload (BENCH_UPLOAD_ROWS).
import { ROOT, env, stackLib } from './bench-stack';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { commonConfig, dropDatabases, envInt, graphqlRequest } from '@gov/kit';
import { grant, POP, token } from './grant';

const { populationRow } = require('@gov/svc-sharing/dist/domain/demo') as typeof import('@gov/svc-sharing/dist/domain/demo');

/** requests/s of `n` calls with `concurrency` in flight. */
async function throughput(n: number, concurrency: number, call: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await call(next++); }));
  return n / ((performance.now() - t0) / 1000);
}

async function main(): Promise<void> {
  const uploadRows = envInt('BENCH_UPLOAD_ROWS', 100_000);
  const n = envInt('BENCH_REQUESTS', 400);
  const concurrency = envInt('BENCH_CONCURRENCY', 8);
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'inherit' });
  const stack = await stackLib.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', 'bench') });
  try {
    const gw = stack.gatewayUrl;
    const sub = stack.env.SUBGRAPH_URL_SHARING;

    // 1. Upload: one streaming CSV of `uploadRows` population records, validated, encrypted, all in one transaction.
    const header = '姓名,公民身份号码,联系电话,住址,户号\n';
    const lines = function* () {
      yield header;
      for (let i = 0; i < uploadRows; i += 1000) {
        let chunk = '';
        for (let j = i; j < Math.min(uploadRows, i + 1000); j++) {
          const r = populationRow(3_000_000 + j);
          chunk += `${r.姓名},${r.公民身份号码},${r.联系电话},${r.住址},${r.户号}\n`;
        }
        yield chunk;
      }
    };
    const t0 = performance.now();
    const res = await fetch(`${sub.replace(/\/graphql$/, '')}/exchange/resources/${POP}/records?format=csv`, {
      method: 'POST', body: Readable.toWeb(Readable.from(lines())) as ReadableStream, duplex: 'half',
      headers: { authorization: `Bearer ${await token('city-gaj-admin')}` },
    } as RequestInit);
    const load = (await res.json()) as { data?: { exchangeLoad: { status: string; rowCount: number } } };
    const uploadS = (performance.now() - t0) / 1000;
    if (load.data?.exchangeLoad.status !== 'LOADED') throw new Error(`upload failed: ${JSON.stringify(load)}`);

    // 2. Grants through the real approval (workflow, mutations), then the same calls via the gateway and direct.
    const verifyGrant = await grant(gw, 'VERIFY', ['姓名', '公民身份号码']);
    const queryGrant = await grant(gw, 'QUERY', ['公民身份号码', '户号', '姓名']);
    const consumer = await token('city-wjw-user');
    const VERIFY = 'query($g: ID!, $f: [FieldValueInput!]!) { verifyRecord(grantId: $g, fields: $f) { match differingFields } }';
    const QUERY = 'query($g: ID!) { grantedRecords(grantId: $g, first: 50) { edges { node { id fields { name value treatment } } } } }';
    const verifyCall = (url: string) => async (i: number) => {
      const p = populationRow(3_000_000 + (i * 7919) % uploadRows);
      const r = await graphqlRequest(url, VERIFY, { g: verifyGrant, f: [{ name: '公民身份号码', value: p.公民身份号码 }, { name: '姓名', value: p.姓名 }] }, consumer);
      if (r.errors || !(r.data as { verifyRecord: { match: boolean } }).verifyRecord.match) throw new Error(JSON.stringify(r.errors ?? r.data));
    };
    const queryCall = (url: string) => async () => {
      const r = await graphqlRequest(url, QUERY, { g: queryGrant }, consumer);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    };
    await throughput(40, concurrency, verifyCall(gw)); // warm-up: plans, pools, JIT
    await throughput(40, concurrency, verifyCall(sub));
    const vGw = await throughput(n, concurrency, verifyCall(gw));
    const vSub = await throughput(n, concurrency, verifyCall(sub));
    const qGw = await throughput(n / 4, concurrency, queryCall(gw));
    const qSub = await throughput(n / 4, concurrency, queryCall(sub));

    console.log(`\nsharing bench (one run; every call verifies the token, checks the grant and appends an audit record)`);
    console.log(`upload   ${uploadRows} rows CSV in ${uploadS.toFixed(1)} s = ${Math.round(uploadRows / uploadS)} rows/s (validated, SM4-encrypted, one transaction)`);
    console.log('op'.padEnd(28), 'gateway req/s'.padStart(14), 'subgraph req/s'.padStart(15), 'gateway/subgraph'.padStart(17));
    console.log('VERIFY (2 fields)'.padEnd(28), vGw.toFixed(1).padStart(14), vSub.toFixed(1).padStart(15), (vGw / vSub).toFixed(2).padStart(17));
    console.log('QUERY (page of 50, 3 items)'.padEnd(28), qGw.toFixed(1).padStart(14), qSub.toFixed(1).padStart(15), (qGw / qSub).toFixed(2).padStart(17));
  } finally {
    await stackLib.stopStack(stack);
    await dropDatabases(env.GOV_DB_PREFIX, commonConfig().mysql);
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
