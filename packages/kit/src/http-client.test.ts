// The keep-alive client: one socket serves consecutive calls, a silent server is given up on, and the fetch-shaped
// adapter answers what Apollo's RemoteGraphQLDataSource reads (ok, status, headers.get, json).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchLike, httpCall } from './http-client';

let server: Server;
let url: string;
const sockets = new Set<unknown>();

beforeAll(async () => {
  server = createServer((req, res) => {
    sockets.add(req.socket);
    if (req.url === '/hang') return; // never answers
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => { res.setHeader('content-type', 'application/json'); res.setHeader('cache-control', 'no-store'); res.end(JSON.stringify({ echo: body })); });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

test('consecutive calls reuse one kept-alive socket', async () => {
  sockets.clear();
  for (let i = 0; i < 5; i++) expect(JSON.parse((await httpCall(`${url}/x`, { body: `n${i}` })).body)).toEqual({ echo: `n${i}` });
  expect(sockets.size).toBe(1);
});

test('a server that never answers is given up on with a TimeoutError', async () => {
  await expect(httpCall(`${url}/hang`, { body: '{}', timeoutMs: 200 })).rejects.toMatchObject({ name: 'TimeoutError' });
});

test('the fetch-shaped adapter gives status, headers and the parsed body', async () => {
  const r = await fetchLike(5000)(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"q":1}' });
  expect(r).toMatchObject({ ok: true, status: 200 });
  expect(r.headers.get('Cache-Control')).toBe('no-store');
  expect(r.headers.get('x-absent')).toBeNull();
  expect(await r.json()).toEqual({ echo: '{"q":1}' });
});
