// Anchors one day of the audit chain by an activity on security's queue (the signing key and the records live there).
import { workflowInfo } from '@temporalio/workflow';
// Only import the activity types: workflows run in a sandbox.
import type { AuditAnchorActivities, AuditAnchorInput, AuditAnchorResult } from './definitions';
import { previousChinaDay } from './definitions';
import { serviceActivities } from '../activities';

export async function auditAnchorWorkflow(input: AuditAnchorInput = {}): Promise<AuditAnchorResult> {
  const info = workflowInfo();
  const security = serviceActivities<AuditAnchorActivities>('security', {
    startToCloseTimeout: '5 minutes',
    retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', backoffCoefficient: 2 },
  });
  return security.anchorAuditDay({ day: input.day ?? previousChinaDay(info.startTime.getTime()) });
}
