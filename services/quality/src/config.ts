// Quality's own settings, parsed once at boot (the common ones live in kit's commonConfig).
import { envInt } from '@gov/kit';

export interface QualityConfig {
  /** Working days a department has to verify objected data ("及时", 000 §26: the seeds give no number). */
  objectionVerifyWorkingDays: number;
}

let parsed: QualityConfig | undefined;
export function qualityConfig(): QualityConfig {
  return (parsed ??= { objectionVerifyWorkingDays: envInt('QUALITY_OBJECTION_VERIFY_WORKING_DAYS', 5) });
}
