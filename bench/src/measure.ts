// Closed-loop load: `n` calls with `concurrency` in flight; throughput and latency percentiles of one measurement.
import { performance } from 'node:perf_hooks';

export interface Load { n: number; perSec: number; p50: number; p95: number; cpu?: string }

export async function load(n: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<Load> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) {
      const i = next++;
      const s = performance.now();
      await call(i);
      lat.push(performance.now() - s);
    }
  }));
  const ms = performance.now() - t0;
  lat.sort((a, b) => a - b);
  return { n, perSec: (n / ms) * 1000, p50: lat[Math.floor(lat.length * 0.5)] ?? 0, p95: lat[Math.floor(lat.length * 0.95)] ?? 0 };
}
