import { InitOpenData1732240200000 } from './1732240200000-init-open-data';
import { OpenDataApplication1764540000000 } from './1764540000000-open-data-application';

export const migrations = [InitOpenData1732240200000, OpenDataApplication1764540000000];
