// Department webhooks (issue 14 §4): delivery rows are not kept forever. The relay deletes the DELIVERED and FAILED ones
// older than WEBHOOK_DELIVERY_RETENTION_DAYS (default 90) at each sweep; PENDING ones (still due) and CANCELLED ones stay.
// A private security process on throwaway databases with a retention of 0 days and a sweep every 500 ms.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { PrivateStack } from './private-stack';
import { eventually, type DemoUser } from './support';

const stack = new PrivateStack('hookret', ['security'], {
  WEBHOOK_DELIVERY_RETENTION_DAYS: '0', WEBHOOK_PRUNE_INTERVAL_MS: '500', WEBHOOK_RETRY_BASE_MS: '200', WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_TIMEOUT_MS: '4000',
});
let receiver: Server;
let base = '';
const got: Record<string, number> = {};
const hanging: Array<() => void> = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      got[path] = (got[path] ?? 0) + 1;
      if (path === '/hang') { hanging.push(() => res.writeHead(200).end()); return; } // answers only when told (after the relay's timeout)
      res.writeHead(path === '/fail' ? 500 : 200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  await stack.start();
}, 180_000);
afterAll(async () => {
  for (const h of hanging) h();
  receiver.closeAllConnections();
  await new Promise((r) => receiver.close(r));
  await stack.destroy();
}, 60_000);

const security = (as: DemoUser | 'svc', query: string, variables: Record<string, unknown>) => stack.call('security', as, query, variables);
const REGISTER = 'mutation($input: RegisterDepartmentWebhookInput!) { registerDepartmentWebhook(input: $input) { webhook { id } } }';
const DELIVERIES = 'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 10) { id status attempts } }';
const DISABLE = 'mutation($id: ID!) { disableDepartmentWebhook(id: $id) { id } }';
const deliveries = (id: string): Promise<Array<{ id: string; status: string; attempts: number }>> => security('city-gaj-admin', DELIVERIES, { id });
/** A record with a notice to 420600-gaj, appended as the platform's services do. */
async function noticeToGaj(): Promise<void> {
  const subjectId = randomUUID();
  await security('svc', 'mutation($input: AppendAuditRecordInput!) { appendAuditRecord(input: $input) { id } }', { input: {
    id: randomUUID(), actor: 'retention-test', actorSub: 'retention-test', departmentId: '420600-sjj', regionCode: '420600', action: 'UPDATE', outcome: 'SUCCESS',
    resourceId: subjectId, items: [], detail: 'webhook retention test',
    notify: { kind: 'TASK', title: '回调保留期测试', subjectType: 'RetentionTest', subjectId, recipients: [{ departmentId: '420600-gaj', role: 'dept-admin' }] },
  } });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('delivered and failed deliveries past the retention period are deleted by the relay; pending and cancelled ones stay', async () => {
  const ok = (await security('city-gaj-admin', REGISTER, { input: { url: `${base}/ok` } })).webhook.id as string;
  const fail = (await security('city-gaj-admin', REGISTER, { input: { url: `${base}/fail` } })).webhook.id as string;
  await noticeToGaj();
  // Delivered (the receiver saw it once) and failed (two attempts, both 500): then gone at a later sweep.
  await eventually(() => ({ ...got }), (g) => g['/ok'] === 1 && g['/fail'] === 2, 150, 200);
  expect(await eventually(() => deliveries(ok), (l) => l.length === 0, 50, 200)).toEqual([]);
  expect(await eventually(() => deliveries(fail), (l) => l.length === 0, 50, 200)).toEqual([]);
  expect({ ...got }).toEqual({ '/ok': 1, '/fail': 2 }); // pruned, not re-sent
  await security('city-gaj-admin', DISABLE, { id: ok });
  await security('city-gaj-admin', DISABLE, { id: fail });

  // A delivery in flight (its receiver does not answer) is PENDING through several sweeps; cancelled by the disable, it stays.
  const hang = (await security('city-gaj-admin', REGISTER, { input: { url: `${base}/hang` } })).webhook.id as string;
  await noticeToGaj();
  await eventually(() => got['/hang'] ?? 0, (n) => n === 1, 100, 100);
  await sleep(1500); // three sweeps
  expect(await deliveries(hang)).toEqual([expect.objectContaining({ status: 'PENDING', attempts: 1 })]);
  await security('city-gaj-admin', DISABLE, { id: hang });
  await sleep(5000); // past the POST's timeout, several sweeps later
  expect(await deliveries(hang)).toEqual([expect.objectContaining({ status: 'CANCELLED' })]);
  expect(got['/hang']).toBe(1);
}, 120_000);
