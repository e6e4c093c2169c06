// The workflow worker: runs workflow code only (activities live with the service that owns the data).
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadWorkerConfig } from './config';
import { workflowQueue } from './queues';

export interface WorkflowWorkerOptions { address: string; namespace: string; taskQueuePrefix?: string }

export async function createWorkflowWorker(opts: WorkflowWorkerOptions): Promise<Worker> {
  const connection = await NativeConnection.connect({ address: opts.address });
  return Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: workflowQueue(opts.taskQueuePrefix),
    workflowsPath: require.resolve('./workflows'),
  });
}

/** Liveness/readiness for orchestrators: the worker has no GraphQL endpoint, so it answers on HEALTH_PORT. */
function serveHealth(port: number, host: string, worker: Worker): void {
   
  const http = require('node:http') as typeof import('node:http');
  http.createServer((req, res) => {
    const state = worker.getState();
    const ok = req.url === '/healthz' || (req.url === '/readyz' && state === 'RUNNING');
    res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', worker: state }));
  }).listen(port, host);
}

if (require.main === module) {
  const config = loadWorkerConfig();
  const { address, namespace } = config.temporal;
  createWorkflowWorker({ address, namespace, taskQueuePrefix: config.taskQueuePrefix })
    .then((w) => {
      if (config.healthPort !== null) serveHealth(config.healthPort, config.host, w);
      process.once('SIGTERM', () => w.shutdown());
      process.once('SIGINT', () => w.shutdown());
      console.log(`workflow worker polling ${workflowQueue(config.taskQueuePrefix)} on ${address}`);
      return w.run();
    })
    .catch((e) => { console.error(e); process.exit(1); });
}
