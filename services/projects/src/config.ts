// The projects service's settings, parsed once at boot. 001 临湘项目办法 gives no review times: defaults stated here.
import { env, envInt } from '@gov/kit';
import { DEFAULT_PROJECT_STEP_WORKING_DAYS } from '@gov/workflows';

export type StepLimits = { -readonly [K in keyof typeof DEFAULT_PROJECT_STEP_WORKING_DAYS]: number };

export interface ProjectsConfig {
  /** Working-day limits per step (PROJECT_<STEP>_WORKING_DAYS). */
  limits: StepLimits;
  /** Department kinds of the development-reform commission (§16) and the finance bureau (§17, §26): `<region>-<kind>`. */
  reformDepartmentKind: string;
  financeDepartmentKind: string;
  /** Department kind of the big-data centre, which compiles unified projects' construction plans (§5, §13). */
  bigDataCentreKind: string;
  /** The gate until a region's authority sets its own (004 §35). */
  defaultGate: { minTotalScore: number; minIndicatorValue: number };
}

export function projectsConfig(): ProjectsConfig {
  const limits = Object.fromEntries(Object.entries(DEFAULT_PROJECT_STEP_WORKING_DAYS)
    .map(([k, v]) => [k, envInt(`PROJECT_${k}_WORKING_DAYS`, v)])) as StepLimits;
  return {
    limits,
    reformDepartmentKind: env('PROJECT_REFORM_DEPARTMENT_KIND', 'fgw'),
    financeDepartmentKind: env('PROJECT_FINANCE_DEPARTMENT_KIND', 'czj'),
    bigDataCentreKind: env('PROJECT_BIG_DATA_CENTRE_KIND', 'dsjzx'),
    defaultGate: { minTotalScore: Number(env('PROJECT_GATE_MIN_TOTAL_SCORE', '60')), minIndicatorValue: Number(env('PROJECT_GATE_MIN_INDICATOR_VALUE', '0.5')) },
  };
}

/** Parsed once at boot. */
export const config: ProjectsConfig = projectsConfig();
