// open-data's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, type CommonConfig } from '@gov/kit';

export type OpenDataConfig = CommonConfig;

export function loadConfig(): OpenDataConfig {
  return commonConfig();
}
