// Serves the built web app (web/dist) beside /graphql, so the portal and the graph share one origin (no CORS).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import type { GatewayConfig } from './config';

export const WEB_DIST = join(__dirname, '..', '..', 'web', 'dist');

/** Mounts the app when it has been built (`npm run -w web build`); returns whether it did. */
export function mountWeb(app: express.Express, config: GatewayConfig, dist = WEB_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  // The API's CSP (default-src 'none', kit edge.ts) would block the app: its pages get their own, still strict one.
  // Ant Design's CSS-in-JS needs inline styles; Keycloak is only navigated to (login, logout), never framed.
  const keycloak = new URL(config.keycloak.issuer).origin;
  const csp = ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
    "connect-src 'self'", `form-action 'self' ${keycloak}`, "frame-ancestors 'none'", "base-uri 'self'", "object-src 'none'"].join('; ');
  const appCsp: express.RequestHandler = (_req, res, next) => { res.setHeader('Content-Security-Policy', csp); next(); };
  // The browser reads where to log in from the gateway's own configuration (one realm, one issuer for both).
  app.get('/web-config.json', (_req, res) => { res.json({ authority: config.keycloak.issuer, clientId: config.webClientId, tokenEndpoint: '/oidc/token' }); });
  // The code exchange and refresh go through this origin: Keycloak's web origins cannot name "any port of 127.0.0.1"
  // (the redirect URIs can), and tests serve the app on a free port. Only the public web client's two grants pass.
  const tokenUrl = `${config.keycloak.issuer}/protocol/openid-connect/token`;
  app.post('/oidc/token', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, string>;
    if (body.client_id !== config.webClientId || !['authorization_code', 'refresh_token'].includes(body.grant_type)) {
      res.status(400).json({ error: 'unauthorized_client', error_description: `only ${config.webClientId}'s authorization_code and refresh_token grants` });
      return;
    }
    try {
      const r = await fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
      res.status(r.status).setHeader('cache-control', 'no-store').type(r.headers.get('content-type') ?? 'application/json').send(await r.text());
    } catch {
      res.status(502).json({ error: 'temporarily_unavailable', error_description: 'the identity provider did not answer' });
    }
  });
  app.use(appCsp, express.static(dist, { index: false, maxAge: '1h', setHeaders: (res, path) => { if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable'); } }));
  // Client-side routes (/portal/..., /console/...) all answer with the app's shell.
  app.get(/^\/(?!graphql|healthz|readyz|oidc\/).*/, appCsp, (_req, res) => { res.setHeader('cache-control', 'no-cache'); res.sendFile(index); });
  return true;
}
