// Rules of digital projects that the edge validators cannot express alone.
import { BadUserInputError } from '@gov/kit';

/** 001 临湘项目办法 §14: a budget of 2,000,000 CNY or more (含) is reviewed by an expert panel. */
export const EXPERT_REVIEW_THRESHOLD_CNY = 2_000_000;

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
