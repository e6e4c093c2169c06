// The deployables, in one list, for the start/migrate/seed/test scripts.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The ServiceModule a subgraph exports from its built server.js. */
export function loadService(name) {
  return require(join(ROOT, 'services', name, 'dist', 'server.js')).service;
}
export function kit() {
  return require(join(ROOT, 'packages', 'kit', 'dist', 'index.js'));
}

/** The subgraphs, as kit names them (call after the build). */
export function serviceNames() {
  return Object.keys(kit().SERVICE_PORTS);
}
