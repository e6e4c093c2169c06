// Cross-field rules of assessment periods (the edge validators check each field alone).
import { BadUserInputError } from '@gov/kit';

export interface DateRange { startsOn: string; endsOn: string }

/** Both ends are inclusive YYYY-MM-DD days, so string order is date order. */
export function checkPeriodDates(p: DateRange): void {
  if (p.endsOn <= p.startsOn) throw new BadUserInputError({ field: 'endsOn', reason: 'must be after startsOn' });
}

/** Inclusive ranges overlap when each starts on or before the other ends. */
export function periodsOverlap(a: DateRange, b: DateRange): boolean {
  return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;
}
