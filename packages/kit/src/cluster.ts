// GOV_WORKERS processes of one deployable share its port through node:cluster, so one host's cores all serve it.
// Default 1 (no cluster): on Kubernetes the HPA adds pods instead, and tests and the bench run many processes at once.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { envInt } from './config';
import type { Logger } from './logger';

/** GOV_WORKERS: 1 = a single process, 0 = one per CPU, n = n workers. */
export function workerCount(): number {
  const n = envInt('GOV_WORKERS', 1);
  return n === 0 ? availableParallelism() : Math.max(1, n);
}

/** The first worker (or the only process): it alone runs what must run once per deployable, e.g. the audit relay. */
export function isLeadWorker(): boolean {
  return !cluster.isWorker || process.env.GOV_WORKER_INDEX === '0';
}

/**
 * Runs `start` in this process, or, with GOV_WORKERS > 1 in the primary, forks that many workers that each run it,
 * re-forks one that dies, and on SIGTERM/SIGINT stops them all before exiting.
 */
export async function clustered(name: string, logger: Logger, start: () => Promise<void>): Promise<void> {
  const n = workerCount();
  if (n <= 1 || !cluster.isPrimary) return start();
  let stopping = false;
  const fork = (index: number) => cluster.fork({ GOV_WORKER_INDEX: String(index) }).on('exit', (code, signal) => {
    if (stopping) return;
    logger.error({ index, code, signal }, `${name} worker died; starting another`);
    setTimeout(() => fork(index), 1000);
  });
  for (let i = 0; i < n; i++) fork(i);
  logger.info({ workers: n }, `${name}: ${n} workers`);
  const stop = () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((w) => !!w);
    if (!workers.length) process.exit(0);
    let left = workers.length;
    for (const w of workers) { w.once('exit', () => { if (--left === 0) process.exit(0); }); w.process.kill('SIGTERM'); }
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
