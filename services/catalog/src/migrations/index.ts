import { InitCatalog1732240000000 } from './1732240000000-init-catalog';
import { CatalogComplete1732300000000 } from './1732300000000-catalog-complete';
import { BackfillIndexVersions1732300100000 } from './1732300100000-backfill-index-versions';
import { MountProbe1764600000000 } from './1764600000000-mount-probe';
import { FunctionChange1764600100000 } from './1764600100000-function-change';
import { WorkingCalendar1764700000000 } from './1764700000000-working-calendar';
import { ReviewCalendar1764900000000 } from './1764900000000-review-calendar';

export const migrations = [InitCatalog1732240000000, CatalogComplete1732300000000, BackfillIndexVersions1732300100000, MountProbe1764600000000, FunctionChange1764600100000, WorkingCalendar1764700000000, ReviewCalendar1764900000000];
