// Open data export writers (services/open-data/src/domain/writers.ts), in process, on BENCH_N synthetic legal-person rows
// (default 200000) de-identified by the seed grade policy: rows/s per format against a hand-written CSV join (the
// writer-side ceiling, no quoting), and peak RSS during each export. The record stream from sharing is not in the loop.
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { envInt } from '@gov/kit';
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
}

main().catch((e) => { console.error(e); process.exit(1); });
