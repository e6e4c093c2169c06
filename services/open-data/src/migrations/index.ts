import { InitOpenData1732240200000 } from './1732240200000-init-open-data';
import { OpenDataApplication1764540000000 } from './1764540000000-open-data-application';
import { OpenDataCase1764540100000 } from './1764540100000-open-data-case';
import { OpenDataUsage1764540200000 } from './1764540200000-open-data-usage';
import { OpenDataDemandShowcase1764540300000 } from './1764540300000-open-data-demand-showcase';
import { OpenDataApiKey1764540400000 } from './1764540400000-open-data-api-key';
import { OpenDatasetUpdatedAt1764540500000 } from './1764540500000-open-dataset-updated-at';
import { OpenDataUseReport1764540600000 } from './1764540600000-open-data-use-report';
import { DeadlineCalendar1764900000000 } from './1764900000000-deadline-calendar';

export const migrations = [
  InitOpenData1732240200000, OpenDataApplication1764540000000, OpenDataCase1764540100000, OpenDataUsage1764540200000, OpenDataDemandShowcase1764540300000,
  OpenDataApiKey1764540400000, OpenDatasetUpdatedAt1764540500000, OpenDataUseReport1764540600000,
  DeadlineCalendar1764900000000,
];
