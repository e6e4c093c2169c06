// One scheduled pull: the activity does the I/O (provider database, exchange, audit, PUSH start); retried on failure.
import type { SharePullActivities, SharePullInput } from './definitions';
import { serviceActivities } from '../activities';

export async function sharePullWorkflow(input: SharePullInput): Promise<{ loadId: string | null; status: string; rowCount: number }> {
  const sharing = serviceActivities<SharePullActivities>('sharing', {
    startToCloseTimeout: '30 minutes',
    retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 5 },
  });
  return sharing.pullRecords(input);
}
