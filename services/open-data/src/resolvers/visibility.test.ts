import type { Role, User } from '@gov/kit';
import { OpenDatasetStatus } from '../entities/enums';
import { canReadDataset, isStaff } from './visibility';

const user = (roles: Role[], department: string | null, region: string | null): User =>
  ({ sub: 's', username: 'u', roles, department, region, isService: roles.includes('service'), token: 't' });

const published = { status: OpenDatasetStatus.PUBLISHED, publisherDepartmentId: '420683-zrzy', regionCode: '420683' };
const draft = { ...published, status: OpenDatasetStatus.DRAFT };

describe('who reads an open dataset', () => {
  test('published: everyone, anonymous included', () => {
    expect(canReadDataset(null, published)).toBe(true);
    expect(canReadDataset(user(['public'], null, null), published)).toBe(true);
  });

  test('draft or suspended: the publisher and the authority of a covering region only', () => {
    expect(canReadDataset(null, draft)).toBe(false);
    expect(canReadDataset(user(['public'], null, '420683'), draft)).toBe(false);
    expect(canReadDataset(user(['dept-user'], '420683-zrzy', '420683'), draft)).toBe(true);
    expect(canReadDataset(user(['authority'], '420600-sjj', '420600'), draft)).toBe(true);
    expect(canReadDataset(user(['authority'], '420683-sjj', '420683'), { ...draft, status: OpenDatasetStatus.SUSPENDED })).toBe(true);
    expect(canReadDataset(user(['authority'], '420683-sjj', '420683'), { ...draft, regionCode: '420600', publisherDepartmentId: '420600-zrzy' })).toBe(false);
    expect(canReadDataset(user(['dept-admin'], '420600-zrzy', '420600'), draft)).toBe(false);
  });

  test('only staff are told "forbidden"', () => {
    expect(isStaff(null)).toBe(false);
    expect(isStaff(user(['public'], null, null))).toBe(false);
    expect(isStaff(user(['dept-user'], '420600-wjw', '420600'))).toBe(true);
  });
});
