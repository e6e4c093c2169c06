import { BadUserInputError, ForbiddenError, type Role, type User } from '@gov/kit';
import { QualityIssueSource } from '../entities/enums';
import { checkReport, type CatalogResource } from './rules';

const user = (roles: Role[], department: string | null, region: string | null): User =>
  ({ sub: 's', username: 'u', roles, department, region, isService: roles.includes('service'), token: 't' });

const resource: CatalogResource = { id: 'r1', departmentId: '420600-gaj', regionCode: '420600', status: 'PUBLISHED' };
const input = { resourceId: 'r1', departmentId: '420600-gaj', description: '身份证号校验位错误' };

function outcome(fn: () => unknown): string {
  try { fn(); } catch (e) {
    if (e instanceof BadUserInputError) return `BAD_USER_INPUT:${e.problems[0]?.field}`;
    if (e instanceof ForbiddenError) return 'FORBIDDEN';
    throw e;
  }
  return 'OK';
}

describe('reporting a quality issue', () => {
  test('the platform operator reports an inspection finding; staff report as consumers', () => {
    expect(checkReport(input, resource, user(['platform-operator'], '420600-dsjzx', '420600')))
      .toEqual({ source: QualityIssueSource.INSPECTION, reporterDepartmentId: '420600-dsjzx' });
    expect(checkReport(input, resource, user(['dept-user'], '420600-wjw', '420600')))
      .toEqual({ source: QualityIssueSource.CONSUMER, reporterDepartmentId: '420600-wjw' });
  });

  test('the issue goes to the one source department of the entry', () => {
    expect(outcome(() => checkReport({ ...input, departmentId: '420600-scjg' }, resource, user(['dept-user'], '420600-wjw', '420600')))).toBe('BAD_USER_INPUT:departmentId');
    expect(outcome(() => checkReport(input, resource, user(['dept-admin'], '420600-gaj', '420600')))).toBe('BAD_USER_INPUT:departmentId');
  });

  test('only published entries the caller can see', () => {
    expect(outcome(() => checkReport(input, null, user(['dept-user'], '420600-wjw', '420600')))).toBe('BAD_USER_INPUT:resourceId');
    expect(outcome(() => checkReport(input, { ...resource, status: 'DRAFT' }, user(['platform-operator'], '420600-dsjzx', '420600')))).toBe('BAD_USER_INPUT:resourceId');
  });

  test('an operator inspects only regions it covers', () => {
    expect(outcome(() => checkReport(input, resource, user(['platform-operator'], '420683-dsjzx', '420683')))).toBe('FORBIDDEN');
    expect(outcome(() => checkReport({ ...input, departmentId: '420683-gaj' }, { ...resource, regionCode: '420683', departmentId: '420683-gaj' },
      user(['platform-operator'], '420600-dsjzx', '420600')))).toBe('OK');
  });

  test('a blank description is refused', () => {
    expect(outcome(() => checkReport({ ...input, description: '  ' }, resource, user(['dept-user'], '420600-wjw', '420600')))).toBe('BAD_USER_INPUT:description');
  });
});
