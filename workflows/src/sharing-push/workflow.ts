// At-least-once PUSH: the delivery activity retries with backoff until the receiver answers 2xx (receivers dedupe by
// the delivery id); after the last attempt the delivery is recorded FAILED for the provider and the authority to see.
import { ActivityFailure, workflowInfo } from '@temporalio/workflow';
import type { SharePushActivities, SharePushInput } from './definitions';
import { PUSH_MAX_ATTEMPTS } from './definitions';
import { serviceActivities } from '../activities';

export async function sharePushWorkflow(input: SharePushInput): Promise<'DELIVERED' | 'SKIPPED' | 'FAILED'> {
  const info = workflowInfo();
  const push = serviceActivities<SharePushActivities>('sharing', {
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: PUSH_MAX_ATTEMPTS },
  });
  const record = serviceActivities<SharePushActivities>('sharing');
  const deliveryId = info.workflowId;
  try {
    const r = await push.deliverPush({ ...input, deliveryId });
    const status = r.skipped ? 'SKIPPED' : 'DELIVERED';
    await record.recordPushOutcome({ ...input, deliveryId, status, records: r.records });
    return status;
  } catch (e) {
    if (!(e instanceof ActivityFailure)) throw e;
    await record.recordPushOutcome({ ...input, deliveryId, status: 'FAILED', records: 0, detail: (e.cause?.message ?? e.message).slice(0, 500) });
    return 'FAILED';
  }
}
