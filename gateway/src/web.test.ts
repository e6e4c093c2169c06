import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { gatewayConfig } from './config';
import { mountWeb } from './web';

// The relay to Keycloak's token endpoint is reachable by anyone: it must pass nothing but the web client's two grants.
describe('web app on the gateway', () => {
  const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>app</title>');
  const app = express();
  app.get('/graphql', (_req, res) => { res.json({ graph: true }); });
  let base: string;
  let server: import('node:http').Server;
  beforeAll(async () => {
    expect(mountWeb(app, gatewayConfig(), dist)).toBe(true);
    server = await new Promise((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const token = (form: Record<string, string>) => fetch(`${base}/oidc/token`, { method: 'POST', body: new URLSearchParams(form) });

  test('client routes answer with the shell; /graphql stays the graph; the login configuration names the realm and client', async () => {
    expect(await (await fetch(`${base}/console/catalog/x`)).text()).toContain('<title>app</title>');
    expect(await (await fetch(`${base}/graphql`)).json()).toEqual({ graph: true });
    expect(await (await fetch(`${base}/web-config.json`)).json()).toEqual({ authority: gatewayConfig().keycloak.issuer, clientId: 'gov-portal', tokenEndpoint: '/oidc/token' });
  });

  test('the token relay refuses other clients and other grants (no password or client-credentials grants through it)', async () => {
    for (const form of [
      { grant_type: 'password', client_id: 'gov-portal', username: 'city-authority', password: 'x' },
      { grant_type: 'client_credentials', client_id: 'svc-platform', client_secret: 'x' },
      { grant_type: 'authorization_code', client_id: 'gov-cli', code: 'x' },
      {},
    ]) {
      const r = await token(form);
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: 'unauthorized_client' });
    }
  });

  test('nothing is mounted before the app is built', () => {
    expect(mountWeb(express(), gatewayConfig(), mkdtempSync(join(tmpdir(), 'web-empty-')))).toBe(false);
  });
});
