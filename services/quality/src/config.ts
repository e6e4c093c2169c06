// quality's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, envInt, type CommonConfig } from '@gov/kit';

export interface QualityConfig extends CommonConfig {
  /** Working days a department has to verify objected data ("及时", 000 §26: the seeds give no number). */
  objectionVerifyWorkingDays: number;
}

export function loadConfig(): QualityConfig {
  return { ...commonConfig(), objectionVerifyWorkingDays: envInt('QUALITY_OBJECTION_VERIFY_WORKING_DAYS', 5) };
}
