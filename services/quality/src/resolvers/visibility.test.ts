import type { Role, User } from '@gov/kit';
import { canReadIssue } from './visibility';

const user = (roles: Role[], department: string | null, region: string | null): User =>
  ({ sub: 's', username: 'u', roles, department, region, isService: roles.includes('service'), token: 't' });

const issue = { departmentId: '420683-gaj', reporterDepartmentId: '420683-wjw', regionCode: '420683' };

describe('who reads a quality issue', () => {
  test('the source and the reporting department', () => {
    expect(canReadIssue(user(['dept-admin'], '420683-gaj', '420683'), issue)).toBe(true);
    expect(canReadIssue(user(['dept-user'], '420683-wjw', '420683'), issue)).toBe(true);
    expect(canReadIssue(user(['dept-user'], '420683-zrzy', '420683'), issue)).toBe(false);
  });

  test('oversight of a covering region; the city covers its counties, not the reverse', () => {
    expect(canReadIssue(user(['authority'], '420600-sjj', '420600'), issue)).toBe(true);
    expect(canReadIssue(user(['assessor'], '420683-kpb', '420683'), issue)).toBe(true);
    expect(canReadIssue(user(['platform-operator'], '420683-dsjzx', '420683'), { ...issue, regionCode: '420600', departmentId: '420600-gaj' })).toBe(false);
  });

  test('an issue without a reporter department is not readable by department-less users', () => {
    expect(canReadIssue(user(['public'], null, null), { ...issue, reporterDepartmentId: null })).toBe(false);
  });
});
