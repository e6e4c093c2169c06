import { InitSharing1732240100000 } from './1732240100000-init-sharing';
import { Exchange1732240200000 } from './1732240200000-exchange';

export const migrations = [InitSharing1732240100000, Exchange1732240200000];
