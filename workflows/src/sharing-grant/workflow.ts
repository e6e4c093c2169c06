// A grant's life (000 §18): it ends by itself when its period runs out (a workflow timer), or earlier by revocation.
// Delivery also checks expires_at itself, so a late timer never lets data out after expiry.
import { condition, setHandler } from '@temporalio/workflow';
import type { ShareGrantActivities, ShareGrantInput } from './definitions';
import { grantRevokedSignal } from './definitions';
// The workflow clock: inside the sandbox `Date` is deterministic (replayed from history).
const now = (): number => new Date().getTime();
import { serviceActivities } from '../activities';

export async function shareGrantWorkflow(input: ShareGrantInput): Promise<'EXPIRED' | 'REVOKED'> {
  const sharing = serviceActivities<ShareGrantActivities>('sharing');
  let revoked = false;
  setHandler(grantRevokedSignal, () => { revoked = true; });
  const left = Date.parse(input.expiresAt) - now();
  if (left > 0 && await condition(() => revoked, left)) return 'REVOKED';
  if (revoked) return 'REVOKED';
  await sharing.expireGrant({ grantId: input.grantId });
  return 'EXPIRED';
}
