// Mount health (000 §13, §18): the platform probes mounted API and table endpoints on a Temporal schedule; after
// MOUNT_OUTAGE_AFTER_FAILURES consecutive failures an outage opens by itself (the provider still names the alternative).
export interface MountProbeResult { probed: number; down: number; outagesOpened: number }

/** On catalog's queue; one run probes every mounted, published entry not already in a declared outage. */
export interface MountHealthActivities {
  probeMounts(input: Record<string, never>): Promise<MountProbeResult>;
}

export const MOUNT_HEALTH_SCHEDULE_ID = 'mount-health-probe';
export const MOUNT_OUTAGE_AFTER_FAILURES = 3;

export type ProbedHealth = 'UP' | 'DOWN' | 'OUTAGE';

/** The state after one probe: a success resets the count; the third failure in a row opens an outage. */
export function afterProbe(consecutiveFailures: number, up: boolean): { health: ProbedHealth; failures: number } {
  if (up) return { health: 'UP', failures: 0 };
  const failures = consecutiveFailures + 1;
  return { health: failures >= MOUNT_OUTAGE_AFTER_FAILURES ? 'OUTAGE' : 'DOWN', failures };
}
