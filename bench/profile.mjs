// Summarises V8 CPU profiles (`npm run bench` with BENCH_CPU_PROF=<dir>): per process, the share of sampled time by
// self time of the top functions and by package, so a before/after comparison fits in a note.
//   SKIP=25 node bench/profile.mjs <dir> [top=12]   (SKIP: seconds of boot left out)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 12);
const skip = Number(process.env.SKIP ?? 25);
const where = (url) => {
  if (!url) return '(native/gc)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  const own = /\/(services\/[^/]+|packages\/[^/]+|gateway|workflows)\//.exec(url);
  if (own) return own[1];
  return url.startsWith('node:') ? 'node core' : url.split('/').slice(-2).join('/');
};
for (const f of readdirSync(dir).filter((x) => x.endsWith('.cpuprofile')).sort()) {
  const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  const self = new Map();
  const counts = new Map();
  // Samples after the first SKIP seconds only: boot (module loading, compiling) is not what a request costs.
  let t = 0;
  let total = 0;
  p.samples.forEach((s, i) => { t += p.timeDeltas[i] ?? 0; if (t >= skip * 1e6) { counts.set(s, (counts.get(s) ?? 0) + 1); total++; } });
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const idle = [...byId.values()].filter((n) => n.callFrame.functionName === '(idle)').reduce((a, n) => a + (counts.get(n.id) ?? 0), 0);
  const busy = total - idle;
  if (busy < 200) continue; // processes that did nearly nothing
  const fn = new Map();
  const pkg = new Map();
  for (const n of p.nodes) {
    const c = counts.get(n.id) ?? 0;
    if (!c || n.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber } = n.callFrame;
    const k = `${functionName || '(anonymous)'} ${where(url)}${url && !url.includes('node_modules') && !url.startsWith('node:') ? `:${lineNumber + 1}` : ''}`;
    fn.set(k, (fn.get(k) ?? 0) + c);
    const w = ['(garbage collector)', '(program)'].includes(functionName) ? functionName : where(url);
    pkg.set(w, (pkg.get(w) ?? 0) + c);
  }
  const entry = p.nodes.map((n) => /(services\/[^/]+|gateway|workflows)\/dist\/(?:index|worker)\.js$/.exec(n.callFrame.url)?.[1]).find(Boolean) ?? f;
  const pct = (c) => `${((100 * c) / busy).toFixed(1)}%`;
  console.log(`\n## ${entry} (${f}): ${busy} busy samples (idle ${((100 * idle) / total).toFixed(0)}% of all)`);
  console.log('by package: ' + [...pkg].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k, c]) => `${k} ${pct(c)}`).join(', '));
  for (const [k, c] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${pct(c).padStart(6)}  ${k}`);
}
