// One probe round of the mounted endpoints (000 §13, §18), started by the schedule: an activity on catalog's queue.
// Only import the activity types: workflows run in a sandbox.
import type { MountHealthActivities, MountProbeResult } from './definitions';
import { serviceActivities } from '../activities';

export async function mountHealthWorkflow(): Promise<MountProbeResult> {
  const catalog = serviceActivities<MountHealthActivities>('catalog', { startToCloseTimeout: '5 minutes', retry: { maximumAttempts: 2 } });
  return catalog.probeMounts({});
}
