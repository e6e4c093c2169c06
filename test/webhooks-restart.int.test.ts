// Department webhooks under failure (issue 14 §4): a notice whose receiver is down stays queued (attempts and the
// error visible); security is then killed (SIGKILL) and the receiver comes up; security restarted delivers it once,
// signed, from the delivery row written with the notice. A private security process on throwaway databases.
import { createServer, type Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { hmacSm3Hex } from '@gov/gm-crypto';
import { PrivateStack } from './private-stack';
import { eventually, type DemoUser } from './support';

const lib = require('../scripts/stack.cjs') as { freePort(): Promise<number> };
const stack = new PrivateStack('hooks', ['security'], { WEBHOOK_RETRY_BASE_MS: '300' });
let receiver: Server | undefined;

beforeAll(() => stack.start(), 180_000);
afterAll(async () => {
  if (receiver) await new Promise((r) => receiver!.close(r));
  await stack.destroy();
}, 60_000);

const security = (as: DemoUser | 'svc', query: string, variables: Record<string, unknown>) => stack.call('security', as, query, variables);
const DELIVERIES = 'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 10) { id status attempts lastError responseCode } }';

test('a notice survives its receiver being down and security being killed: delivered once, signed, after both are back', async () => {
  const port = await lib.freePort(); // nothing listens there yet
  const secret = `restart-${randomUUID()}`;
  const hook = await security('city-gaj-admin', 'mutation($input: RegisterDepartmentWebhookInput!) { registerDepartmentWebhook(input: $input) { webhook { id } } }', {
    input: { url: `http://127.0.0.1:${port}/oa`, secret },
  });
  const subjectId = randomUUID();
  // A record with a notice to 420600-gaj, appended as the platform's services do.
  await security('svc', 'mutation($input: AppendAuditRecordInput!) { appendAuditRecord(input: $input) { id } }', { input: {
    id: randomUUID(), actor: 'restart-test', actorSub: 'restart-test', departmentId: '420600-sjj', regionCode: '420600', action: 'UPDATE', outcome: 'SUCCESS',
    resourceId: subjectId, items: [], detail: 'webhook restart test',
    notify: { kind: 'TASK', title: '回调重启测试', subjectType: 'RestartTest', subjectId, recipients: [{ departmentId: '420600-gaj', role: 'dept-admin' }] },
  } });

  const failing = await eventually(() => security('city-gaj-admin', DELIVERIES, { id: hook.webhook.id }), (l) => l.length === 1 && l[0].attempts >= 2, 150, 200);
  expect(failing).toEqual([expect.objectContaining({ status: 'PENDING', responseCode: null, lastError: expect.stringMatching(/ECONNREFUSED|fetch failed|connect/i) })]);

  await stack.kill('security');
  const got: Array<{ headers: Record<string, string>; body: string }> = [];
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { got.push({ headers: req.headers as Record<string, string>, body }); res.writeHead(204).end(); });
  });
  await new Promise<void>((r) => receiver!.listen(port, '127.0.0.1', () => r()));
  stack.spawnService('security');
  await stack.ready('security');

  await eventually(() => got.length, (n) => n >= 1, 300, 200);
  expect(got).toHaveLength(1);
  const body = JSON.parse(got[0].body) as { deliveryId: string; resourceId: string; departmentId: string };
  expect(body).toEqual(expect.objectContaining({ resourceId: subjectId, departmentId: '420600-gaj', deliveryId: failing[0].id }));
  expect(got[0].headers['idempotency-key']).toBe(failing[0].id);
  expect(got[0].headers['x-gov-signature']).toBe(hmacSm3Hex(secret, `${got[0].headers['x-gov-timestamp']}.${got[0].body}`));
  const done = await eventually(() => security('city-gaj-admin', DELIVERIES, { id: hook.webhook.id }), (l) => l[0]?.status === 'DELIVERED', 100, 200);
  expect(done[0]).toEqual(expect.objectContaining({ status: 'DELIVERED', responseCode: 204, lastError: null }));
  expect(done[0].attempts).toBeGreaterThan(failing[0].attempts);
  await new Promise((r) => setTimeout(r, 2000));
  expect(got).toHaveLength(1);
}, 240_000);
