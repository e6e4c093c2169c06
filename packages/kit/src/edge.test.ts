import { buildSchema } from 'graphql';
import { createGraphQLApp } from './http';
import { createLogger } from './logger';

const schema = buildSchema('type Query { hello(n: Int): String }');
let url: string;
let close: () => Promise<void>;
let stop: () => Promise<void>;

beforeAll(async () => {
  const app = await createGraphQLApp({
    name: 'edge-test', logger: createLogger('edge-test'), readiness: {},
    apollo: { schema, rootValue: { hello: () => 'hi' } },
    context: async () => ({}),
    edge: { corsOrigins: ['https://data.example.gov.cn'], rateLimit: { windowMs: 60_000, max: 80, anonymousMax: 30 }, bodyLimit: '1kb' },
  });
  const http = await app.listen(0);
  url = http.url;
  close = http.close;
  stop = app.stop;
});
afterAll(async () => { await close(); await stop(); });

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer x', ...headers }, body });

/** Every refusal is JSON with a code: never HTML, never a stack or a path. */
async function expectJsonError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const text = await res.text();
  expect(text).not.toMatch(/<html|<pre|\bat .+\.(js|ts):\d+|\/work\/|node_modules/i);
  expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
  return JSON.parse(text) as { errors: Array<{ message: string }> };
}

test('invalid JSON body -> 400 JSON BAD_REQUEST naming the problem', async () => {
  const body = await expectJsonError(await post('{"query": '), 400, 'BAD_REQUEST');
  expect(body.errors[0].message).toMatch(/not valid JSON/);
});

test('oversized body -> 413 JSON PAYLOAD_TOO_LARGE', async () => {
  await expectJsonError(await post(JSON.stringify({ query: `{ hello }#${'x'.repeat(4000)}` })), 413, 'PAYLOAD_TOO_LARGE');
});

test('a batch (array body) is refused with 400 JSON', async () => {
  const res = await post(JSON.stringify([{ query: '{ hello }' }, { query: '{ hello }' }]));
  expect(res.status).toBe(400);
  expect(await res.text()).not.toMatch(/<html/i);
});

test('CSRF: a simple cross-site GET without a preflight header is refused', async () => {
  const res = await fetch(`${url}?query=${encodeURIComponent('{ hello }')}`, { headers: { authorization: 'Bearer x' } });
  expect(res.status).toBe(400);
  expect(await res.text()).toMatch(/CSRF|preflight/i);
  const allowed = await fetch(`${url}?query=${encodeURIComponent('{ hello }')}`, { headers: { authorization: 'Bearer x', 'apollo-require-preflight': '1' } });
  expect(allowed.status).toBe(200);
});

test('wrong variable type -> 400 BAD_USER_INPUT naming the variable', async () => {
  const res = await post(JSON.stringify({ query: 'query Q($n: Int) { hello(n: $n) }', variables: { n: 'abc' } }));
  const body = await expectJsonError(res, 400, 'BAD_USER_INPUT');
  expect(body.errors[0].message).toMatch(/\$n/);
});

test('security headers on every answer', async () => {
  const res = await post(JSON.stringify({ query: '{ hello }' }));
  expect(res.status).toBe(200);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-powered-by')).toBeNull();
});

test('CORS: a listed origin is allowed, any other gets no CORS header and a 403 preflight', async () => {
  const pre = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://data.example.gov.cn', 'access-control-request-method': 'POST' } });
  expect(pre.status).toBe(204);
  expect(pre.headers.get('access-control-allow-origin')).toBe('https://data.example.gov.cn');
  const evil = await fetch(url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
  await expectJsonError(evil, 403, 'FORBIDDEN');
  const post2 = await post(JSON.stringify({ query: '{ hello }' }), { origin: 'https://evil.example' });
  expect(post2.headers.get('access-control-allow-origin')).toBeNull();
});

test('unknown route -> 404 JSON, not an HTML page', async () => {
  await expectJsonError(await fetch(url.replace('/graphql', '/nope')), 404, 'NOT_FOUND');
});

test('rate limit per address: anonymous requests first, then all -> 429 JSON with Retry-After', async () => {
  const anon = () => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ hello }' }) });
  const statuses: number[] = [];
  for (let i = 0; i < 35; i++) statuses.push((await anon()).status);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  const limited = await anon();
  expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  await expectJsonError(limited, 429, 'RATE_LIMITED');
  // Signed-in callers still pass until the address-wide limit.
  expect((await post(JSON.stringify({ query: '{ hello }' }))).status).toBe(200);
  for (let i = 0; i < 40; i++) await post(JSON.stringify({ query: '{ hello }' }));
  await expectJsonError(await post(JSON.stringify({ query: '{ hello }' })), 429, 'RATE_LIMITED');
});
