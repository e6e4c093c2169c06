// The running graph for integration tests: the same processes as `npm start` (scripts/stack.cjs), on free ports,
// against throwaway databases (GOV_DB_PREFIX) and a private task-queue prefix, so a running `npm start` is untouched.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { commonConfig, dropDatabases } from '@gov/kit';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';

 
const stack = require('../scripts/stack.cjs') as {
  startStack(o: { env: Record<string, string>; freePorts: boolean; logsDir: string }): Promise<Stack>;
  stopStack(s: Stack): Promise<void>;
};

export const ROOT = join(__dirname, '..');
export interface Stack { env: Record<string, string>; children: ChildProcess[]; gatewayUrl: string; dbPrefix?: string }

export async function startTestStack(): Promise<Stack> {
  const run = randomBytes(4).toString('hex');
  const env = {
    NODE_ENV: 'test', GOV_DB_PREFIX: `gov_test_${run}_`, TEMPORAL_TASK_QUEUE_PREFIX: `test-${run}-`,
    // The whole suite calls from one address; the limiter itself is tested in kit's edge tests.
    GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
  };
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env }, stdio: 'pipe' });
  const s = await stack.startStack({ env, freePorts: true, logsDir: join(ROOT, '.tools', 'logs', 'test', basename(ROOT)) });
  return { ...s, dbPrefix: env.GOV_DB_PREFIX };
}

export const stopTestStack = (s: Stack) => stack.stopStack(s);

/** Throwaway databases go with their run. */
export function dropTestDatabases(prefix: string): Promise<void> {
  return dropDatabases(prefix, commonConfig().mysql);
}

/** The Java time-skipping test server installed by infra/local/temporal-test-server.sh ("5 working days" in seconds). */
export function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: join(ROOT, '.tools/bin/temporal-test-server') } },
  });
}
