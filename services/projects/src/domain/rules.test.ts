import { BadUserInputError, regionOfDepartment, type User } from '@gov/kit';
import { checkProjectYear, currentYearInChina, EXPERT_REVIEW_THRESHOLD_CNY, needsExpertReview } from './rules';
import { canReadProjectsOf } from '../resolvers/visibility';

function user(roles: User['roles'], region: string | null, department: string | null = null): User {
  return { sub: 's', username: 'u', roles, department, region, isService: false, token: 't' };
}

describe('expert review threshold (001 临湘项目办法 §14: 200万元(含)以上)', () => {
  test('2,000,000 CNY and more need an expert panel', () => {
    expect(EXPERT_REVIEW_THRESHOLD_CNY).toBe(2_000_000);
    expect(needsExpertReview(1_500_000)).toBe(false);
    expect(needsExpertReview(1_999_999.99)).toBe(false);
    expect(needsExpertReview(2_000_000)).toBe(true);
    expect(needsExpertReview(3_200_000)).toBe(true);
  });
});

describe('plan year', () => {
  test('the year turns at midnight China time, not UTC', () => {
    expect(currentYearInChina(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(currentYearInChina(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  test('this year or later; an earlier year names the field year', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(() => checkProjectYear(2026, now)).not.toThrow();
    expect(() => checkProjectYear(2027, now)).not.toThrow();
    try {
      checkProjectYear(2025, now);
      throw new Error('expected a BadUserInputError');
    } catch (e) {
      expect(e).toBeInstanceOf(BadUserInputError);
      expect((e as BadUserInputError).problems[0].field).toBe('year');
    }
  });
});

describe('read scope', () => {
  const gajCity = { ownerDepartmentId: '420600-gaj', regionCode: '420600' };
  const gajCounty = { ownerDepartmentId: '420683-gaj', regionCode: '420683' };

  test('department ids carry their region', () => {
    expect(regionOfDepartment('420683-gaj')).toBe('420683');
    expect(regionOfDepartment('bad')).toBeNull();
  });

  test('staff of the owner department read its projects, other departments do not', () => {
    expect(canReadProjectsOf(user(['dept-user'], '420600', '420600-gaj'), gajCity)).toBe(true);
    expect(canReadProjectsOf(user(['dept-admin'], '420600', '420600-wjw'), gajCity)).toBe(false);
    expect(canReadProjectsOf(user(['public'], '420600', '420600-gaj'), gajCity)).toBe(false);
  });

  test('authority and assessors of a covering region; not the platform operator', () => {
    expect(canReadProjectsOf(user(['authority'], '420600', '420600-sjj'), gajCounty)).toBe(true);
    expect(canReadProjectsOf(user(['assessor'], '420683', '420683-kpb'), gajCounty)).toBe(true);
    expect(canReadProjectsOf(user(['assessor'], '420683', '420683-kpb'), gajCity)).toBe(false);
    expect(canReadProjectsOf(user(['platform-operator'], '420600', '420600-dsjzx'), gajCity)).toBe(false);
    expect(canReadProjectsOf(user(['authority'], '420600'), { ownerDepartmentId: 'odd', regionCode: null })).toBe(false);
  });
});
