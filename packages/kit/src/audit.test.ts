// The audit client alone: security is stubbed by a local HTTP server here (the real chain is tested in security and in
// the integration tests). What matters: one record per call, a retry is the same record, and every failure throws.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditActorOf, auditAs, createAuditClient, type AuditClient } from './audit';
import { commonConfig } from './config';
import { AuditUnavailableError } from './errors';

type Reply = (body: { query: string; variables: { input: Record<string, unknown> } }, req: IncomingMessage) => { status?: number; json?: unknown; hang?: boolean };

let server: Server;
let url: string;
let reply: Reply;
let received: Array<{ input: Record<string, unknown>; headers: IncomingMessage['headers'] }>;

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => { raw += c; });
    req.on('end', () => {
      const body = JSON.parse(raw);
      received.push({ input: body.variables.input, headers: req.headers });
      const r = reply(body, req);
      if (r.hang) return; // never answers: the client must time out
      res.writeHead(r.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(r.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));
beforeEach(() => { received = []; });

const ok: Reply = (b) => ({ json: { data: { appendAuditRecord: { id: b.variables.input.id, seq: 1 } } } });
const client = (over: Partial<Parameters<typeof createAuditClient>[0]> = {}): AuditClient =>
  createAuditClient({ config: commonConfig(), source: 'open-data', securityUrl: url, timeoutMs: 300, token: async () => 'svc-token', ...over });
const user = { sub: 'sub-1', username: 'city-wjw-user', roles: ['dept-user' as const], department: '420600-wjw', region: '420600', isService: false, token: 't' };

describe('004 §33 audit from any subgraph: one record per operation, fail closed', () => {
  test('sends actor, department, region, request id, entry and source with the service token', async () => {
    reply = ok;
    await client().append(auditActorOf(user), 'req-42', { action: 'QUERY', resourceId: 'res-1', items: ['姓名', '姓名', '住址'], detail: 'rows=20' });
    expect(received).toHaveLength(1);
    const { input, headers } = received[0];
    expect(headers.authorization).toBe('Bearer svc-token');
    expect(headers['x-request-id']).toBe('req-42');
    expect(input).toMatchObject({
      actor: 'city-wjw-user', actorSub: 'sub-1', departmentId: '420600-wjw', regionCode: '420600', action: 'QUERY',
      resourceId: 'res-1', grantId: null, scenario: null, items: ['姓名', '住址'], outcome: 'SUCCESS', detail: 'rows=20',
      source: 'open-data', requestId: 'req-42',
    });
    expect(input.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('the anonymous public is recorded as such', async () => {
    reply = ok;
    await client().append(auditActorOf(null), 'req-1', { action: 'ACCESS' });
    expect(received[0].input).toMatchObject({ actor: 'anonymous', departmentId: null, regionCode: null });
  });

  test('a lost answer is retried once with the same record id (security dedupes on it)', async () => {
    let n = 0;
    reply = (b) => (++n === 1 ? { status: 502, json: { errors: [{ message: 'bad gateway' }] } } : ok(b, undefined as never));
    await client().append(auditActorOf(user), 'req-2', { action: 'DOWNLOAD' });
    expect(received).toHaveLength(2);
    expect(received[1].input.id).toBe(received[0].input.id);
  });

  test('security refusing the record: AUDIT_UNAVAILABLE, not retried', async () => {
    reply = () => ({ json: { errors: [{ message: 'items.0: too long', extensions: { code: 'BAD_USER_INPUT' } }] } });
    const e = await client().append(auditActorOf(user), 'req-3', { action: 'QUERY' }).catch((x) => x);
    expect(e).toBeInstanceOf(AuditUnavailableError);
    expect(e.extensions.code).toBe('AUDIT_UNAVAILABLE');
    expect(received).toHaveLength(1);
  });

  test('security not answering in time, twice: AUDIT_UNAVAILABLE', async () => {
    reply = () => ({ hang: true });
    await expect(client().append(auditActorOf(user), 'req-4', { action: 'QUERY' })).rejects.toBeInstanceOf(AuditUnavailableError);
    expect(received).toHaveLength(2);
  });

  test('security down (connection refused): AUDIT_UNAVAILABLE', async () => {
    const down = client({ securityUrl: 'http://127.0.0.1:1/graphql' });
    await expect(down.append(auditActorOf(user), 'req-5', { action: 'QUERY' })).rejects.toThrow(/audit unavailable: security unreachable/);
  });

  test('no service token (Keycloak down): AUDIT_UNAVAILABLE, nothing sent', async () => {
    reply = ok;
    const noToken = client({ token: async () => { throw new Error('connect ECONNREFUSED'); } });
    await expect(noToken.append(auditActorOf(user), 'req-6', { action: 'QUERY' })).rejects.toThrow(/no service token/);
    expect(received).toHaveLength(0);
  });

  test('an answer without the record (e.g. data null) is a failure', async () => {
    reply = () => ({ json: { data: null } });
    await expect(client().append(auditActorOf(user), 'req-7', { action: 'QUERY' })).rejects.toBeInstanceOf(AuditUnavailableError);
  });

  test('auditAs: outside a request, as a named actor', async () => {
    reply = ok;
    await auditAs({ username: 'share-delivery', sub: 'svc-platform', department: '420600-dsjzx', region: '420600' },
      { action: 'SHARE', grantId: 'g-1' }, { requestId: 'share-application-7', client: client({ source: 'sharing' }) });
    expect(received[0].input).toMatchObject({ actor: 'share-delivery', action: 'SHARE', grantId: 'g-1', requestId: 'share-application-7', source: 'sharing' });
  });
});
