// Pure scoring of one level (the departments of one region): normalise, weight, total, rank (000 §28).
import type { IndicatorScore, IndicatorSnapshot } from '../entities/assessment-run';
import { IndicatorDirection, IndicatorUnit } from '../entities/enums';

export interface Fact { value: number | null; numerator: number | null; denominator: number | null; evidence: string[] }
export interface DepartmentFacts { departmentId: string; departmentName: string; facts: Record<string, Fact | undefined> }
export interface Scored { departmentId: string; departmentName: string; total: number; rank: number; scores: IndicatorScore[] }

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A rate as is (inverted when lower is better; nothing to count = 1); a count min-max over the level (all equal = 1). */
export function normalise(def: IndicatorSnapshot, value: number | null, level: Array<number | null>): number {
  const better = def.direction === IndicatorDirection.HIGHER_BETTER;
  if (value === null) return 1;
  if (def.unit === IndicatorUnit.RATE) return round(better ? value : 1 - value, 6);
  const xs = level.filter((x): x is number => x !== null);
  const min = Math.min(...xs), max = Math.max(...xs);
  if (max === min) return 1;
  return round(better ? (value - min) / (max - min) : (max - value) / (max - min), 6);
}

/** Effective weights: the available indicators' weights scaled to sum 1 (unavailable: 0). */
export function effectiveWeights(defs: IndicatorSnapshot[], available: (key: string) => boolean): Map<string, number> {
  const sum = defs.filter((d) => available(d.key)).reduce((s, d) => s + d.weight, 0);
  return new Map(defs.map((d) => [d.key, available(d.key) && sum > 0 ? d.weight / sum : 0]));
}

export function scoreLevel(defs: IndicatorSnapshot[], departments: DepartmentFacts[]): Scored[] {
  // An indicator is available when its source answered for every department of the level.
  const available = (key: string) => departments.length > 0 && departments.every((d) => d.facts[key] !== undefined);
  const weights = effectiveWeights(defs, available);
  const scored = departments.map((dep) => {
    const scores = defs.map((def): IndicatorScore => {
      const f = dep.facts[def.key];
      const ok = available(def.key);
      const normalised = ok ? normalise(def, f!.value, departments.map((x) => x.facts[def.key]!.value)) : 0;
      const weight = weights.get(def.key)!;
      return {
        key: def.key, name: def.name, unit: def.unit, direction: def.direction, source: def.source, available: ok,
        value: f?.value ?? null, numerator: f?.numerator ?? null, denominator: f?.denominator ?? null,
        normalised, weight: round(weight, 6), score: round(normalised * weight * 100, 2), evidence: f?.evidence ?? [],
      };
    });
    return { departmentId: dep.departmentId, departmentName: dep.departmentName, total: round(scores.reduce((s, x) => s + x.score, 0), 2), rank: 0, scores };
  });
  // Competition ranking: equal totals share a rank, the next rank skips (1, 2, 2, 4).
  const sorted = [...scored].sort((a, b) => b.total - a.total || a.departmentId.localeCompare(b.departmentId));
  sorted.forEach((s, i) => { s.rank = i > 0 && sorted[i - 1].total === s.total ? sorted[i - 1].rank : i + 1; });
  return sorted;
}
