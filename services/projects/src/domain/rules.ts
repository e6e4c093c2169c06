// Pure rules of digital projects (001 临湘项目办法), unit-tested beside this file.
import type { PartyKinds } from '../config';
import { BadUserInputError } from '@gov/kit';
import { addWorkingDays, chinaDate, endOfChinaDay, isOfficialCalendar, workingDayDeadline } from '@gov/working-days';
import { DigitalProjectStatus, ProjectDecisionStep, ProjectPlanType } from '../entities/enums';

/** §14: a budget of 2,000,000 CNY or more (含) is reviewed by an expert panel; §26: and accepted in two stages. */
export const EXPERT_REVIEW_THRESHOLD_CNY = 2_000_000;
/** §19: the contract's O&M period is at least 3 years. */
export const MIN_OM_YEARS = 3;

export function needsExpertReview(budget: number): boolean {
  return budget >= EXPERT_REVIEW_THRESHOLD_CNY;
}

/** The calendar year in China (UTC+8, no daylight saving): a plan made on 31 Dec 20:00 UTC is already next year's. */
export function currentYearInChina(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** A project is planned for this year or a later one (annual plans declare next year's projects, §10). */
export function checkProjectYear(year: number, now: Date = new Date()): void {
  const current = currentYearInChina(now);
  if (year < current) throw new BadUserInputError({ field: 'year', reason: `must be ${current} or later` });
}

/** §10: next year's projects are declared by 30 October (China date); later ones go to the supplementary plan (§11). */
export function annualDeclarationDeadline(planYear: number): string {
  return `${planYear - 1}-10-30`;
}
export function planTypeFor(planYear: number, now: Date = new Date()): ProjectPlanType {
  return chinaDate(now) <= annualDeclarationDeadline(planYear) ? ProjectPlanType.ANNUAL : ProjectPlanType.SUPPLEMENTARY;
}

/** Who decides a step: the authority (also as the leading-group office, §3, §11), development-reform (§16), finance (§17, §26). */
export type Party = 'authority' | 'reform' | 'finance';
export const STEP_RULES: Record<ProjectDecisionStep, { party: Party; from: DigitalProjectStatus[] }> = {
  [ProjectDecisionStep.PLAN]: { party: 'authority', from: [DigitalProjectStatus.SUBMITTED, DigitalProjectStatus.SUPPLEMENTARY_SUBMITTED] },
  [ProjectDecisionStep.TECHNICAL_REVIEW]: { party: 'authority', from: [DigitalProjectStatus.TECHNICAL_REVIEW] },
  [ProjectDecisionStep.EXPERT_REVIEW]: { party: 'authority', from: [DigitalProjectStatus.EXPERT_REVIEW] },
  [ProjectDecisionStep.APPROVAL]: { party: 'reform', from: [DigitalProjectStatus.APPROVAL_REVIEW] },
  [ProjectDecisionStep.BUDGET]: { party: 'finance', from: [DigitalProjectStatus.BUDGET_REVIEW] },
  [ProjectDecisionStep.CHANGE]: { party: 'authority', from: [DigitalProjectStatus.APPROVED, DigitalProjectStatus.UNDER_CONSTRUCTION] },
  [ProjectDecisionStep.FINAL_ACCEPTANCE_AUTHORITY]: { party: 'authority', from: [DigitalProjectStatus.TRIAL_RUN] },
  [ProjectDecisionStep.FINAL_ACCEPTANCE_FINANCE]: { party: 'finance', from: [DigitalProjectStatus.TRIAL_RUN] },
};

/** Steps with a working-day limit, by the config key of the limit. */
export const STEP_LIMIT: Partial<Record<DigitalProjectStatus, 'PLAN_REVIEW' | 'TECHNICAL_REVIEW' | 'EXPERT_REVIEW' | 'APPROVAL_REVIEW' | 'BUDGET_REVIEW' | 'RECTIFICATION'>> = {
  [DigitalProjectStatus.SUBMITTED]: 'PLAN_REVIEW',
  [DigitalProjectStatus.SUPPLEMENTARY_SUBMITTED]: 'PLAN_REVIEW',
  [DigitalProjectStatus.TECHNICAL_REVIEW]: 'TECHNICAL_REVIEW',
  [DigitalProjectStatus.EXPERT_REVIEW]: 'EXPERT_REVIEW',
  [DigitalProjectStatus.APPROVAL_REVIEW]: 'APPROVAL_REVIEW',
  [DigitalProjectStatus.BUDGET_REVIEW]: 'BUDGET_REVIEW',
  [DigitalProjectStatus.RECTIFICATION]: 'RECTIFICATION',
};
export const TERMINAL = new Set([DigitalProjectStatus.REJECTED, DigitalProjectStatus.TERMINATED, DigitalProjectStatus.ACCEPTANCE_FAILED]);

/** A deadline of `days` working days from `from`, and whether the calendar behind it is the official one. */
export function stepDeadline(from: Date, days: number): { deadline: Date; official: boolean } {
  return { deadline: workingDayDeadline(from, days), official: isOfficialCalendar(addWorkingDays(from, days)) };
}

/** §29: one O&M report per year; year n's is due `days` working days after the n-th anniversary of the archive. */
export function omReportDues(start: Date, omYears: number, days: number): Array<{ year: number; due: string }> {
  const day = chinaDate(start);
  return Array.from({ length: omYears }, (_, i) => {
    const anniversary = `${Number(day.slice(0, 4)) + i + 1}${day.slice(4)}`.replace(/-02-29$/, '-02-28');
    return { year: i + 1, due: endOfChinaDay(addWorkingDays(anniversary, days)).toISOString() };
  });
}

/** A reproducible random draw (§15): mulberry32(seed) shuffles the eligible pool, the first `size` form the panel. */
export function drawPanel<T>(pool: readonly T[], seed: number, size: number): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const order = [...pool];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order.slice(0, size);
}

export interface Indicator { metric: string; value: number; score: number }
export interface Gate { minTotalScore: number; minIndicatorValue: number }

/** 004 §35, 000 §28: the owner's latest assessment must reach the gate; the refusal names what failed. */
export function gateFailure(indicators: Indicator[], gate: Gate): string | null {
  if (!indicators.length) return null;
  const low = indicators.filter((i) => i.value < gate.minIndicatorValue).sort((x, y) => x.value - y.value);
  const total = Math.round(indicators.reduce((s, i) => s + i.score, 0) * 100) / 100;
  const parts: string[] = [];
  if (low.length) parts.push(low.map((i) => `${i.metric} ${i.value} < ${gate.minIndicatorValue}`).join('; '));
  if (total < gate.minTotalScore) parts.push(`总分 ${total} < ${gate.minTotalScore}`);
  return parts.length ? `assessment gate (004 §35): ${parts.join('; ')}` : null;
}

/** The reform / finance department of a region (`<region>-<kind>`, configured). */
export function partyDepartment(party: 'reform' | 'finance', regionCode: string, kinds: PartyKinds): string {
  return `${regionCode}-${party === 'reform' ? kinds.reformDepartmentKind : kinds.financeDepartmentKind}`;
}
