// The throwaway stack every bench runs on: private gov_bench_<run>_ databases and task queues, set in this process's
// env before any service module reads it (import this module first).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const run = randomBytes(3).toString('hex');
export const env = { NODE_ENV: 'test', GOV_DB_PREFIX: `gov_bench_${run}_`, TEMPORAL_TASK_QUEUE_PREFIX: `bench-${run}-`, APOLLO_TELEMETRY_DISABLED: '1' };
Object.assign(process.env, env);
export const stackLib = require(join(ROOT, 'scripts/stack.cjs')) as {
  startStack(o: { env: Record<string, string>; freePorts: boolean; logsDir: string }): Promise<{ env: Record<string, string>; children: unknown[]; gatewayUrl: string }>;
  stopStack(s: unknown): Promise<void>;
};
