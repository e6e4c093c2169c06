import { InitOpenData1732240200000 } from './1732240200000-init-open-data';
import { OpenDataApplication1764540000000 } from './1764540000000-open-data-application';
import { OpenDataCase1764540100000 } from './1764540100000-open-data-case';
import { OpenDataUsage1764540200000 } from './1764540200000-open-data-usage';

export const migrations = [InitOpenData1732240200000, OpenDataApplication1764540000000, OpenDataCase1764540100000, OpenDataUsage1764540200000];
