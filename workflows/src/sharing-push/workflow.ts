// At-least-once PUSH: the delivery activity retries with backoff until the receiver answers 2xx (receivers dedupe by
// the delivery id); after the last attempt the delivery is recorded FAILED for the provider and the authority to see.
import { ActivityFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SharePushActivities, SharePushInput } from './definitions';
import { PUSH_MAX_ATTEMPTS } from './definitions';
import { activityQueue, prefixOf } from '../queues';

export async function sharePushWorkflow(input: SharePushInput): Promise<'DELIVERED' | 'SKIPPED' | 'FAILED'> {
  const info = workflowInfo();
  const queue = activityQueue('sharing', prefixOf(info.taskQueue));
  const push = proxyActivities<SharePushActivities>({
    taskQueue: queue, startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: PUSH_MAX_ATTEMPTS },
  });
  const record = proxyActivities<SharePushActivities>({ taskQueue: queue, startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
  const deliveryId = info.workflowId;
  try {
    const r = await push.deliverPush({ ...input, deliveryId, attempt: 0 });
    const status = r.skipped ? 'SKIPPED' : 'DELIVERED';
    await record.recordPushOutcome({ ...input, deliveryId, status, records: r.records });
    return status;
  } catch (e) {
    if (!(e instanceof ActivityFailure)) throw e;
    await record.recordPushOutcome({ ...input, deliveryId, status: 'FAILED', records: 0, detail: (e.cause?.message ?? e.message).slice(0, 500) });
    return 'FAILED';
  }
}
