// What both README commands do first: install npm packages if missing, bring the infrastructure up, build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './services.mjs';

function step(title, cmd, env = {}) {
  const t0 = Date.now();
  console.log(`\n▶ ${title}`);
  execSync(cmd, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`✓ ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

export function prepare({ infraEnv = {} } = {}) {
  process.env.APOLLO_TELEMETRY_DISABLED = '1';
  const marker = join(ROOT, 'node_modules', '.package-lock.json');
  const lock = join(ROOT, 'package-lock.json');
  if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs) {
    step('npm packages', 'npm ci --no-audit --no-fund');
  }
  step('infrastructure (MariaDB, Temporal, Keycloak)', 'bash infra/local/up', infraEnv);
  step('build', 'npx tsc -b tsconfig.build.json');
  // The web app (served by the gateway) is rebuilt only when its sources or the graph's schema changed.
  if (webStale()) step('web app (vite build)', 'npm run -w web build');
}

function newest(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newest(join(path, f))));
}

function webStale() {
  const built = join(ROOT, 'web', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'gateway/supergraph.graphql', 'package-lock.json'];
  return Math.max(...sources.map((p) => newest(join(ROOT, p)))) > statSync(built).mtimeMs;
}
