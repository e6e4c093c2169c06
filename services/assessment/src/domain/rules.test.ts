import { BadUserInputError, regionOfDepartment, type User } from '@gov/kit';
import { checkPeriodDates, periodsOverlap } from './rules';
import { canReadAssessmentOf } from '../resolvers/visibility';

function user(roles: User['roles'], region: string | null, department: string | null = null): User {
  return { sub: 's', username: 'u', roles, department, region, isService: false, token: 't' };
}

describe('period dates', () => {
  test('endsOn must be after startsOn, and the error names endsOn', () => {
    expect(() => checkPeriodDates({ startsOn: '2026-01-01', endsOn: '2026-12-31' })).not.toThrow();
    for (const endsOn of ['2026-01-01', '2025-12-31']) {
      try {
        checkPeriodDates({ startsOn: '2026-01-01', endsOn });
        throw new Error('expected a BadUserInputError');
      } catch (e) {
        expect(e).toBeInstanceOf(BadUserInputError);
        expect((e as BadUserInputError).problems[0].field).toBe('endsOn');
      }
    }
  });

  test('inclusive ranges: touching on the same day overlaps, consecutive days do not', () => {
    const y2026 = { startsOn: '2026-01-01', endsOn: '2026-12-31' };
    expect(periodsOverlap(y2026, { startsOn: '2027-01-01', endsOn: '2027-12-31' })).toBe(false);
    expect(periodsOverlap(y2026, { startsOn: '2026-12-31', endsOn: '2027-06-30' })).toBe(true);
    expect(periodsOverlap(y2026, { startsOn: '2026-03-01', endsOn: '2026-03-31' })).toBe(true);
    expect(periodsOverlap({ startsOn: '2026-03-01', endsOn: '2026-03-31' }, y2026)).toBe(true);
    expect(periodsOverlap(y2026, { startsOn: '2025-01-01', endsOn: '2025-12-31' })).toBe(false);
  });
});

describe('read scope', () => {
  test('department ids carry their region', () => {
    expect(regionOfDepartment('420600-wjw')).toBe('420600');
    expect(regionOfDepartment('wjw')).toBeNull();
  });

  test('authority and assessor of a covering region; nobody else, not even the department itself', () => {
    expect(canReadAssessmentOf(user(['assessor'], '420600'), '420683')).toBe(true);
    expect(canReadAssessmentOf(user(['authority'], '420683'), '420683')).toBe(true);
    expect(canReadAssessmentOf(user(['assessor'], '420683'), '420600')).toBe(false);
    expect(canReadAssessmentOf(user(['platform-operator'], '420600'), '420600')).toBe(false);
    expect(canReadAssessmentOf(user(['dept-admin'], '420600', '420600-gaj'), '420600')).toBe(false);
    expect(canReadAssessmentOf(user(['authority'], '420600'), null)).toBe(false);
  });
});
