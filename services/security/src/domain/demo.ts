// Ids of the demo emergency plans (seed.ts), importable without the entities: tests and other seeds name them.
export const DEMO_PLAN_KINDS = ['sjj', 'gaj', 'scjg', 'wjw', 'zrzy'] as const;

/** `00000000-0000-4000-8000-e<region><n>`: the seeded plan of department `<region>-<kind>`. */
export function seededPlanId(region: string, kind: (typeof DEMO_PLAN_KINDS)[number]): string {
  return `00000000-0000-4000-8000-e${region}${String(DEMO_PLAN_KINDS.indexOf(kind)).padStart(5, '0')}`;
}
