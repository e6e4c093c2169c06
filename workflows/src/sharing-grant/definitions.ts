import { defineSignal } from '@temporalio/workflow';

export interface ShareGrantInput { grantId: string; expiresAt: string }
export interface ShareGrantActivities {
  expireGrant(input: { grantId: string }): Promise<void>;
}
/** Sent by revokeShareGrant after it has marked the grant revoked: ends the timer. */
export const grantRevokedSignal = defineSignal<[{ actor: string }]>('grantRevoked');

export function shareGrantWorkflowId(grantId: string): string {
  return `share-grant-${grantId}`;
}
