// projects's settings: typed env, parsed once at boot by runService and passed down as deps.config.
// 001 临湘项目办法 gives no review times: the defaults are stated in @gov/workflows (DEFAULT_PROJECT_STEP_WORKING_DAYS).
import { commonConfig, env, envInt, type CommonConfig } from '@gov/kit';
import { DEFAULT_PROJECT_STEP_WORKING_DAYS } from '@gov/workflows';

export type StepLimits = { -readonly [K in keyof typeof DEFAULT_PROJECT_STEP_WORKING_DAYS]: number };

/** Department kinds of the development-reform commission (§16) and the finance bureau (§17, §26): `<region>-<kind>`. */
export interface PartyKinds {
  reformDepartmentKind: string;
  financeDepartmentKind: string;
  /** The big-data centre, which compiles unified projects' construction plans (§5, §13). */
  bigDataCentreKind: string;
}

export interface ProjectsConfig extends CommonConfig, PartyKinds {
  /** Working-day limits per step (PROJECT_<STEP>_WORKING_DAYS). */
  limits: StepLimits;
  /** The gate until a region's authority sets its own (004 §35). */
  defaultGate: { minTotalScore: number; minIndicatorValue: number };
}

export function loadConfig(): ProjectsConfig {
  const limits = Object.fromEntries(Object.entries(DEFAULT_PROJECT_STEP_WORKING_DAYS)
    .map(([k, v]) => [k, envInt(`PROJECT_${k}_WORKING_DAYS`, v)])) as StepLimits;
  return {
    ...commonConfig(),
    limits,
    reformDepartmentKind: env('PROJECT_REFORM_DEPARTMENT_KIND', 'fgw'),
    financeDepartmentKind: env('PROJECT_FINANCE_DEPARTMENT_KIND', 'czj'),
    bigDataCentreKind: env('PROJECT_BIG_DATA_CENTRE_KIND', 'dsjzx'),
    defaultGate: { minTotalScore: Number(env('PROJECT_GATE_MIN_TOTAL_SCORE', '60')), minIndicatorValue: Number(env('PROJECT_GATE_MIN_INDICATOR_VALUE', '0.5')) },
  };
}
