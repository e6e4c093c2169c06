// The grade policy: for a resource of a sensitivity grade, used in a usage mode, an item of a given sensitivity is
// delivered CLEAR, MASKED or WITHHELD (000 §23-25). Stored and edited in `security`; this is the rule engine and the seed.

export type Treatment = 'CLEAR' | 'MASKED' | 'WITHHELD';
export type Grade = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
export type UsageMode = 'VERIFY' | 'QUERY' | 'PUSH';

export const GRADES: readonly Grade[] = ['NONE', 'LOW', 'MEDIUM', 'HIGH'];
export const USAGE_MODES: readonly UsageMode[] = ['VERIFY', 'QUERY', 'PUSH'];
export const TREATMENTS: readonly Treatment[] = ['CLEAR', 'MASKED', 'WITHHELD'];

export interface GradePolicyRule { grade: Grade; usageMode: UsageMode; itemSensitivity: Grade; treatment: Treatment }

export interface TreatmentQuery { grade: Grade; usageMode: UsageMode; itemSensitivity: Grade; clearTextGranted?: boolean }

const RESTRICTIVENESS: Record<Treatment, number> = { CLEAR: 0, MASKED: 1, WITHHELD: 2 };

/** The more restrictive of two treatments. */
export function stricter(a: Treatment, b: Treatment): Treatment {
  return RESTRICTIVENESS[a] >= RESTRICTIVENESS[b] ? a : b;
}

/**
 * The treatment of one item. No matching rule: WITHHELD (fail closed). Several matching rules (a policy being edited):
 * the most restrictive. A grant that explicitly includes clear text lifts MASKED to CLEAR, never WITHHELD.
 */
export function treatmentFor(rules: readonly GradePolicyRule[], q: TreatmentQuery): Treatment {
  const matching = rules.filter((r) => r.grade === q.grade && r.usageMode === q.usageMode && r.itemSensitivity === q.itemSensitivity);
  if (!matching.length) return 'WITHHELD';
  const t = matching.map((r) => r.treatment).reduce(stricter);
  return t === 'MASKED' && q.clearTextGranted ? 'CLEAR' : t;
}

function seedTreatment(grade: Grade, mode: UsageMode, item: Grade): Treatment {
  if (item === 'NONE') return 'CLEAR';
  if (item === 'LOW') return grade === 'HIGH' && mode === 'PUSH' ? 'MASKED' : 'CLEAR';
  if (item === 'MEDIUM') return 'MASKED';
  // HIGH items (e.g. the ID number of POP-BASE): masked in a query or a verification answer — 420602********1234 — and
  // clear only under a grant that names clear text; never pushed in bulk.
  return mode === 'PUSH' ? 'WITHHELD' : 'MASKED';
}

/** The seed policy: every grade × usage mode × item sensitivity (48 rules). */
export const DEFAULT_GRADE_POLICY: GradePolicyRule[] = GRADES.flatMap((grade) => USAGE_MODES.flatMap((usageMode) =>
  GRADES.map((itemSensitivity) => ({ grade, usageMode, itemSensitivity, treatment: seedTreatment(grade, usageMode, itemSensitivity) }))));
