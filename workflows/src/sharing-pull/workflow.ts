// One scheduled pull: the activity does the I/O (provider database, exchange, audit, PUSH start); retried on failure.
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SharePullActivities, SharePullInput } from './definitions';
import { activityQueue, prefixOf } from '../queues';

export async function sharePullWorkflow(input: SharePullInput): Promise<{ loadId: string | null; status: string; rowCount: number }> {
  const sharing = proxyActivities<SharePullActivities>({
    taskQueue: activityQueue('sharing', prefixOf(workflowInfo().taskQueue)),
    startToCloseTimeout: '30 minutes',
    retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 5 },
  });
  return sharing.pullRecords(input);
}
