import { InitSharing1732240100000 } from './1732240100000-init-sharing';

export const migrations = [InitSharing1732240100000];
