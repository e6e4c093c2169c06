import { InitQuality1732240300000 } from './1732240300000-init-quality';

export const migrations = [InitQuality1732240300000];
