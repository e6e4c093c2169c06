import { canAccessDepartment, authChecker } from './auth';
import { ForbiddenError, UnauthenticatedError } from './errors';
import { cityOf, isCity, regionCovers, type User } from './roles';

const user = (roles: User['roles'], department: string | null, region: string | null): User =>
  ({ sub: 's', username: 'u', roles, department, region, isService: roles.includes('service'), token: 't' });

describe('region hierarchy (GB/T 2260 codes)', () => {
  test('a county belongs to its prefecture-level city', () => {
    expect(cityOf('420683')).toBe('420600');
    expect(isCity('420600')).toBe(true);
    expect(isCity('420683')).toBe(false);
  });
  test('a city covers its counties; a county covers only itself', () => {
    expect(regionCovers('420600', '420683')).toBe(true);
    expect(regionCovers('420683', '420600')).toBe(false);
    expect(regionCovers('420683', '420684')).toBe(false);
    expect(regionCovers('420600', '420100')).toBe(false);
  });
});

describe('department access', () => {
  const countyDraft = { departmentId: '420683-gaj', regionCode: '420683' };
  test('own department reads and writes', () => {
    expect(canAccessDepartment(user(['dept-admin'], '420683-gaj', '420683'), countyDraft, 'write')).toBe(true);
  });
  test('another department of the same county may not', () => {
    expect(canAccessDepartment(user(['dept-user'], '420683-wjw', '420683'), countyDraft, 'read')).toBe(false);
  });
  test('the city authority may; the county authority may not touch the city', () => {
    expect(canAccessDepartment(user(['authority'], '420600-sjj', '420600'), countyDraft, 'write')).toBe(true);
    expect(canAccessDepartment(user(['authority'], '420683-sjj', '420683'), { departmentId: '420600-gaj', regionCode: '420600' })).toBe(false);
  });
  test('assessors read but never write', () => {
    const a = user(['assessor'], '420600-kpb', '420600');
    expect(canAccessDepartment(a, countyDraft, 'read')).toBe(true);
    expect(canAccessDepartment(a, countyDraft, 'write')).toBe(false);
  });
});

describe('authChecker', () => {
  const check = (u: User | null, roles: User['roles']) => authChecker({ context: { user: u } } as never, roles);
  test('anonymous -> UNAUTHENTICATED, wrong role -> FORBIDDEN, right role -> allowed', () => {
    expect(() => check(null, [])).toThrow(UnauthenticatedError);
    expect(() => check(user(['public'], null, '420600'), ['authority'])).toThrow(ForbiddenError);
    expect(check(user(['authority'], '420600-sjj', '420600'), ['authority', 'assessor'])).toBe(true);
  });
});
