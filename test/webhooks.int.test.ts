// Department webhooks (issue 14 §4) through the gateway with real tokens and a real local HTTP receiver: a notice
// addressed to a department reaches its webhook signed like PUSH (x-gov-signature = hex HMAC-SM3(secret,
// "<x-gov-timestamp>.<body>"), checked here with that documented algorithm), a receiver answering 500 then 200 gets it
// exactly once more with the same idempotency key, another department's webhook gets nothing; registration is
// validated, scoped to the department (the authority lists its covered regions'), audited.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hmacSm3Hex } from '@gov/gm-crypto';
import { auditDrained, codes, eventually, gql, ok, uniqueCode, type DemoUser } from './support';

interface Received { path: string; headers: Record<string, string>; body: string; status: number }
let receiver: Server;
let base = '';
const received: Received[] = [];
/** How many times each path still answers 500 before it accepts. */
const failures: Record<string, number> = { '/flaky': 1 };

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const path = req.url ?? '/';
      const status = (failures[path] ?? 0) > 0 ? 500 : 200;
      if (status === 500) failures[path] -= 1;
      received.push({ path, headers: req.headers as Record<string, string>, body, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => receiver.close(r)));

const REGISTER = `mutation($input: RegisterDepartmentWebhookInput!) { registerDepartmentWebhook(input: $input) {
  secret webhook { id departmentId regionCode url kinds status description } } }`;
const LIST = 'query($d: String) { departmentWebhooks(departmentId: $d) { id departmentId status } }';
const DELIVERIES = 'query($id: ID!) { webhookDeliveries(webhookId: $id, first: 50) { id notificationId status attempts lastError responseCode deliveredAt } }';
const DISABLE = 'mutation($id: ID!) { disableDepartmentWebhook(id: $id) { id status disabledAt } }';
const REMOVE = 'mutation($id: ID!) { removeDepartmentWebhook(id: $id) }';

const POP = '00000000-0000-4000-8000-000004206000'; // CONDITIONAL, provider 420600-gaj
/** A share application to 420600-gaj, submitted: the workflow tells gaj's deciders (a TASK addressed to the department). */
async function applicationToGaj(): Promise<string> {
  const { createShareApplication: a } = await ok('city-wjw-user', 'mutation($input: ShareApplicationInput!) { createShareApplication(input: $input) { id } }', { input: {
    resourceId: POP, requestedItems: ['姓名'], scenario: '出生医学证明办理', purpose: '回调测试', usageMode: 'VERIFY',
    periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: uniqueCode('hook'),
  } });
  await ok('city-wjw-user', 'mutation($id: ID!) { submitShareApplication(id: $id) { id } }', { id: a.id });
  return a.id;
}
type Body = { deliveryId: string; notificationId: string; departmentId: string; kind: string; resourceType: string; resourceId: string; title: string };
const about = (path: string, resourceId: string) => received.filter((r) => r.path === path && (JSON.parse(r.body) as Body).resourceId === resourceId);
/** Up to 60 s: the relay polls every second and retries with backoff. */
const waitFor = (path: string, resourceId: string, n: number) => eventually(() => about(path, resourceId), (l) => l.length >= n, 300, 200);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a notice to the department reaches its webhooks signed; 500 then 200 is delivered exactly once more with the same key; another department gets nothing', async () => {
  const supplied = `s3cret-${uniqueCode('K')}`.slice(0, 40);
  const { registerDepartmentWebhook: main } = await ok('city-gaj-admin', REGISTER, { input: { url: `${base}/gaj`, secret: supplied, description: '公安局 OA（测试）' } });
  expect(main.secret).toBe(supplied);
  expect(main.webhook).toEqual(expect.objectContaining({ departmentId: '420600-gaj', regionCode: '420600', status: 'ACTIVE', kinds: [] }));
  const { registerDepartmentWebhook: flaky } = await ok('city-gaj-admin', REGISTER, { input: { url: `${base}/flaky`, kinds: ['TASK'] } });
  expect(flaky.secret).toMatch(/^[0-9a-f]{64}$/); // generated, shown once
  expect(flaky.webhook.kinds).toEqual(['TASK']);
  const { registerDepartmentWebhook: other } = await ok('city-scjg-admin', REGISTER, { input: { url: `${base}/scjg` } });
  // A DECISION-only webhook of the same department gets no TASK.
  const { registerDepartmentWebhook: decisions } = await ok('city-gaj-admin', REGISTER, { input: { url: `${base}/decisions`, kinds: ['DECISION'] } });

  const app = await applicationToGaj();
  const [msg] = await waitFor('/gaj', app, 1);
  expect(msg).toBeDefined();
  const body = JSON.parse(msg.body) as Body;
  expect(body).toEqual(expect.objectContaining({ departmentId: '420600-gaj', kind: 'TASK', resourceType: 'ShareApplication', resourceId: app }));
  // The documented algorithm: hex HMAC-SM3 with the secret over "<x-gov-timestamp>.<body>".
  expect(msg.headers['x-gov-signature']).toBe(hmacSm3Hex(supplied, `${msg.headers['x-gov-timestamp']}.${msg.body}`));
  expect(msg.headers['x-gov-signature']).not.toBe(hmacSm3Hex(supplied, `${msg.headers['x-gov-timestamp']}.${msg.body.replace('TASK', 'DECISION')}`));
  expect(msg.headers['idempotency-key']).toBe(body.deliveryId);
  expect(msg.headers['x-gov-delivery-id']).toBe(body.deliveryId);
  expect(msg.headers['content-type']).toBe('application/json');

  // 500, then 200: the same body and key once more, then nothing (the backoff's next slot passes without a third).
  const tries = await waitFor('/flaky', app, 2);
  expect(tries.map((t) => t.status)).toEqual([500, 200]);
  expect(tries[1].headers['idempotency-key']).toBe(tries[0].headers['idempotency-key']);
  expect(tries[1].body).toBe(tries[0].body);
  for (const t of tries) expect(t.headers['x-gov-signature']).toBe(hmacSm3Hex(flaky.secret, `${t.headers['x-gov-timestamp']}.${t.body}`));
  expect(JSON.parse(tries[0].body).notificationId).toBe(body.notificationId); // one notice, one delivery per webhook
  const [delivery] = (await ok('city-gaj-admin', DELIVERIES, { id: flaky.webhook.id })).webhookDeliveries.filter((d: { id: string }) => d.id === tries[0].headers['idempotency-key']);
  expect(delivery).toEqual(expect.objectContaining({ status: 'DELIVERED', attempts: 2, responseCode: 200, lastError: null }));
  expect(delivery.deliveredAt).not.toBeNull();
  await sleep(5000);
  expect(about('/flaky', app)).toHaveLength(2);
  expect(about('/gaj', app)).toHaveLength(1);

  // Another department's webhook, and the same department's DECISION-only one, got nothing of it.
  expect(about('/scjg', app)).toEqual([]);
  expect(about('/decisions', app)).toEqual([]);
  expect((await ok('city-scjg-admin', DELIVERIES, { id: other.webhook.id })).webhookDeliveries
    .filter((d: { notificationId: string }) => d.notificationId === body.notificationId)).toEqual([]);

  // The main webhook's delivery shows as delivered on the first attempt; the authority of the region reads it too.
  const mainDeliveries = (await ok('city-authority', DELIVERIES, { id: main.webhook.id })).webhookDeliveries;
  expect(mainDeliveries.find((d: { id: string }) => d.id === body.deliveryId)).toEqual(expect.objectContaining({ status: 'DELIVERED', attempts: 1, responseCode: 200 }));

  // Disabled: the next notice is not posted there; the flaky one (still active) gets it.
  const disabled = (await ok('city-gaj-admin', DISABLE, { id: main.webhook.id })).disableDepartmentWebhook;
  expect(disabled.status).toBe('DISABLED');
  expect((await ok('city-gaj-admin', DISABLE, { id: main.webhook.id })).disableDepartmentWebhook.status).toBe('DISABLED');
  const app2 = await applicationToGaj();
  expect(await waitFor('/flaky', app2, 1)).toHaveLength(1);
  await sleep(3000);
  expect(about('/gaj', app2)).toEqual([]);

  for (const id of [main.webhook.id, flaky.webhook.id, decisions.webhook.id]) expect((await ok('city-gaj-admin', REMOVE, { id })).removeDepartmentWebhook).toBe(id);
  expect((await ok('city-scjg-admin', REMOVE, { id: other.webhook.id })).removeDepartmentWebhook).toBe(other.webhook.id);
  expect(codes(await gql('city-gaj-admin', DELIVERIES, { id: main.webhook.id }))).toEqual(['NOT_FOUND']);
}, 180_000);

test('registration is validated naming the field, scoped to the department (a county never sees the city), and audited', async () => {
  const bad = async (input: Record<string, unknown>, field: string) => {
    const res = await gql('city-gaj-admin', REGISTER, { input: { url: 'https://oa.example.invalid/hook', ...input } });
    expect({ input, codes: codes(res), field: res.errors?.[0]?.extensions?.field }).toEqual({ input, codes: ['BAD_USER_INPUT'], field });
  };
  await bad({ url: 'ftp://oa.example.invalid/hook' }, 'url');
  await bad({ url: 'https://user:pw@oa.example.invalid/hook' }, 'url');
  await bad({ url: 'not a url' }, 'url');
  await bad({ url: `https://oa.example.invalid/${'x'.repeat(500)}` }, 'url');
  await bad({ kinds: ['TASK', 'GOSSIP'] }, 'kinds');
  await bad({ secret: 'short' }, 'secret');
  await bad({ secret: 'has spaces in the secret' }, 'secret');

  const mine = (await ok('city-gaj-admin', REGISTER, { input: { url: 'https://oa.example.invalid/gaj' } })).registerDepartmentWebhook.webhook;
  const county = (await ok('county-gaj-admin', REGISTER, { input: { url: 'https://oa.example.invalid/county-gaj' } })).registerDepartmentWebhook.webhook;
  expect(county).toEqual(expect.objectContaining({ departmentId: '420683-gaj', regionCode: '420683' }));
  const ids = async (who: DemoUser, d?: string) => (await ok(who, LIST, { d: d ?? null })).departmentWebhooks.map((w: { id: string }) => w.id) as string[];

  // Another department neither sees nor changes it.
  expect(await ids('city-scjg-admin')).not.toContain(mine.id);
  expect(codes(await gql('city-scjg-admin', LIST, { d: '420600-gaj' }))).toEqual(['FORBIDDEN']);
  expect(codes(await gql('city-scjg-admin', DISABLE, { id: mine.id }))).toEqual(['FORBIDDEN']);
  expect(codes(await gql('city-scjg-admin', REMOVE, { id: mine.id }))).toEqual(['FORBIDDEN']);
  expect(codes(await gql('city-scjg-admin', DELIVERIES, { id: mine.id }))).toEqual(['FORBIDDEN']);
  expect(codes(await gql('county-gaj-admin', DISABLE, { id: mine.id }))).toEqual(['FORBIDDEN']);
  // The city authority covers the city and its counties; the county authority only its county.
  expect(await ids('city-authority')).toEqual(expect.arrayContaining([mine.id, county.id]));
  expect(await ids('county-authority')).toContain(county.id);
  expect(await ids('county-authority')).not.toContain(mine.id);
  expect(codes(await gql('county-authority', LIST, { d: '420600-gaj' }))).toEqual(['FORBIDDEN']);
  expect(codes(await gql('county-authority', DELIVERIES, { id: mine.id }))).toEqual(['FORBIDDEN']);
  // The platform operator of the city reads them like the authority (its own department's it also keeps); a county's only its county's.
  expect(await ids('city-operator')).toEqual(expect.arrayContaining([mine.id, county.id]));
  expect(await ids('county-operator')).not.toContain(mine.id);
  // A department user is refused at the gate.
  expect(codes(await gql('city-wjw-user', REGISTER, { input: { url: 'https://oa.example.invalid/x' } }))).toEqual(['FORBIDDEN']);

  await ok('city-gaj-admin', DISABLE, { id: mine.id });
  await ok('city-gaj-admin', REMOVE, { id: mine.id });
  await ok('county-gaj-admin', REMOVE, { id: county.id });
  expect(await ids('city-gaj-admin')).not.toContain(mine.id);

  // Every registration change left its record in the chain.
  await auditDrained(30_000);
  const records = await ok('city-authority', 'query($f: AuditRecordFilter, $first: Int!) { auditRecords(filter: $f, first: $first) { edges { node { action actor detail } } } }', {
    f: { resourceId: mine.id }, first: 10,
  });
  const details = records.auditRecords.edges.map((e: { node: { detail: string } }) => e.node.detail).join(' | ');
  expect(details).toContain('registered');
  expect(details).toContain('disabled');
  expect(details).toContain('removed');
  expect(details).not.toContain('oa.example.invalid/gaj'); // the host only, never the full URL
}, 120_000);

/** A digital project of the admin's department, submitted: the authority of its region is told (a TASK to `{regionCode, role: authority}`). */
async function submittedProject(admin: 'city-gaj-admin' | 'county-gaj-admin'): Promise<string> {
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear() + 1;
  const id = (await ok(admin, 'mutation($input: DigitalProjectInput!) { createDigitalProject(input: $input) { id } }', {
    input: { name: `回调测试项目 ${uniqueCode('P')}`, year, budget: 100000, kind: 'SELF_BUILT', selfBuiltReason: '回调测试' },
  })).createDigitalProject.id as string;
  await ok(admin, 'mutation($id: ID!, $r: String) { submitDigitalProject(id: $id, urgentReason: $r) { id } }', { id, r: '回调测试：急需' });
  return id;
}
const ENABLE = 'mutation($id: ID!) { enableDepartmentWebhook(id: $id) { id status disabledAt } }';

test("the authority's webhook opts in to the notices addressed to the authority of its own region: a county's never reach the city's, nor the city's the county's; disabled and enabled again it receives the next ones", async () => {
  const REGION_REGISTER = `mutation($input: RegisterDepartmentWebhookInput!) { registerDepartmentWebhook(input: $input) {
    secret webhook { id departmentId regionCode includeRegionNotices regionRoles status } } }`;
  const { registerDepartmentWebhook: city } = await ok('city-authority', REGION_REGISTER, { input: { url: `${base}/city-authority`, includeRegionNotices: true } });
  expect(city.webhook).toEqual(expect.objectContaining({ departmentId: '420600-sjj', regionCode: '420600', includeRegionNotices: true, regionRoles: ['authority'], status: 'ACTIVE' }));
  const { registerDepartmentWebhook: county } = await ok('county-authority', REGION_REGISTER, { input: { url: `${base}/county-authority`, includeRegionNotices: true } });
  expect(county.webhook).toEqual(expect.objectContaining({ departmentId: '420683-sjj', regionCode: '420683', regionRoles: ['authority'] }));
  // Without the opt-in the authority's department webhook gets only its department's notices (none of these).
  const { registerDepartmentWebhook: plain } = await ok('city-authority', REGION_REGISTER, { input: { url: `${base}/city-authority-plain` } });
  expect(plain.webhook).toEqual(expect.objectContaining({ includeRegionNotices: false, regionRoles: [] }));
  // Only an authority or platform operator may opt in; a data administrator is refused, naming the field.
  const refused = await gql('city-gaj-admin', REGISTER, { input: { url: `${base}/gaj-region`, includeRegionNotices: true } });
  expect(codes(refused)).toEqual(['FORBIDDEN']);
  expect(refused.errors?.[0]?.message).toContain('includeRegionNotices');

  const cityProject = await submittedProject('city-gaj-admin');
  const countyProject = await submittedProject('county-gaj-admin');
  const [toCity] = await waitFor('/city-authority', cityProject, 1);
  const body = JSON.parse(toCity.body) as Body & { roles: string[]; regionCode: string | null };
  expect(body).toEqual(expect.objectContaining({ kind: 'TASK', resourceType: 'DigitalProject', resourceId: cityProject, departmentId: '420600-sjj', roles: ['authority'], regionCode: '420600' }));
  expect(toCity.headers['x-gov-signature']).toBe(hmacSm3Hex(city.secret, `${toCity.headers['x-gov-timestamp']}.${toCity.body}`));
  const [toCounty] = await waitFor('/county-authority', countyProject, 1);
  expect(JSON.parse(toCounty.body)).toEqual(expect.objectContaining({ resourceId: countyProject, departmentId: '420683-sjj', regionCode: '420683' }));
  await sleep(3000);
  expect(about('/city-authority', countyProject)).toEqual([]); // the county's, never at the city
  expect(about('/county-authority', cityProject)).toEqual([]); // the city's, never at the county
  expect(about('/city-authority-plain', cityProject)).toEqual([]);
  expect(about('/city-authority', cityProject)).toHaveLength(1);

  // Disabled: the next project's notice is not posted; enabled again (idempotently): the one after is.
  await ok('city-authority', DISABLE, { id: city.webhook.id });
  const whileDisabled = await submittedProject('city-gaj-admin');
  await auditDrained(30_000); // its notice is chained (the outbox ships in the background) before the webhook is enabled again
  expect(codes(await gql('county-authority', ENABLE, { id: city.webhook.id }))).toEqual(['FORBIDDEN']);
  expect(codes(await gql('city-gaj-admin', ENABLE, { id: city.webhook.id }))).toEqual(['FORBIDDEN']);
  const enabled = (await ok('city-authority', ENABLE, { id: city.webhook.id })).enableDepartmentWebhook;
  expect(enabled).toEqual(expect.objectContaining({ status: 'ACTIVE', disabledAt: null }));
  expect((await ok('city-authority', ENABLE, { id: city.webhook.id })).enableDepartmentWebhook.status).toBe('ACTIVE');
  const afterEnabled = await submittedProject('city-gaj-admin');
  expect(await waitFor('/city-authority', afterEnabled, 1)).toHaveLength(1);
  expect(about('/city-authority', whileDisabled)).toEqual([]);
  const deliveries = (await ok('city-authority', DELIVERIES, { id: city.webhook.id })).webhookDeliveries as Array<{ status: string }>;
  expect(deliveries.map((d) => d.status).sort()).toEqual(['DELIVERED', 'DELIVERED']);

  // The enable is audited.
  await auditDrained(30_000);
  const records = await ok('city-authority', 'query($f: AuditRecordFilter, $first: Int!) { auditRecords(filter: $f, first: $first) { edges { node { detail } } } }', {
    f: { resourceId: city.webhook.id }, first: 10,
  });
  const details = records.auditRecords.edges.map((e: { node: { detail: string } }) => e.node.detail).join(' | ');
  expect(details).toContain('enabled');
  expect(details).toContain('region notices authority of 420600');

  for (const id of [city.webhook.id, plain.webhook.id]) await ok('city-authority', REMOVE, { id });
  await ok('county-authority', REMOVE, { id: county.webhook.id });
}, 180_000);
