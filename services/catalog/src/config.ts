// catalog's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, envInt, type CommonConfig } from '@gov/kit';
import { DEFAULT_DEMAND_ANSWER_WORKING_DAYS, DEFAULT_DEMAND_ARBITRATION_WORKING_DAYS, DEFAULT_REVIEW_WORKING_DAYS } from '@gov/workflows';

export interface CatalogConfig extends CommonConfig {
  /** DOMAIN names no deadline for catalog review; 5 working days is configuration. */
  reviewWorkingDays: number;
  /** 000 §17: the holder "应及时回响" (no number given) — configuration, default 5 working days. */
  demandAnswerWorkingDays: number;
  /** 000 §17: the authority convenes both sides before the city government decides — configuration. */
  demandArbitrationWorkingDays: number;
  /** 000 §13, §18: minutes between probes of the mounted endpoints (MOUNT_PROBE_MINUTES, default 5). */
  mountProbeMinutes: number;
}

export function loadConfig(): CatalogConfig {
  return {
    ...commonConfig(),
    reviewWorkingDays: envInt('CATALOG_REVIEW_WORKING_DAYS', DEFAULT_REVIEW_WORKING_DAYS),
    demandAnswerWorkingDays: envInt('DEMAND_ANSWER_WORKING_DAYS', DEFAULT_DEMAND_ANSWER_WORKING_DAYS),
    demandArbitrationWorkingDays: envInt('DEMAND_ARBITRATION_WORKING_DAYS', DEFAULT_DEMAND_ARBITRATION_WORKING_DAYS),
    mountProbeMinutes: envInt('MOUNT_PROBE_MINUTES', 5),
  };
}
