// After a load commits: one PUSH delivery workflow per endpoint of an active PUSH grant of the resource.
import { startWorkflowOnce } from '@gov/kit';
import { refs, sharePushWorkflowId } from '@gov/workflows';
import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';

export async function startPushes(ds: DataSource, temporal: Client, taskQueuePrefix: string, resourceId: string, loadId: string): Promise<number> {
  const endpoints = await ds.query(
    `SELECT e.id FROM push_endpoint e JOIN share_grant g ON g.id = e.grant_id
     WHERE e.resource_id = ? AND g.status = 'ACTIVE' AND g.usage_mode = 'PUSH' AND g.expires_at > CURRENT_TIMESTAMP(3)`, [resourceId]) as Array<{ id: string }>;
  for (const { id } of endpoints) {
    await startWorkflowOnce(temporal, refs.sharePush, { id: sharePushWorkflowId(id, loadId), taskQueuePrefix, args: [{ endpointId: id, loadId }] });
  }
  return endpoints.length;
}
