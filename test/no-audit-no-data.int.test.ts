// "No audit record, no data" (004 §33, issue 5 §3), end to end with real processes: a second open-data subgraph whose
// audit appends go to a dedicated security process through a relay this test controls. The test stops that security
// process in the middle of requests (after the data was read, while its audit append is in flight) and checks that
// every response that carried data has its audit record, and that no response carries data without one.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { graphqlRequest } from '@gov/kit';
import { gql } from './support';

const ROOT = join(__dirname, '..');
const LIST = 'query L($first: Int!) { openDatasets(first: $first) { edges { node { id name } } } }';
const RECORDS = 'query R($filter: AuditRecordFilter, $first: Int!) { auditRecords(filter: $filter, first: $first) { totalCount edges { node { action source detail } } } }';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

async function waitReady(port: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`process on ${port} exited with ${child.exitCode}`);
    try { if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`process on ${port} not ready`);
}

function start(script: string, port: number, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, script)], { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore' });
  return child;
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGKILL'); });
}

/** Forwards to security; `onAppend` runs when an audit append arrives, before it is forwarded. */
class Relay {
  server: Server;
  port = 0;
  onAppend: () => Promise<void> = async () => undefined;
  constructor(private target: () => number) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }
  async listen(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as AddressInfo).port;
  }
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (body.includes('appendAuditRecord')) await this.onAppend();
    const up = httpRequest({ host: '127.0.0.1', port: this.target(), path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => res.destroy()); // security gone: the caller sees the connection drop
    up.end(body);
  }
  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

describe('004 §33 no audit record, no data (security stopped mid-request)', () => {
  let security: ChildProcess | undefined;
  let openData: ChildProcess | undefined;
  let securityPort: number;
  let openDataUrl: string;
  let relay: Relay;

  beforeAll(async () => {
    securityPort = await freePort();
    relay = new Relay(() => securityPort);
    await relay.listen();
    security = start('services/security/dist/index.js', securityPort, {});
    const openDataPort = await freePort();
    openData = start('services/open-data/dist/index.js', openDataPort, { SUBGRAPH_URL_SECURITY: `http://127.0.0.1:${relay.port}/graphql`, AUDIT_TIMEOUT_MS: '2000' });
    await Promise.all([waitReady(securityPort, security), waitReady(openDataPort, openData)]);
    openDataUrl = `http://127.0.0.1:${openDataPort}/graphql`;
  }, 90_000);

  afterAll(async () => {
    await stop(openData);
    await stop(security);
    await relay?.close();
  });

  const read = (requestId: string) => graphqlRequest<{ openDatasets: { edges: unknown[] } }>(openDataUrl, LIST, { first: 5 }, undefined, { 'x-request-id': requestId });
  const recordsOf = async (requestId: string) => (await gql('city-authority', RECORDS, { filter: { requestId }, first: 5 })).data!.auditRecords;

  test('004 §33: with security up, the data leaves with exactly one QUERY record of its request', async () => {
    const requestId = `nand-${randomUUID()}`;
    const res = await read(requestId);
    expect(res.errors).toBeUndefined();
    expect(res.data!.openDatasets.edges.length).toBeGreaterThan(0);
    const recs = await recordsOf(requestId);
    expect(recs.totalCount).toBe(1);
    expect(recs.edges[0].node).toMatchObject({ action: 'QUERY', source: 'open-data', detail: `rows=${res.data!.openDatasets.edges.length}` });
  });

  test('004 §33: security killed while the audit append is in flight: AUDIT_UNAVAILABLE and no data; the same holds for every concurrent request', async () => {
    // 12 concurrent reads; the 5th audit append to arrive kills security before it is forwarded.
    let appends = 0;
    let killed: Promise<void> | undefined;
    relay.onAppend = async () => {
      appends += 1;
      if (appends === 5) killed = stop(security);
      if (killed) await killed;
    };
    const ids = Array.from({ length: 12 }, () => `nand-${randomUUID()}`);
    const responses = await Promise.all(ids.map((id) => read(id)));
    expect(killed).toBeDefined();

    let delivered = 0;
    let refused = 0;
    for (const [i, res] of responses.entries()) {
      const withData = (res.data?.openDatasets?.edges?.length ?? 0) > 0;
      const recs = await recordsOf(ids[i]); // read through the main stack's security: same chain
      if (withData) {
        delivered += 1;
        expect({ request: ids[i], records: recs.totalCount }).toEqual({ request: ids[i], records: 1 });
      } else {
        refused += 1;
        expect(res.data?.openDatasets ?? null).toBeNull();
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
      }
    }
    expect(refused).toBeGreaterThan(0); // at least the request whose append was cut off
    expect(delivered + refused).toBe(12);

    // Still down: every read is refused, none delivers.
    const after = await read(`nand-${randomUUID()}`);
    expect(after.data?.openDatasets ?? null).toBeNull();
    expect(after.errors?.map((e) => e.extensions?.code)).toEqual(['AUDIT_UNAVAILABLE']);
  }, 60_000);

  test('004 §33: security back: data flows again, each read with its record', async () => {
    relay.onAppend = async () => undefined;
    security = start('services/security/dist/index.js', securityPort, {});
    await waitReady(securityPort, security);
    const requestId = `nand-${randomUUID()}`;
    const res = await read(requestId);
    expect(res.errors).toBeUndefined();
    expect((await recordsOf(requestId)).totalCount).toBe(1);
  }, 60_000);
});
