import { BadUserInputError, regionOfDepartment, type User } from '@gov/kit';
import { checkAppendRules, checkFilterRules, MAX_VERIFY_RANGE, verifyRange } from './rules';
import { canReadAuditOf } from '../resolvers/visibility';

function user(roles: User['roles'], region: string | null): User {
  return { sub: 's', username: 'u', roles, department: null, region, isService: roles.includes('service'), token: 't' };
}

function fieldOf(fn: () => unknown): string | undefined {
  try { fn(); } catch (e) { if (e instanceof BadUserInputError) return e.problems[0].field; throw e; }
  return undefined;
}

describe('append rules', () => {
  test('the department must belong to the region', () => {
    expect(fieldOf(() => checkAppendRules({ departmentId: '420600-gaj', regionCode: '420600' }))).toBeUndefined();
    expect(fieldOf(() => checkAppendRules({ departmentId: '420683-gaj', regionCode: '420600' }))).toBe('departmentId');
    expect(fieldOf(() => checkAppendRules({ departmentId: 'gaj', regionCode: '420600' }))).toBe('departmentId');
  });
});

describe('filter and range rules', () => {
  test('to must not be before from', () => {
    expect(fieldOf(() => checkFilterRules({ from: new Date('2026-02-01'), to: new Date('2026-01-01') }))).toBe('to');
    expect(fieldOf(() => checkFilterRules({ from: new Date('2026-01-01'), to: new Date('2026-02-01') }))).toBeUndefined();
    expect(fieldOf(() => checkFilterRules(null))).toBeUndefined();
  });

  test('verification range defaults to the whole chain and is clamped to the head', () => {
    expect(verifyRange(null, null, 42)).toEqual({ from: 1, to: 42 });
    expect(verifyRange(10, 100, 42)).toEqual({ from: 10, to: 42 });
    expect(verifyRange(1, null, 0)).toEqual({ from: 1, to: 0 });
  });

  test('bad ranges name their field', () => {
    expect(fieldOf(() => verifyRange(0, null, 5))).toBe('fromSeq');
    expect(fieldOf(() => verifyRange(1.5, null, 5))).toBe('fromSeq');
    expect(fieldOf(() => verifyRange(5, 4, 10))).toBe('toSeq');
    expect(fieldOf(() => verifyRange(1, null, MAX_VERIFY_RANGE + 1))).toBe('toSeq');
  });
});

describe('read scope', () => {
  test('department ids carry their region', () => {
    expect(regionOfDepartment('420683-gaj')).toBe('420683');
    expect(regionOfDepartment('nonsense')).toBeNull();
  });

  test('authority and platform operator of a covering region only', () => {
    expect(canReadAuditOf(user(['authority'], '420600'), '420683')).toBe(true);
    expect(canReadAuditOf(user(['platform-operator'], '420683'), '420683')).toBe(true);
    expect(canReadAuditOf(user(['platform-operator'], '420683'), '420600')).toBe(false);
    expect(canReadAuditOf(user(['assessor'], '420600'), '420600')).toBe(false);
    expect(canReadAuditOf(user(['service'], '420600'), '420600')).toBe(false);
    expect(canReadAuditOf(user(['authority'], null), '420600')).toBe(false);
  });
});
