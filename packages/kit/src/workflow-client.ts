// One way to start a workflow and one way to wait for its effect (issue 9 §2).
import { WorkflowExecutionAlreadyStartedError, type Client, type Workflow, type WorkflowHandle, type WorkflowStartOptions } from '@temporalio/client';

/**
 * A workflow named for a client, typed by its function without importing its code:
 * `export const shareApproval: WorkflowRef<typeof import('./workflow').shareApprovalWorkflow> = { name: 'shareApprovalWorkflow' }`.
 * A wrong argument to `startWorkflowOnce` then fails to compile.
 */
export interface WorkflowRef<W extends Workflow> { readonly name: string; readonly __workflow?: W }

export function workflowRef<W extends Workflow>(name: string): WorkflowRef<W> {
  return { name };
}

/** The workflow worker's task queue of a deployment (the prefix is empty in production, unique per test run). */
export const WORKFLOW_TASK_QUEUE = 'workflows';

export interface StartOnce<W extends Workflow> {
  /** The business key: `share-application-<id>`; a retry with the same id starts nothing new. */
  id: string;
  args: Parameters<W>;
  /** Prefix of this deployment's task queues (ServiceDeps.taskQueuePrefix). */
  taskQueuePrefix: string;
}

/** Starts `ref` with workflow id = business key; already started (a retried mutation) is success, not an error. */
export async function startWorkflowOnce<W extends Workflow>(client: Client, ref: WorkflowRef<W>, opts: StartOnce<W>): Promise<{ handle: WorkflowHandle<W>; started: boolean }> {
  try {
    const handle = await client.workflow.start<W>(ref.name, {
      workflowId: opts.id, taskQueue: `${opts.taskQueuePrefix}${WORKFLOW_TASK_QUEUE}`, args: opts.args,
    } as unknown as WorkflowStartOptions<W>);
    return { handle, started: true };
  } catch (e) {
    if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
    return { handle: client.workflow.getHandle<W>(opts.id), started: false };
  }
}

/** What a caller sees after sending a signal: the row as it stands, and whether the workflow has yet to apply it. */
export interface Effect<T> { value: T; pending: boolean }

/** How long a mutation waits for the workflow to apply its signal before answering "accepted, queued". */
export const EFFECT_WAIT_MS = 1500;

/**
 * Polls `read` until `applied` holds or `timeoutMs` passes, and returns the row as it stands with `pending` = not yet
 * applied. A decision sent while the worker is down answers at once as queued instead of hanging: Temporal keeps the
 * signal and the workflow applies it when the worker is back.
 */
export async function awaitWorkflowEffect<T>(read: () => Promise<T>, applied: (v: T) => boolean, timeoutMs = EFFECT_WAIT_MS): Promise<Effect<T>> {
  const until = Date.now() + timeoutMs;
  // Short first waits: a running worker applies a signal in tens of milliseconds, and each read is one primary-key row.
  for (let delay = 10; ; delay = Math.min(delay * 2, 80)) {
    const value = await read();
    if (applied(value)) return { value, pending: false };
    if (Date.now() >= until) return { value, pending: true };
    await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, until - Date.now()))));
  }
}
