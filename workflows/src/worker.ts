// The workflow worker: runs workflow code only (activities live with the service that owns the data).
import { NativeConnection, Worker } from '@temporalio/worker';
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

if (require.main === module) {
  const address = process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${process.env.TEMPORAL_PORT ?? '7233'}`;
  const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
  createWorkflowWorker({ address, namespace, taskQueuePrefix: process.env.TEMPORAL_TASK_QUEUE_PREFIX ?? '' })
    .then((w) => { console.log(`workflow worker polling ${workflowQueue(process.env.TEMPORAL_TASK_QUEUE_PREFIX ?? '')} on ${address}`); return w.run(); })
    .catch((e) => { console.error(e); process.exit(1); });
}
