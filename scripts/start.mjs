// `npm start`: installs what is missing, starts MariaDB, Temporal and Keycloak, builds, composes the supergraph,
// migrates, loads demo data, starts every subgraph, the workflow worker and the gateway (which serves the web app); Ctrl-C stops them.
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { prepare } from './prepare.mjs';
import { ROOT } from './services.mjs';
import { demoAssessment } from './demo-assessment.mjs';

const t0 = Date.now();
prepare();
execSync('node gateway/dist/compose.js', { cwd: ROOT, stdio: 'inherit' });
execSync('node scripts/migrate.mjs --seed', { cwd: ROOT, stdio: 'inherit' });

const { startStack, stopStack } = createRequire(import.meta.url)('./stack.cjs');
const stack = await startStack({ env: { NODE_ENV: process.env.NODE_ENV ?? 'development' }, freePorts: false, logsDir: join(ROOT, '.tools', 'logs', 'run'), echo: !!process.env.VERBOSE });

const org = JSON.parse(readFileSync(join(ROOT, 'infra/demo/org.json'), 'utf8'));
const kc = `http://127.0.0.1:${process.env.KEYCLOAK_PORT ?? 8080}`;
const assessed = await demoAssessment({
  gatewayUrl: stack.gatewayUrl, kc, password: org.password, regions: org.regions.map((r) => ({ code: r.code, prefix: r.level === 'CITY' ? 'city' : 'county' })),
});
const users = org.regions.flatMap((r) => org.users.map((u) => `    ${(r.level === 'CITY' ? 'city' : 'county') + '-' + u.key}`.padEnd(26) + `${u.role.padEnd(18)} ${u.dept ? `${r.code}-${u.dept}` : '(public)'}`));
console.log(`
────────────────────────────────────────────────────────────────────────────
  Government data-resource graph is up (${((Date.now() - t0) / 1000).toFixed(0)} s)

  Portal and console        ${stack.gatewayUrl.replace(/graphql$/, '')}  (open data for anyone; 工作台 after login)
  Graph (gateway, Sandbox)  ${stack.gatewayUrl}
  Temporal UI               http://127.0.0.1:${process.env.TEMPORAL_UI_PORT ?? 8233}
  Keycloak                  ${kc}  (admin console: admin / admin; realm "gov")
  Logs                      .tools/logs/run/<process>.log

${assessed}

  Demo users (password ${org.password}):
${users.join('\n')}

  Try it (a token for the city authority, then one query across catalog, open-data, quality and projects):
    TOKEN=$(curl -s -d grant_type=password -d client_id=gov-cli -d username=city-authority -d password=${org.password} ${kc}/realms/gov/protocol/openid-connect/token | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')
    curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\
      -d '{"query":"query($id: ID!){ me { username roles } department(id: $id) { name region { name } openDatasets { name } qualityIssues { description status } digitalProjects { name } } }","variables":{"id":"420600-gaj"}}'

  Ctrl-C stops the graph; \`npm run infra:down\` stops MariaDB, Temporal and Keycloak.
────────────────────────────────────────────────────────────────────────────`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping the graph...');
    await stopStack(stack);
    process.exit(0);
  });
}
for (const c of stack.children) {
  c.on('exit', (code, signal) => { if (!stopping) console.error(`a process exited unexpectedly (code ${code}, signal ${signal}); see .tools/logs/run/`); });
}
