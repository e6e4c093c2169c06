import { InitCatalog1732240000000 } from './1732240000000-init-catalog';

export const migrations = [InitCatalog1732240000000];
