// 000 §14: every committed load is inspected by quality. The run's workflow id is the load's business key, so a
// retried trigger starts nothing new; best effort — a failed start leaves the resource to its inspection schedule.
import type { Client } from '@temporalio/client';
import { startWorkflowOnce, type Logger } from '@gov/kit';
import { qualityInspectionWorkflowId, refs } from '@gov/workflows';

export async function startInspectionAfterLoad(temporal: Client, taskQueuePrefix: string, resourceId: string, loadId: string, logger?: Pick<Logger, 'warn'>): Promise<void> {
  try {
    await startWorkflowOnce(temporal, refs.qualityInspection, {
      id: qualityInspectionWorkflowId(loadId), args: [{ resourceId, trigger: 'LOAD', requestedBy: `load ${loadId}`.slice(0, 64), runId: loadId }], taskQueuePrefix,
    });
  } catch (e) {
    logger?.warn({ err: e, resourceId, loadId }, 'quality inspection after load not started');
  }
}
