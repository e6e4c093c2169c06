import { InitCatalog1732240000000 } from './1732240000000-init-catalog';
import { CatalogComplete1732300000000 } from './1732300000000-catalog-complete';

export const migrations = [InitCatalog1732240000000, CatalogComplete1732300000000];
