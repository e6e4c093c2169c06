// `npm test`: infrastructure up if it is not, build, then the whole jest suite (unit + integration against the real
// MariaDB, Temporal and Keycloak). Extra arguments go to jest, e.g. `npm test -- --selectProjects unit`.
import { spawnSync } from 'node:child_process';
import { prepare } from './prepare.mjs';
import { ROOT } from './services.mjs';

prepare();
const jest = spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', '--ci', ...process.argv.slice(2)], {
  cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', APOLLO_TELEMETRY_DISABLED: '1' },
});
process.exit(jest.status ?? 1);
