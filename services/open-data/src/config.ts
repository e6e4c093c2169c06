// open-data's settings: typed env, parsed once at boot by runService and passed down as deps.config.
import { commonConfig, env, envInt, type CommonConfig } from '@gov/kit';

export interface OpenDataConfig extends CommonConfig {
  /** Where the public reaches this subgraph's HTTP routes (download URLs in the graph and in DCAT): OPEN_DATA_PUBLIC_URL. */
  publicUrl: string;
  /** Rows a GraphQL file answer may carry; bigger files come from their download URL (OPEN_DATA_GRAPHQL_FILE_MAX_ROWS). */
  graphqlFileMaxRows: number;
  /** REST data API calls per minute per API key (OPEN_DATA_API_RATE_PER_KEY) and per address (OPEN_DATA_API_RATE_PER_ADDRESS). */
  apiRatePerKey: number;
  apiRatePerAddress: number;
  /** Working days between an approved applicant's risk reports, counted from the approval or the last report (003 §25): OPEN_DATA_RISK_REPORT_WORKING_DAYS. */
  riskReportWorkingDays: number;
}

export function loadConfig(): OpenDataConfig {
  return {
    ...commonConfig(),
    publicUrl: env('OPEN_DATA_PUBLIC_URL', `http://127.0.0.1:${envInt('PORT', 4003)}`).replace(/\/$/, ''),
    graphqlFileMaxRows: envInt('OPEN_DATA_GRAPHQL_FILE_MAX_ROWS', 20_000),
    apiRatePerKey: envInt('OPEN_DATA_API_RATE_PER_KEY', 60),
    apiRatePerAddress: envInt('OPEN_DATA_API_RATE_PER_ADDRESS', 300),
    riskReportWorkingDays: envInt('OPEN_DATA_RISK_REPORT_WORKING_DAYS', 60),
  };
}
