// Scheduled pull (001 §16 update cycle): a Temporal schedule per resource starts this workflow, which loads the
// provider's MySQL table into the exchange the same all-or-nothing way as an upload, then starts the PUSH deliveries.
export interface SharePullInput { resourceId: string }
export interface SharePullActivities {
  pullRecords(input: SharePullInput): Promise<{ loadId: string | null; status: string; rowCount: number }>;
}
/** Schedule id = business key (one schedule per resource), prefixed per deployment like the task queues. */
export function sharePullScheduleId(resourceId: string, prefix = ''): string {
  return `${prefix}share-pull-${resourceId}`;
}
