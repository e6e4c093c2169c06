// Starts the graph's processes: every subgraph, the workflow worker, then the gateway; waits for each /readyz.
// Used by `npm start` (fixed ports, production task queues) and by integration tests (free ports, prefixed queues).
const { spawn } = require('node:child_process');
const { createWriteStream, mkdirSync } = require('node:fs');
const { createServer } = require('node:net');
const { join } = require('node:path');

const ROOT = join(__dirname, '..');
// The subgraphs and their ports are kit's (built before any of this runs); the gateway answers on 4000.
const { SERVICE_PORTS } = require(join(ROOT, 'packages', 'kit', 'dist', 'index.js'));
const SERVICES = Object.keys(SERVICE_PORTS);
const DEFAULT_PORTS = { gateway: 4000, ...SERVICE_PORTS };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => resolve(a.port)); });
    s.on('error', reject);
  });
}

async function waitReady(url, child, name, logFile, timeoutMs = 90000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see ${logFile}`);
    try { const r = await fetch(url); if (r.ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not ready at ${url} after ${timeoutMs} ms; see ${logFile}`);
}

/**
 * @param {{ env?: Record<string,string>, freePorts?: boolean, logsDir: string, echo?: boolean, nodeArgs?: string[] }} opts
 * @returns {Promise<{ env: Record<string,string>, children: import('node:child_process').ChildProcess[], gatewayUrl: string, ports: Record<string, number> }>}
 */
async function startStack(opts) {
  mkdirSync(opts.logsDir, { recursive: true });
  const ports = {};
  for (const name of Object.keys(DEFAULT_PORTS)) ports[name] = opts.freePorts ? await freePort() : DEFAULT_PORTS[name];
  const env = {
    APOLLO_TELEMETRY_DISABLED: '1',
    ...(opts.env || {}),
    ...Object.fromEntries(SERVICES.map((s) => [`SUBGRAPH_URL_${s.replace(/-/g, '_').toUpperCase()}`, `http://127.0.0.1:${ports[s]}/graphql`])),
  };
  const children = [];
  const start = (name, script, extra = {}) => {
    const logFile = join(opts.logsDir, `${name}.log`);
    const out = createWriteStream(logFile);
    const child = spawn(process.execPath, [...(opts.nodeArgs || []), join(ROOT, script)], { env: { ...process.env, ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    let open = 2;
    for (const stream of [child.stdout, child.stderr]) {
      // Two streams into one file: the file closes when both have ended, not when the first does (write after end).
      stream.pipe(out, { end: false });
      stream.once('end', () => { if (--open === 0) out.end(); });
      if (opts.echo) stream.on('data', (b) => process.stdout.write(String(b).split('\n').filter(Boolean).map((l) => `[${name}] ${l}\n`).join('')));
    }
    children.push(child);
    return { child, logFile };
  };
  try {
    const ready = SERVICES.map((s) => {
      const { child, logFile } = start(s, `services/${s}/dist/index.js`, { PORT: String(ports[s]) });
      return waitReady(`http://127.0.0.1:${ports[s]}/readyz`, child, s, logFile);
    });
    start('workflow-worker', 'workflows/dist/worker.js');
    await Promise.all(ready);
    const gw = start('gateway', 'gateway/dist/index.js', { PORT: String(ports.gateway) });
    await waitReady(`http://127.0.0.1:${ports.gateway}/readyz`, gw.child, 'gateway', gw.logFile);
  } catch (e) {
    for (const c of children) c.kill('SIGKILL');
    throw e;
  }
  return { env, children, ports, gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql` };
}

/** SIGTERM every process, SIGKILL what is still there after 10 s. */
function stopStack(stack) {
  return Promise.all(stack.children.map((c) => new Promise((resolve) => {
    if (c.exitCode !== null || c.signalCode !== null) return resolve();
    c.once('exit', () => resolve());
    c.kill('SIGTERM');
    setTimeout(() => c.kill('SIGKILL'), 10000).unref();
  })));
}

module.exports = { ROOT, SERVICES, DEFAULT_PORTS, startStack, stopStack, freePort, waitReady };
