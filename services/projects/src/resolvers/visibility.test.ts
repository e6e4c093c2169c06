import { regionOfDepartment, type User } from '@gov/kit';
import { canReadProjectsOf as canRead, isParty as party } from './visibility';

const KINDS = { reformDepartmentKind: 'fgw', financeDepartmentKind: 'czj', bigDataCentreKind: 'dsjzx' };
const canReadProjectsOf = (u: User, o: Parameters<typeof canRead>[1]) => canRead(u, o, KINDS);
const isParty = (u: User, p: Parameters<typeof party>[1], o: Parameters<typeof party>[2]) => party(u, p, o, KINDS);

function user(roles: User['roles'], region: string | null, department: string | null = null): User {
  return { sub: 's', username: 'u', roles, department, region, isService: false, token: 't' };
}

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

describe('parties of the steps (§16-17, §26)', () => {
  const p = { ownerDepartmentId: '420600-gaj', regionCode: '420600' };
  test("the region's development-reform and finance deciders read and decide; nobody else of theirs", () => {
    expect(isParty(user(['dept-approver'], '420600', '420600-fgw'), 'reform', p)).toBe(true);
    expect(isParty(user(['dept-approver'], '420600', '420600-czj'), 'finance', p)).toBe(true);
    expect(isParty(user(['dept-approver'], '420600', '420600-czj'), 'reform', p)).toBe(false);
    expect(isParty(user(['dept-user'], '420600', '420600-fgw'), 'reform', p)).toBe(false);
    expect(isParty(user(['dept-approver'], '420683', '420683-fgw'), 'reform', p)).toBe(false);
    expect(canReadProjectsOf(user(['dept-approver'], '420600', '420600-fgw'), p)).toBe(true);
  });
  test('the authority of the region or its city', () => {
    expect(isParty(user(['authority'], '420600', '420600-sjj'), 'authority', { ownerDepartmentId: '420683-gaj', regionCode: '420683' })).toBe(true);
    expect(isParty(user(['authority'], '420683', '420683-sjj'), 'authority', p)).toBe(false);
  });
});
