// A TCP proxy between a private stack and a shared server (MariaDB, Temporal): the fault suite cuts the link without
// touching the server everyone else uses. `cut()` resets every open connection and refuses new ones; `restore()` heals.
import { createServer as createHttpServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import { connect, createServer, type Server, type Socket } from 'node:net';

export class TcpProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private up = true;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    const server = createServer((client) => {
      if (!this.up) { client.resetAndDestroy(); return; }
      const upstream = connect(this.target);
      for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
        this.sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => { this.sockets.delete(a); b.destroy(); });
        a.pipe(b);
      }
    });
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', () => resolve()); });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** The link breaks: open connections are reset mid-stream, new ones are refused (reset at once). */
  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void { this.up = true; }

  get isUp(): boolean { return this.up; }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/**
 * The same cut for an HTTP server whose answers depend on the Host it is called by (Keycloak derives the issuer it
 * checks at introspection from it): requests are forwarded with the target's Host.
 */
export class HttpProxy {
  private server: HttpServer | null = null;
  private readonly sockets = new Set<Socket>();
  private up = true;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<number> {
    const server = createHttpServer((req, res) => {
      if (!this.up) { req.socket.resetAndDestroy(); return; }
      const out = httpRequest({ ...this.target, path: req.url, method: req.method, headers: { ...req.headers, host: `${this.target.host}:${this.target.port}` } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => req.socket.destroy());
      req.pipe(out);
    });
    server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', () => resolve()); });
    this.server = server;
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.resetAndDestroy();
    this.sockets.clear();
  }

  restore(): void { this.up = true; }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
