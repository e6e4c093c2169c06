import { InitSecurity1732300000000 } from './1732300000000-init-security';
import { AuditEntryFields1763790000000 } from './1763790000000-audit-entry-fields';

export const migrations = [InitSecurity1732300000000, AuditEntryFields1763790000000];
