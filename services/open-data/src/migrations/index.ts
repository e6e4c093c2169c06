import { InitOpenData1732240200000 } from './1732240200000-init-open-data';

export const migrations = [InitOpenData1732240200000];
