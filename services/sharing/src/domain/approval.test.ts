import type { Role, User } from '@gov/kit';
import { approvalPath, STAGE_WORKING_DAYS } from '@gov/workflows';
import { addWorkingDays, workingDayDeadline } from '@gov/working-days';
import { ApprovalStage } from '../entities/enums';
import { canDecide, decisionNotice, escalationNotice, stageDeciders } from './approval';

const user = (roles: Role[], department: string | null, region: string | null): User =>
  ({ sub: 's', username: 'u', roles, department, region, isService: false, token: 't' });

describe('approval path and time limits', () => {
  test('000 §17: provider 5, filing 1, delivery 1 working days', () => {
    expect(approvalPath({ consumerRegionCode: '420600', providerRegionCode: '420600', wholeAuthorisation: false })).toEqual(['PROVIDER_REVIEW', 'FILING', 'DELIVERY']);
    expect([STAGE_WORKING_DAYS.PROVIDER_REVIEW, STAGE_WORKING_DAYS.FILING, STAGE_WORKING_DAYS.DELIVERY]).toEqual([5, 1, 1]);
  });

  test('004 §22-23: under whole authorisation the authority decides within 2 working days', () => {
    expect(approvalPath({ consumerRegionCode: '420600', providerRegionCode: '420600', wholeAuthorisation: true })).toEqual(['AUTHORITY_DECISION', 'FILING', 'DELIVERY']);
    expect(STAGE_WORKING_DAYS.AUTHORITY_DECISION).toBe(2);
  });

  test('000 §17: a county request for city data: county bureau, then city provider and city bureau', () => {
    expect(approvalPath({ consumerRegionCode: '420683', providerRegionCode: '420600', wholeAuthorisation: false }))
      .toEqual(['COUNTY_ACCEPT', 'PROVIDER_REVIEW', 'CITY_AUTHORITY_REVIEW', 'FILING', 'DELIVERY']);
  });

  test('000 §17: a provider silent from 2026-09-29 is overdue after 2026-10-12 (National Day, the 10-10 make-up Saturday counts)', () => {
    const submitted = Date.parse('2026-09-29T02:00:00Z'); // 10:00 Beijing
    expect(addWorkingDays(submitted, 5)).toBe('2026-10-12');
    expect(workingDayDeadline(submitted, 5).toISOString()).toBe('2026-10-12T16:00:00.000Z');
  });
});

describe('who decides which step', () => {
  const a = { providerDepartmentId: '420600-gaj', providerRegionCode: '420600', regionCode: '420683' };
  test('the provider department reviews and delivers; another department does not', () => {
    expect(canDecide(user(['dept-approver'], '420600-gaj', '420600'), ApprovalStage.PROVIDER_REVIEW, a)).toBe(true);
    expect(canDecide(user(['dept-admin'], '420600-gaj', '420600'), ApprovalStage.DELIVERY, a)).toBe(true);
    expect(canDecide(user(['dept-admin'], '420600-scjg', '420600'), ApprovalStage.PROVIDER_REVIEW, a)).toBe(false);
    expect(canDecide(user(['dept-user'], '420600-gaj', '420600'), ApprovalStage.PROVIDER_REVIEW, a)).toBe(false);
  });
  test('the county bureau accepts, the city bureau reviews and arbitrates, the platform operator files', () => {
    expect(canDecide(user(['authority'], '420683-sjj', '420683'), ApprovalStage.COUNTY_ACCEPT, a)).toBe(true);
    expect(canDecide(user(['authority'], '420600-sjj', '420600'), ApprovalStage.COUNTY_ACCEPT, a)).toBe(false);
    expect(canDecide(user(['authority'], '420683-sjj', '420683'), ApprovalStage.CITY_AUTHORITY_REVIEW, a)).toBe(false);
    expect(canDecide(user(['authority'], '420600-sjj', '420600'), ApprovalStage.CITY_AUTHORITY_REVIEW, a)).toBe(true);
    expect(canDecide(user(['platform-operator'], '420600-dsjzx', '420600'), ApprovalStage.FILING, a)).toBe(true);
    expect(canDecide(user(['dept-admin'], '420600-gaj', '420600'), ApprovalStage.FILING, a)).toBe(false);
  });
});

describe('issue 14: who is notified of a step', () => {
  const addressed = (u: User, r: { username?: string | null; departmentId?: string | null; regionCode?: string | null; role?: string | null }) =>
    r.username === u.username || (!!r.role && u.roles.includes(r.role as Role)
      && (r.departmentId ? r.departmentId === u.department : !!r.regionCode && r.regionCode === u.region));
  const people: User[] = (['420600', '420683'] as const).flatMap((region) => (['gaj', 'wjw'] as const).flatMap((dept) =>
    (['authority', 'platform-operator', 'dept-admin', 'dept-approver', 'dept-user', 'assessor'] as Role[]).map((role) => user([role], `${region}-${dept}`, region))));
  const apps = [
    { providerDepartmentId: '420600-gaj', providerRegionCode: '420600', regionCode: '420600' },
    { providerDepartmentId: '420683-gaj', providerRegionCode: '420683', regionCode: '420683' },
    { providerDepartmentId: '420600-gaj', providerRegionCode: '420600', regionCode: '420683' },
  ];

  test('everyone told of a step may decide it; on a one-level application everyone who may decide it is told', () => {
    for (const a of apps) {
      for (const stage of Object.values(ApprovalStage)) {
        for (const u of people) {
          const told = stageDeciders(stage, a).some((r) => addressed(u, r));
          if (told) expect([stage, u.roles[0], u.department, canDecide(u, stage, a)]).toEqual([stage, u.roles[0], u.department, true]);
          if (a.providerRegionCode === a.regionCode && u.region === a.regionCode && canDecide(u, stage, a)) expect([stage, u.roles[0], told]).toEqual([stage, u.roles[0], true]);
        }
      }
    }
  });

  test('an escalation reaches the authority of the provider\'s region and the late party; a decision the applicant and its department', () => {
    const a = { id: 'app-1', createdBy: 'city-wjw-user', consumerDepartmentId: '420600-wjw', ...apps[0] };
    expect(escalationNotice(ApprovalStage.PROVIDER_REVIEW, a).recipients).toEqual([
      { regionCode: '420600', role: 'authority' }, { departmentId: '420600-gaj', role: 'dept-admin' }, { departmentId: '420600-gaj', role: 'dept-approver' },
    ]);
    expect(decisionNotice('REJECTED', a)).toMatchObject({ kind: 'DECISION', subjectType: 'ShareApplication', subjectId: 'app-1',
      recipients: [{ username: 'city-wjw-user' }, { departmentId: '420600-wjw', role: 'dept-admin' }] });
  });
});
