// Cross-field rules of the audit API (the edge validators check each field alone).
import { BadUserInputError, regionOfDepartment } from '@gov/kit';

export const MAX_VERIFY_RANGE = 1_000_000;

export function checkAppendRules(input: { departmentId?: string | null; regionCode?: string | null }): void {
  if (input.departmentId && regionOfDepartment(input.departmentId) !== input.regionCode) {
    throw new BadUserInputError({ field: 'departmentId', reason: `department ${input.departmentId} is not of region ${input.regionCode}` });
  }
}

export function checkFilterRules(filter: { from?: Date | null; to?: Date | null } | null | undefined): void {
  if (filter?.from && filter.to && filter.from > filter.to) {
    throw new BadUserInputError({ field: 'to', reason: 'must not be before from' });
  }
}

/** The range of a chain verification, clamped to the chain's length. */
export function verifyRange(fromSeq: number | null | undefined, toSeq: number | null | undefined, lastSeq: number): { from: number; to: number } {
  const from = fromSeq ?? 1;
  if (!Number.isSafeInteger(from) || from < 1) throw new BadUserInputError({ field: 'fromSeq', reason: 'must be a whole number >= 1' });
  if (toSeq !== null && toSeq !== undefined) {
    if (!Number.isSafeInteger(toSeq) || toSeq < from) throw new BadUserInputError({ field: 'toSeq', reason: 'must be a whole number >= fromSeq' });
  }
  const to = Math.min(toSeq ?? lastSeq, lastSeq);
  if (to - from + 1 > MAX_VERIFY_RANGE) {
    throw new BadUserInputError({ field: 'toSeq', reason: `verify at most ${MAX_VERIFY_RANGE} records per call` });
  }
  return { from, to };
}
