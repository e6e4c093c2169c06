// 003 §31-34 fuzz: operations generated from the supergraph (every query and mutation x demo roles x valid, boundary
// and hostile variables) against a stack of its own (throwaway databases nobody else writes to). Asserted: 0 answers
// 5xx, 0 stack traces / paths / SQL / HTML in any body, 0 bodies that are not JSON, 0 INTERNAL_SERVER_ERRORs, no row
// left by a mutation that answered an error. `npm test` runs a bounded slice (FUZZ_REQUESTS, default 400); `npm run fuzz` the full run (12,000).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dropTestDatabases, ROOT, startTestStack, stopTestStack, type Stack } from './stack';
import { runFuzz } from './fuzz/run';

const total = Number(process.env.FUZZ_REQUESTS ?? 400);
const seed = Number(process.env.FUZZ_SEED ?? 16);
let stack: Stack;

beforeAll(async () => { stack = await startTestStack(); }, 300_000);
afterAll(async () => { if (stack) { await stopTestStack(stack); await dropTestDatabases(stack.dbPrefix!); } }, 60_000);

test(`fuzz: ${total} generated requests (seed ${seed}) -> no 5xx, no leak, no half row`, async () => {
  const report = await runFuzz({ url: stack.gatewayUrl, total, seed, dbPrefix: stack.dbPrefix! });
  const dir = join(ROOT, '.tools', 'logs', 'fuzz');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `report-${total}-${seed}.json`), JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ ...report, findings: report.findings.slice(0, 20) }, null, 2));
  expect(report.requests).toBe(total);
  expect(report.findings).toEqual([]);
}, 3_600_000);
