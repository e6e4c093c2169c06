// PUSH delivery (000 §17 usage mode 推送): after each load, the changed records go to every subscriber endpoint of an
// active PUSH grant of the resource, signed so the receiver can check their origin; retried until delivered.
export interface SharePushInput { endpointId: string; loadId: string }
export interface SharePushActivities {
  /** Sends every record of the load to the endpoint (in signed chunks); throws on any non-2xx so Temporal retries. */
  deliverPush(input: SharePushInput & { deliveryId: string }): Promise<{ records: number; skipped: boolean }>;
  recordPushOutcome(input: SharePushInput & { deliveryId: string; status: 'DELIVERED' | 'SKIPPED' | 'FAILED'; records: number; detail?: string | null }): Promise<void>;
}
/** Workflow id = business key: one delivery of one load to one endpoint, however often the load is reported. */
export function sharePushWorkflowId(endpointId: string, loadId: string): string {
  return `share-push-${endpointId}-${loadId}`;
}
export const PUSH_MAX_ATTEMPTS = 12;
