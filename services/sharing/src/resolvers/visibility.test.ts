import type { Role, User } from '@gov/kit';
import { ShareApplicationStatus } from '../entities/enums';
import { canReadApplication } from './visibility';

const user = (roles: Role[], department: string | null, region: string | null): User =>
  ({ sub: 's', username: 'u', roles, department, region, isService: roles.includes('service'), token: 't' });

// A city department applies for county data: both regions are concerned.
const app = { consumerDepartmentId: '420600-wjw', regionCode: '420600', providerDepartmentId: '420683-gaj', providerRegionCode: '420683', status: ShareApplicationStatus.SUBMITTED };

describe('who reads a share application', () => {
  test('the consumer and the provider department', () => {
    expect(canReadApplication(user(['dept-user'], '420600-wjw', '420600'), app)).toBe(true);
    expect(canReadApplication(user(['dept-approver'], '420683-gaj', '420683'), app)).toBe(true);
  });

  test('another department of the same region does not', () => {
    expect(canReadApplication(user(['dept-admin'], '420600-scjg', '420600'), app)).toBe(false);
  });

  test('oversight roles of a region covering either side', () => {
    expect(canReadApplication(user(['authority'], '420600-sjj', '420600'), app)).toBe(true);
    expect(canReadApplication(user(['platform-operator'], '420683-dsjzx', '420683'), app)).toBe(true);
    expect(canReadApplication(user(['assessor'], '420600-kpb', '420600'), app)).toBe(true);
    expect(canReadApplication(user(['authority'], '420602-sjj', '420602'), app)).toBe(false);
  });

  test('a county authority does not see city-only applications', () => {
    const cityOnly = { ...app, providerDepartmentId: '420600-gaj', providerRegionCode: '420600' };
    expect(canReadApplication(user(['authority'], '420683-sjj', '420683'), cityOnly)).toBe(false);
  });

  test('a draft is read by the consumer department only, not the provider nor oversight', () => {
    const draft = { ...app, status: ShareApplicationStatus.DRAFT };
    expect(canReadApplication(user(['dept-user'], '420600-wjw', '420600'), draft)).toBe(true);
    expect(canReadApplication(user(['dept-approver'], '420683-gaj', '420683'), draft)).toBe(false);
    expect(canReadApplication(user(['authority'], '420600-sjj', '420600'), draft)).toBe(false);
  });

  test('the public never', () => {
    expect(canReadApplication(user(['public'], null, null), app)).toBe(false);
  });
});
