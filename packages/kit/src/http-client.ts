// One keep-alive HTTP client for service-to-service calls (the gateway's subgraph fetches, querySubgraph, the audit
// relay): node:http over pooled sockets costs a fraction of WHATWG fetch per call, and idle sockets are dropped before
// the servers' keepAliveTimeout (65 s, kit http.ts) so a request never lands on a socket being closed.
import http from 'node:http';
import https from 'node:https';

const agentOptions = { keepAlive: true, maxSockets: 256, maxFreeSockets: 64, timeout: 60_000, scheduling: 'lifo' as const };
const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

export interface HttpReply { status: number; statusText: string; headers: http.IncomingHttpHeaders; body: string }

/** POSTs (or sends `method`) `body` and reads the whole answer; rejects on a network error, an abort or `timeoutMs`. */
export function httpCall(url: string, init: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal; timeoutMs?: number }): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const body = init.body === undefined ? undefined : Buffer.from(init.body);
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, {
      method: init.method ?? 'POST', agent: agents[u.protocol as 'http:' | 'https:'], signal: init.signal,
      headers: { ...init.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    if (init.timeoutMs) req.setTimeout(init.timeoutMs, () => req.destroy(Object.assign(new Error(`no answer from ${u.host} within ${init.timeoutMs} ms`), { name: 'TimeoutError' })));
    req.on('error', reject);
    req.end(body);
  });
}

/** The same call shaped as the part of a fetch Response that Apollo's RemoteGraphQLDataSource reads. */
export function fetchLike(timeoutMs: number) {
  return async (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const r = await httpCall(url, { ...init, timeoutMs });
    return {
      ok: r.status >= 200 && r.status < 300, status: r.status, statusText: r.statusText, url,
      headers: { get: (name: string) => { const v = r.headers[name.toLowerCase()]; return v === undefined ? null : Array.isArray(v) ? v.join(', ') : String(v); } },
      text: async () => r.body,
      json: async () => JSON.parse(r.body) as unknown,
    };
  };
}
