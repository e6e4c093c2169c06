// A private set of the graph's processes for tests that stop and restart them (security down, the worker down): its
// own throwaway databases and task-queue prefix, free ports, built on scripts/stack.cjs's freePort and waitReady.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { commonConfig, dropDatabases, graphqlRequest, SERVICE_PORTS } from '@gov/kit';
import { ROOT } from './stack';
import { serviceToken, tokenOf, type DemoUser } from './support';

const lib = require('../scripts/stack.cjs') as { // eslint-disable-line @typescript-eslint/no-require-imports
  freePort(): Promise<number>;
  waitReady(url: string, child: ChildProcess, name: string, logFile: string, timeoutMs?: number): Promise<void>;
};

export class PrivateStack {
  readonly env: Record<string, string>;
  readonly logsDir: string;
  private readonly ports: Record<string, number> = {};
  private readonly children: Record<string, ChildProcess> = {};

  /** `services`: the subgraphs to run (they find each other); `extra`: more env for every process. */
  constructor(name: string, private readonly services: string[], private readonly extra: Record<string, string> = {}) {
    const run = randomBytes(4).toString('hex');
    this.logsDir = join(ROOT, '.tools', 'logs', 'private', `${name}-${run}`);
    this.env = { NODE_ENV: 'test', GOV_DB_PREFIX: `gov_test_${name}_${run}_`, TEMPORAL_TASK_QUEUE_PREFIX: `${name}-${run}-` };
  }

  url(service: string): string { return `http://127.0.0.1:${this.ports[service]}/graphql`; }

  /** One operation straight to a service of this stack as a demo user (or 'svc': the platform's service account): the
   *  answer's first field; GraphQL errors thrown with the caller's name. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async call(service: string, as: DemoUser | 'svc', query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const token = as === 'svc' ? await serviceToken('svc-platform') : await tokenOf(as);
    const res = await graphqlRequest<Record<string, unknown>>(this.url(service), query, variables, token);
    if (res.errors) throw new Error(`${as}: ${JSON.stringify(res.errors)}`);
    return Object.values(res.data!)[0];
  }

  /** Migrates and seeds the throwaway databases, then starts every service (and the workflow worker and gateway if asked). */
  async start(opts: { worker?: boolean; gateway?: boolean; seedEnv?: Record<string, string> } = {}): Promise<void> {
    execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...this.env, ...opts.seedEnv }, stdio: 'pipe' });
    for (const s of [...this.services, ...(opts.gateway ? ['gateway'] : [])]) this.ports[s] = await lib.freePort();
    for (const s of this.services) this.spawnService(s);
    if (opts.worker) this.spawnWorker();
    await Promise.all(this.services.map((s) => this.ready(s)));
    if (opts.gateway) { this.spawnGateway(); await this.gatewayReady(); }
  }

  /** The gateway answers for the running subgraphs; the others are down (their fields null, SERVICE_UNAVAILABLE). */
  spawnGateway(): ChildProcess {
    return this.spawn('gateway', 'gateway/dist/index.js', {
      PORT: String(this.ports.gateway), GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE: '1000000',
    });
  }

  /** The gateway's liveness (its readiness names the subgraphs this stack does not run). */
  gatewayReady(): Promise<void> {
    return lib.waitReady(this.url('gateway').replace(/graphql$/, 'healthz'), this.children.gateway, 'gateway', this.logsDir);
  }

  spawnService(s: string): ChildProcess {
    return this.spawn(s, `services/${s}/dist/index.js`, { PORT: String(this.ports[s]) });
  }

  spawnWorker(): ChildProcess {
    return this.spawn('worker', 'workflows/dist/worker.js');
  }

  running(name: string): boolean {
    const c = this.children[name];
    return !!c && c.exitCode === null && c.signalCode === null;
  }

  ready(s: string): Promise<void> {
    return lib.waitReady(this.url(s).replace(/graphql$/, 'readyz'), this.children[s], s, this.logsDir);
  }

  /** SIGKILL: the process dies mid-work, as in a crash. */
  kill(name: string): Promise<void> {
    const c = this.children[name];
    if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => { c.once('exit', () => resolve()); c.kill('SIGKILL'); });
  }

  async destroy(): Promise<void> {
    await Promise.all(Object.keys(this.children).map((n) => this.kill(n)));
    await dropDatabases(this.env.GOV_DB_PREFIX, commonConfig().mysql);
  }

  private spawn(name: string, script: string, env: Record<string, string> = {}): ChildProcess {
    // A subgraph this stack does not run is down (port 1 refuses), never another stack's on its default port.
    const urls = Object.fromEntries(Object.keys(SERVICE_PORTS).map((s) => [
      `SUBGRAPH_URL_${s.replace(/-/g, '_').toUpperCase()}`, this.services.includes(s) ? this.url(s) : 'http://127.0.0.1:1/graphql',
    ]));
    const child = spawn(process.execPath, [join(ROOT, script)], { env: { ...process.env, ...this.env, ...urls, ...this.extra, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Each run's output in .tools/logs/private/<run>/<process>.log (appended across restarts).
    mkdirSync(this.logsDir, { recursive: true });
    const out = createWriteStream(join(this.logsDir, `${name}.log`), { flags: 'a' });
    child.stdout!.pipe(out);
    child.stderr!.pipe(out);
    this.children[name] = child;
    return child;
  }
}
