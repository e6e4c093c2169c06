// Task queues. Every queue of one deployment shares a prefix (empty in production, unique per integration-test run),
// so a test run never steals tasks from a stack started with `npm start` on the same Temporal server.
// The subgraphs are kit's SERVICE_PORTS, the one list (a type-only import: nothing of kit enters the workflow bundle).
export type { ServiceName } from '@gov/kit';
import type { ServiceName } from '@gov/kit';
export const WORKFLOW_QUEUE = 'workflows';

export function workflowQueue(prefix = ''): string {
  return `${prefix}${WORKFLOW_QUEUE}`;
}
export function activityQueue(service: ServiceName, prefix = ''): string {
  return `${prefix}${service}`;
}
/** Inside a workflow: the prefix is whatever precedes `workflows` in the queue this workflow runs on. */
export function prefixOf(workflowTaskQueue: string): string {
  return workflowTaskQueue.endsWith(WORKFLOW_QUEUE) ? workflowTaskQueue.slice(0, -WORKFLOW_QUEUE.length) : '';
}

/**
 * A workflow named for clients, typed by its function without loading its code (kit's `startWorkflowOnce` takes it):
 * a wrong argument fails to compile. `refs.test.ts` checks every name against the worker's bundle.
 */
export interface WorkflowRef<W> { readonly name: string; readonly __workflow?: W }
