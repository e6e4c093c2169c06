import { InitSecurity1732300000000 } from './1732300000000-init-security';

export const migrations = [InitSecurity1732300000000];
