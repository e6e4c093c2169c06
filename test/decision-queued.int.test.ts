// A user waiting on the system sees its state (issue 9 §2): a decision sent while the workflow worker is down is
// accepted at once and marked pending — it does not hang and does not pretend nothing happened; when the worker is
// back, the workflow applies it from Temporal's history and the application completes once. Private processes
// (catalog, sharing, security, the workflow worker) on throwaway databases and a private task-queue prefix.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { PrivateStack } from './private-stack';
import { eventually, type DemoUser } from './support';

const SERVICES = ['catalog', 'sharing', 'security'] as const;
const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL, provider 420600-gaj (demo data)
const FIELDS = 'id status stage pending grantId';
const CREATE = `mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitShareApplication(id: $id) { ${FIELDS} } }`;
const DECIDE = `mutation($id: ID!, $stage: ApprovalStage!, $approve: Boolean!) { decideShareApplication(id: $id, stage: $stage, approve: $approve) { ${FIELDS} } }`;
const READ = `query($id: ID!) { shareApplication(id: $id) { ${FIELDS} } }`;

const stack = new PrivateStack('queued', [...SERVICES]);

const sharing = (as: DemoUser, query: string, variables: Record<string, unknown>) => stack.call('sharing', as, query, variables);

beforeAll(() => stack.start({ worker: true, seedEnv: { SHARING_DEMO_ROWS: '20' } }), 180_000);
afterAll(() => stack.destroy(), 60_000);

test('000 §17: a provider decision sent while the workflow worker is down is accepted at once as pending; the worker back, the application completes once', async () => {
  const year = new Date().getUTCFullYear();
  const input = { resourceId: POP, requestedItems: ['姓名', '公民身份号码'], scenario: '出生医学证明办理', purpose: '核验新生儿父母身份（排队测试）',
    usageMode: 'VERIFY', periodFrom: `${year}-01-01`, periodTo: `${year + 1}-12-31`, idempotencyKey: `queued-${randomUUID()}` };
  const created = await sharing('city-wjw-user', CREATE, { input });
  await sharing('city-wjw-user', SUBMIT, { id: created.id });
  const open = await eventually(() => sharing('city-wjw-user', READ, { id: created.id }), (a) => a.stage === 'PROVIDER_REVIEW', 300);
  expect(open).toMatchObject({ status: 'SUBMITTED', stage: 'PROVIDER_REVIEW' });

  await stack.kill('worker');
  const t0 = performance.now();
  const queued = await sharing('city-gaj-approver', DECIDE, { id: created.id, stage: 'PROVIDER_REVIEW', approve: true });
  const answeredMs = performance.now() - t0;
  // The answer came while the worker was still down (it is restarted only below): accepted, queued, not yet applied.
  expect(queued).toMatchObject({ id: created.id, stage: 'PROVIDER_REVIEW', pending: true });
  console.log(`decision answered in ${answeredMs.toFixed(0)} ms with the worker down (pending)`); // informational, not asserted

  stack.spawnWorker();
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
