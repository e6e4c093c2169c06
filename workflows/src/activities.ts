// Inside a workflow: the activities of one service, on that service's queue of this deployment (same prefix as the
// workflow's own queue), with the house defaults — 30 s per attempt, retried with backoff up to a minute apart.
// Pass options for what differs (long loads, bounded attempts).
import { proxyActivities, workflowInfo, type ActivityOptions } from '@temporalio/workflow';
import { activityQueue, prefixOf, type ServiceName } from './queues';

export function serviceActivities<A extends object>(service: ServiceName, options: Omit<ActivityOptions, 'taskQueue'> = {}): A {
  return proxyActivities<A>({
    startToCloseTimeout: '30 seconds',
    ...options,
    retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2, ...options.retry },
    taskQueue: activityQueue(service, prefixOf(workflowInfo().taskQueue)),
  } as ActivityOptions) as A;
}
