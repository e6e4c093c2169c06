// A user waiting on the system sees its state (issue 9 §2): a decision sent while the workflow worker is down is
// accepted at once and marked pending — it does not hang and does not pretend nothing happened; when the worker is
// back, the workflow applies it from Temporal's history and the application completes once. Private processes
// (catalog, sharing, security, the workflow worker) on throwaway databases and a private task-queue prefix.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commonConfig, databaseName, graphqlRequest, SERVICE_PORTS, type ServiceName } from '@gov/kit';
import { eventually, tokenOf, type DemoUser } from './support';

const ROOT = join(__dirname, '..');
const run = randomBytes(4).toString('hex');
const env = { NODE_ENV: 'test', GOV_DB_PREFIX: `gov_test_queued_${run}_`, TEMPORAL_TASK_QUEUE_PREFIX: `queued-${run}-` };
const SERVICES = ['catalog', 'sharing', 'security'] as const;
const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL, provider 420600-gaj (demo data)
const FIELDS = 'id status stage pending grantId';
const CREATE = `mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitShareApplication(id: $id) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $stage: ApprovalStage!, $approve: Boolean!) { decideShareApplication(id: $id, stage: $stage, approve: $approve) { ${FIELDS} } }`;
const READ = `query($id: ID!) { shareApplication(id: $id) { ${FIELDS} } }`;

const ports: Record<string, number> = {};
const children: Record<string, ChildProcess> = {};

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}
const url = (s: string) => `http://127.0.0.1:${ports[s]}/graphql`;
const urls = () => Object.fromEntries(SERVICES.map((s) => [`SUBGRAPH_URL_${s.toUpperCase()}`, url(s)]));

function spawnChild(name: string, script: string, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, script)], { env: { ...process.env, ...env, ...urls(), ...extra }, stdio: 'ignore' });
  children[name] = child;
  return child;
}
function kill(name: string): Promise<void> {
  const c = children[name];
  if (!c || c.exitCode !== null || c.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => { c.once('exit', () => resolve()); c.kill('SIGKILL'); });
}
async function ready(s: string): Promise<void> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    if (children[s].exitCode !== null) throw new Error(`${s} exited with ${children[s].exitCode}`);
    try { if ((await fetch(url(s).replace(/graphql$/, 'readyz'))).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${s} not ready`);
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function sharing(as: DemoUser, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await graphqlRequest<Record<string, unknown>>(url('sharing'), query, variables, await tokenOf(as));
  if (res.errors) throw new Error(`${as}: ${JSON.stringify(res.errors)}`);
  return Object.values(res.data!)[0];
}

beforeAll(async () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts/migrate.mjs'), '--seed'], { env: { ...process.env, ...env, SHARING_DEMO_ROWS: '20' }, stdio: 'pipe' });
  for (const s of SERVICES) ports[s] = await freePort();
  for (const s of SERVICES) spawnChild(s, `services/${s}/dist/index.js`, { PORT: String(ports[s]) });
  spawnChild('worker', 'workflows/dist/worker.js');
  await Promise.all(SERVICES.map(ready));
}, 180_000);

afterAll(async () => {
  await Promise.all(Object.keys(children).map(kill));
  const mysql = await import('mysql2/promise');
  const c = commonConfig().mysql;
  const conn = await mysql.createConnection({ host: c.host, port: c.port, user: c.user, password: c.password });
  for (const s of Object.keys(SERVICE_PORTS) as ServiceName[]) await conn.query(`DROP DATABASE IF EXISTS \`${databaseName(s, env.GOV_DB_PREFIX)}\``);
  await conn.end();
}, 60_000);

test('000 §17: a provider decision sent while the workflow worker is down is accepted at once as pending; the worker back, the application completes once', async () => {
  const year = new Date().getUTCFullYear();
  const input = { resourceId: POP, requestedItems: ['姓名', '公民身份号码'], scenario: '出生医学证明办理', purpose: '核验新生儿父母身份（排队测试）',
    usageMode: 'VERIFY', periodFrom: `${year}-01-01`, periodTo: `${year + 1}-12-31`, idempotencyKey: `queued-${randomUUID()}` };
  const created = await sharing('city-wjw-user', CREATE, { input });
  await sharing('city-wjw-user', SUBMIT, { id: created.id });
  const open = await eventually(() => sharing('city-wjw-user', READ, { id: created.id }), (a) => a.stage === 'PROVIDER_REVIEW', 300);
  expect(open).toMatchObject({ status: 'SUBMITTED', stage: 'PROVIDER_REVIEW' });

  await kill('worker');
  const t0 = performance.now();
  const queued = await sharing('city-gaj-approver', DECIDE, { id: created.id, stage: 'PROVIDER_REVIEW', approve: true });
  const answeredMs = performance.now() - t0;
  // The answer came while the worker was still down (it is restarted only below): accepted, queued, not yet applied.
  expect(queued).toMatchObject({ id: created.id, stage: 'PROVIDER_REVIEW', pending: true });
  console.log(`decision answered in ${answeredMs.toFixed(0)} ms with the worker down (pending)`); // informational, not asserted

  spawnChild('worker', 'workflows/dist/worker.js');
  const filed = await eventually(() => sharing('city-wjw-user', READ, { id: created.id }), (a) => a.stage === 'FILING', 300);
  expect(filed).toMatchObject({ stage: 'FILING', pending: false });
  await sharing('city-operator', DECIDE, { id: created.id, stage: 'FILING', approve: true });
  await eventually(() => sharing('city-wjw-user', READ, { id: created.id }), (a) => a.stage === 'DELIVERY', 300);
  await sharing('city-gaj-admin', DECIDE, { id: created.id, stage: 'DELIVERY', approve: true });
  const done = await eventually(() => sharing('city-wjw-user', READ, { id: created.id }), (a) => a.status === 'GRANTED', 300);
  expect(done).toMatchObject({ status: 'GRANTED', stage: null });

  // Exactly once: one grant for the application, and the queued provider decision was applied once.
  const grants = await sharing('city-wjw-user', 'query($first: Int!) { shareGrants(first: $first) { edges { node { id applicationId } } } }', { first: 200 });
  expect(grants.edges.filter((e: { node: { applicationId: string | null } }) => e.node.applicationId === created.id)).toHaveLength(1);
}, 240_000);
