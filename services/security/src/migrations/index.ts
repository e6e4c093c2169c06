import { InitSecurity1732300000000 } from './1732300000000-init-security';
import { AuditEntryFields1763790000000 } from './1763790000000-audit-entry-fields';
import { SecurityGovernance1763790100000 } from './1763790100000-security-governance';

export const migrations = [InitSecurity1732300000000, AuditEntryFields1763790000000, SecurityGovernance1763790100000];
