// PUSH (000 §17 推送): after a load, the records go to the subscriber's endpoint — a real local HTTP receiver — signed
// with HMAC-SM3 so it can check their origin, retried until accepted (at-least-once), granted items only; nothing
// after revocation.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { hmacSm3Hex } from '@gov/gm-crypto';
import { dataSourceFor, type ServiceModule } from '@gov/kit';
import type { DataSource } from 'typeorm';
import { eventually, ok, passCapabilityCheck, tokenOf, uniqueCode } from './support';
import { ROOT } from './stack';

const { service: sharing } = require(join(ROOT, 'services/sharing/dist/server.js')) as { service: ServiceModule };
const { populationRow } = require(join(ROOT, 'services/sharing/dist/domain/demo.js')) as { populationRow(i: number): Record<string, string> };
const POP = '00000000-0000-4000-8000-000004206000';

interface Received { headers: Record<string, string>; body: string; accepted: boolean }
let receiver: Server;
let received: Received[] = [];
let failFirst = 1;
let ds: DataSource;

beforeAll(async () => {
  ds = await dataSourceFor(sharing).initialize();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const accepted = failFirst-- <= 0;
      received.push({ headers: req.headers as Record<string, string>, body, accepted });
      res.writeHead(accepted ? 200 : 503).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
});
afterAll(async () => {
  await new Promise((r) => receiver.close(r));
  await ds?.destroy();
});

async function uploadCsv(rows: Array<Record<string, string>>) {
  const csv = ['姓名,公民身份号码,联系电话,住址,户号', ...rows.map((r) => [r.姓名, r.公民身份号码, r.联系电话, r.住址, r.户号].join(','))].join('\n');
  const res = await fetch(`${process.env.SUBGRAPH_URL_SHARING!.replace(/\/graphql$/, '')}/exchange/resources/${POP}/records?format=csv`, {
    method: 'POST', body: csv, headers: { authorization: `Bearer ${await tokenOf('city-gaj-admin')}` },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { data: { exchangeLoad: { id: string } } }).data.exchangeLoad.id;
}
/** Up to 60 s, every 200 ms: a delivery is retried with backoff. */
const waitFor = <T>(read: () => T | Promise<T>, good: (v: T) => boolean) => eventually(read, good, 300, 200);

test('000 §17 PUSH: a load reaches the subscriber signed, retried until accepted, granted items only; nothing after revocation', async () => {
  const F = 'id status stage grantId';
  const { createShareApplication: a } = await ok('city-wjw-user', `mutation($i: ShareApplicationInput!) { createShareApplication(input: $i) { ${F} } }`, {
    i: { resourceId: POP, requestedItems: ['公民身份号码', '户号'], scenario: '新生儿户籍变更推送', purpose: '出生医学证明办理后同步户籍', usageMode: 'PUSH', periodFrom: '2026-01-01', periodTo: '2027-12-31', idempotencyKey: uniqueCode('push') },
  });
  await ok('city-wjw-user', `mutation($id: ID!) { submitShareApplication(id: $id) { ${F} } }`, { id: a.id });
  const decide = `mutation($id: ID!, $s: ApprovalStage!) { decideShareApplication(id: $id, stage: $s, approve: true) { ${F} } }`;
  await ok('city-gaj-approver', decide, { id: a.id, s: 'PROVIDER_REVIEW' });
  await ok('city-operator', decide, { id: a.id, s: 'FILING' });
  await ok('city-gaj-admin', decide, { id: a.id, s: 'DELIVERY' });
  const grantId = (await ok('city-wjw-user', `query($id: ID!) { shareApplication(id: $id) { ${F} } }`, { id: a.id })).shareApplication.grantId as string;
  await ok('city-wjw-user', 'mutation($g: ID!) { signConfidentialityAgreement(grantId: $g) { id } }', { g: grantId });
  await passCapabilityCheck('city-wjw-user', grantId);
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/gov-push`;
  const reg = await ok('city-wjw-user', 'mutation($g: ID!, $u: String!) { registerPushEndpoint(grantId: $g, url: $u) { secret endpoint { id url } } }', { g: grantId, u: url });
  const secret = reg.registerPushEndpoint.secret as string;

  const rows = Array.from({ length: 3 }, (_, i) => populationRow(800_000 + i));
  const loadId = await uploadCsv(rows);
  const accepted = await waitFor(() => received.filter((r) => r.accepted), (xs) => xs.length > 0);
  expect(accepted).toHaveLength(1);
  expect(received.filter((r) => !r.accepted).length).toBeGreaterThanOrEqual(1); // the first attempt failed: retried

  const msg = accepted[0];
  // The receiver checks origin: HMAC-SM3 with its secret over "<timestamp>.<body>"; a tampered body fails.
  expect(msg.headers['x-gov-signature']).toBe(hmacSm3Hex(secret, `${msg.headers['x-gov-timestamp']}.${msg.body}`));
  expect(msg.headers['x-gov-signature']).not.toBe(hmacSm3Hex(secret, `${msg.headers['x-gov-timestamp']}.${msg.body.replace('户号', '住址')}`));
  const payload = JSON.parse(msg.body) as { deliveryId: string; loadId: string; records: Array<Record<string, string | null>> };
  expect(payload.loadId).toBe(loadId);
  expect(payload.records).toHaveLength(3);
  for (const r of payload.records) {
    expect(Object.keys(r).sort()).toEqual(['公民身份号码', '户号'].sort());
    expect(r.公民身份号码).toBeNull(); // HIGH item of a HIGH resource: never pushed in bulk (seed grade policy)
  }
  expect(payload.records.map((r) => r.户号).sort()).toEqual(rows.map((r) => r.户号).sort());
  expect(msg.body).not.toContain(rows[0].联系电话);
  const [d] = await waitFor(() => ds.query('SELECT status, records FROM push_delivery WHERE id = ?', [payload.deliveryId]), (x: Array<{ status: string }>) => x[0]?.status === 'DELIVERED');
  expect(d).toEqual({ status: 'DELIVERED', records: 3 });

  // Revoked: the next load pushes nothing.
  await ok('city-gaj-admin', 'mutation($g: ID!) { revokeShareGrant(id: $g, reason: "停止推送") { status } }', { g: grantId });
  received = [];
  await uploadCsv([populationRow(800_010)]);
  await new Promise((r) => setTimeout(r, 3000));
  expect(received).toEqual([]);
});
