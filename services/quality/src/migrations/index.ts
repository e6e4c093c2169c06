import { InitQuality1732240300000 } from './1732240300000-init-quality';
import { QualityRules1732240310000 } from './1732240310000-quality-rules';
import { DeadlineCalendar1764900000000 } from './1764900000000-deadline-calendar';

export const migrations = [InitQuality1732240300000, QualityRules1732240310000, DeadlineCalendar1764900000000];
