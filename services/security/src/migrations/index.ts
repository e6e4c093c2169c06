import { InitSecurity1732300000000 } from './1732300000000-init-security';
import { AuditEntryFields1763790000000 } from './1763790000000-audit-entry-fields';
import { SecurityGovernance1763790100000 } from './1763790100000-security-governance';
import { AuditOccurredAt1764400100000 } from './1764400100000-audit-occurred-at';
import { AnchorSignerId1764500000000 } from './1764500000000-anchor-signer-id';
import { EmergencyPlans1764600000000 } from './1764600000000-emergency-plans';
import { Notifications1764800000000 } from './1764800000000-notifications';
import { DepartmentWebhooks1764900000000 } from './1764900000000-department-webhooks';
import { DoneTasks1764910000000 } from './1764910000000-done-tasks';
import { WebhookRegionNotices1764920000000 } from './1764920000000-webhook-region-notices';

export const migrations = [InitSecurity1732300000000, AuditEntryFields1763790000000, SecurityGovernance1763790100000, AuditOccurredAt1764400100000, AnchorSignerId1764500000000, EmergencyPlans1764600000000, Notifications1764800000000, DepartmentWebhooks1764900000000, DoneTasks1764910000000, WebhookRegionNotices1764920000000];
