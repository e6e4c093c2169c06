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
  // The browser reads where to log in from the gateway's own configuration (one realm, one issuer for both).
  app.get('/web-config.json', (_req, res) => { res.json({ authority: config.keycloak.issuer, clientId: config.webClientId }); });
  app.use(express.static(dist, { index: false, maxAge: '1h', setHeaders: (res, path) => { if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable'); } }));
  // Client-side routes (/portal/..., /console/...) all answer with the app's shell.
  app.get(/^\/(?!graphql|healthz|readyz).*/, (_req, res) => { res.setHeader('cache-control', 'no-cache'); res.sendFile(index); });
  return true;
}
