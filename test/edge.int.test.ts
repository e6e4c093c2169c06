// 003 §31-34 / OWASP GraphQL: every malformed request gets a 4xx JSON GraphQL error naming the problem — never a 5xx,
// HTML, a stack trace, SQL or a path — at the gateway and at each subgraph; one stopped subgraph costs only its fields.
import { SERVICE_PORTS } from '@gov/kit';
import { createGateway } from '../gateway/src/server';
import { gatewayConfig } from '../gateway/src/config';
import { gatewayUrl, tokenOf } from './support';
import { leaks } from './fuzz/leaks';

const subgraphUrl = (s: string) => process.env[`SUBGRAPH_URL_${s.replace(/-/g, '_').toUpperCase()}`]!;

interface Answer { status: number; text: string; body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> } }

async function raw(url: string, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await res.text();
  expect(res.headers.get('content-type')).toMatch(/json/);
  return { status: res.status, text, body: JSON.parse(text) as Answer['body'] };
}

let auth: Record<string, string>;
beforeAll(async () => { auth = { authorization: `Bearer ${await tokenOf('city-authority')}` }; });

const post = (query: string, variables: unknown, url = gatewayUrl()) => raw(url, JSON.stringify({ query, variables }), auth);

function refused(a: Answer, status: number, code: string, names?: RegExp) {
  expect({ status: a.status, code: a.body.errors?.[0]?.extensions?.code }).toEqual({ status, code });
  expect(leaks(a.text)).toBeNull();
  if (names) expect(a.body.errors![0].message).toMatch(names);
}

const PAGE = 'query P($first: Int!) { dataResources(first: $first) { totalCount } }';

describe('malformed requests at the gateway: 4xx JSON naming the problem', () => {
  test.each([
    ['first: "abc"', PAGE, { first: 'abc' }, /\$first/],
    ['first: 2^40', PAGE, { first: 2 ** 40 }, /\$first/],
    ['first: -1', PAGE, { first: -1 }, /first must be between 1 and 200/],
    ['first: 0', PAGE, { first: 0 }, /first must be between 1 and 200/],
    ['first: 2^31-1', PAGE, { first: 2 ** 31 - 1 }, /first must be between 1 and 200/],
    ['an object for an ID', 'query R($id: ID!) { dataResource(id: $id) { id } }', { id: { $gt: '' } }, /\$id/],
    ['an unknown enum value', 'query T($f: SheetFormat!) { catalogTemplate(format: $f) { filename } }', { f: 'EXE' }, /\$f.*EXE|EXE/],
    ['a missing required variable', 'query R($id: ID!) { dataResource(id: $id) { id } }', {}, /\$id/],
    ['an unknown input field', 'query P($first: Int!, $filter: DataResourceFilter) { dataResources(first: $first, filter: $filter) { totalCount } }', { first: 5, filter: { drop: 'table' } }, /drop/],
  ])('%s -> 400 BAD_USER_INPUT', async (_name, query, variables, names) => {
    refused(await post(query, variables), 400, 'BAD_USER_INPUT', names);
  });

  test('invalid JSON body -> 400 BAD_REQUEST, JSON, no stack trace or path', async () => {
    refused(await raw(gatewayUrl(), '{"query": "{ me { username } }", ', auth), 400, 'BAD_REQUEST', /not valid JSON/);
  });

  test('a body over the limit -> 413 PAYLOAD_TOO_LARGE', async () => {
    refused(await raw(gatewayUrl(), JSON.stringify({ query: PAGE, variables: { first: 5, pad: 'x'.repeat(3 * 1024 * 1024) } }), auth), 413, 'PAYLOAD_TOO_LARGE');
  });

  test('variables that are not an object, a missing query, a syntax error, a batch -> 400', async () => {
    refused(await raw(gatewayUrl(), JSON.stringify({ query: PAGE, variables: 'first=5' }), auth), 400, 'BAD_REQUEST');
    refused(await raw(gatewayUrl(), JSON.stringify({ variables: {} }), auth), 400, 'BAD_REQUEST');
    refused(await post('query { me { ', {}), 400, 'GRAPHQL_PARSE_FAILED');
    const batch = await raw(gatewayUrl(), JSON.stringify([{ query: '{ me { username } }' }, { query: '{ me { username } }' }]), auth);
    expect(batch.status).toBe(400);
    expect(leaks(batch.text)).toBeNull();
  });

  test('depth, alias and cost limits name the operation, what was counted and the limit', async () => {
    let sel = 'name';
    for (let i = 0; i < 8; i++) sel = `region { departments { ${sel} } }`;
    refused(await post(`query Deep($id: ID!) { department(id: $id) { ${sel} } }`, { id: '420600-gaj' }), 400, 'GRAPHQL_VALIDATION_FAILED',
      /^operation "Deep" is 18 levels deep; the limit is 12$/);
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: me { username }`).join(' ');
    refused(await post(`query A { ${aliases} }`, {}), 400, 'GRAPHQL_VALIDATION_FAILED', /40 aliases; the limit is 30/);
    // 4 levels of unpaged lists: under the depth limit, over the cost limit (an unpaged list counts its bound).
    refused(await post('query Wide { regions { departments { region { departments { name } } } } }', {}), 400, 'BAD_USER_INPUT',
      /query cost \d+ exceeds the limit 20000/);
  });

  test('CSRF: a GET without a preflight header is refused; security headers on every answer', async () => {
    const res = await fetch(`${gatewayUrl()}?query=${encodeURIComponent('{ me { username } }')}`, { headers: auth });
    expect(res.status).toBe(400);
    const ok = await fetch(gatewayUrl(), { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify({ query: '{ me { username } }' }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(ok.headers.get('x-powered-by')).toBeNull();
    expect(ok.headers.get('access-control-allow-origin')).toBeNull(); // no origin is allowed unless configured
  });
});

describe('malformed requests at each subgraph: 4xx JSON', () => {
  test.each(Object.keys(SERVICE_PORTS))('%s', async (service) => {
    const url = subgraphUrl(service);
    refused(await raw(url, '{"query": ', auth), 400, 'BAD_REQUEST', /not valid JSON/);
    refused(await raw(url, JSON.stringify({ query: '{ _service { sdl } }', pad: 'x'.repeat(3 * 1024 * 1024) }), auth), 413, 'PAYLOAD_TOO_LARGE');
    refused(await raw(url, JSON.stringify({ query: 'query Q($r: [_Any!]!) { _entities(representations: $r) { __typename } }', variables: { r: null } }), auth), 400, 'BAD_USER_INPUT', /\$r/);
    refused(await raw(url, JSON.stringify({ query: '{ _service { ' }), auth), 400, 'GRAPHQL_PARSE_FAILED');
    const notFound = await fetch(url.replace(/\/graphql$/, '/no-such-route'));
    expect(notFound.status).toBe(404);
    expect(leaks(await notFound.text())).toBeNull();
  });
});

describe('partial answers: a stopped subgraph costs only its own fields', () => {
  let gw: { url: string; close(): Promise<void> };
  let stop: () => Promise<void>;
  const saved = process.env.SUBGRAPH_URL_SHARING;
  beforeAll(async () => {
    // A second gateway over the same running subgraphs, except sharing, which is not there (nothing listens on :9).
    process.env.SUBGRAPH_URL_SHARING = 'http://127.0.0.1:9/graphql';
    const app = await createGateway(gatewayConfig());
    gw = await app.listen(0);
    stop = app.stop;
  });
  afterAll(async () => { process.env.SUBGRAPH_URL_SHARING = saved; await gw?.close(); await stop?.(); });

  test('catalog data survives; sharing fields are null with SERVICE_UNAVAILABLE naming the service', async () => {
    const wjw = { authorization: `Bearer ${await tokenOf('city-wjw-user')}` };
    const q = `query Mixed($id: ID!, $first: Int!) {
      me { username }
      department(id: $id) { name shareApplicationsAsConsumer { id } }
      shareApplications(first: $first) { totalCount }
    }`;
    const a = await raw(gw.url, JSON.stringify({ query: q, variables: { id: '420600-wjw', first: 5 } }), wjw);
    expect(a.status).toBe(200);
    expect(a.body.data).toEqual({
      me: { username: 'city-wjw-user' },
      department: { name: expect.any(String), shareApplicationsAsConsumer: null },
      shareApplications: null,
    });
    expect(a.body.errors!.length).toBeGreaterThan(0);
    for (const e of a.body.errors!) {
      expect(e.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', service: 'sharing' });
      expect(e.message).toMatch(/sharing service is unavailable/);
    }
    expect(leaks(a.text)).toBeNull();
    expect(a.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);
  });

  test('the gateway readiness names the stopped subgraph', async () => {
    const r = await fetch(gw.url.replace(/\/graphql$/, '/readyz'));
    expect(r.status).toBe(503);
    expect(((await r.json()) as { checks: { subgraphs: string } }).checks.subgraphs).toMatch(/sharing/);
  });
});
