// What both README commands do first: install npm packages if missing, bring the infrastructure up, build.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
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
}
