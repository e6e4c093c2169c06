import { DigitalProjectStatus } from '../entities/enums';
import { stepNotice } from './notices';

const p = { id: 'p1', ownerDepartmentId: '420683-gaj', regionCode: '420683' };
const kinds = { reformDepartmentKind: 'fgw', financeDepartmentKind: 'czj' };
const deciders = (departmentId: string) => [{ departmentId, role: 'dept-admin' }, { departmentId, role: 'dept-approver' }];

test("a step leaving the project with the authority tells the authority of the project's region", () => {
  expect(stepNotice(p, { event: 'SUBMITTED', to: DigitalProjectStatus.SUBMITTED }, false, kinds)).toEqual(expect.objectContaining({
    kind: 'TASK', subjectType: 'DigitalProject', subjectId: 'p1', recipients: [{ regionCode: '420683', role: 'authority' }],
  }));
  expect(stepNotice(p, { event: 'CHANGE_REQUESTED', to: null }, false, kinds)?.recipients).toEqual([{ regionCode: '420683', role: 'authority' }]);
  expect(stepNotice(p, { event: 'PROCUREMENT_FILED', to: DigitalProjectStatus.UNDER_CONSTRUCTION }, false, kinds)).toBeNull();
});

test("a party's decision tells the owner department (and the authority when it decides next)", () => {
  expect(stepNotice(p, { event: 'TECHNICAL_REVIEW_FAILED', to: DigitalProjectStatus.REJECTED }, true, kinds)).toEqual(expect.objectContaining({
    kind: 'DECISION', recipients: [{ departmentId: '420683-gaj', role: 'dept-admin' }],
  }));
  expect(stepNotice(p, { event: 'ANNUAL_PLAN_APPROVED', to: DigitalProjectStatus.PLAN_APPROVED }, true, kinds)?.recipients).toEqual([{ departmentId: '420683-gaj', role: 'dept-admin' }]);
});

test("a step leaving the project with development-reform or finance tells the deciders of that department of the project's region", () => {
  // The authority's technical review passed: the owner is told, and the region's reform commission decides next (§16).
  expect(stepNotice(p, { event: 'TECHNICAL_REVIEW_PASSED', to: DigitalProjectStatus.APPROVAL_REVIEW }, true, kinds)?.recipients)
    .toEqual([{ departmentId: '420683-gaj', role: 'dept-admin' }, ...deciders('420683-fgw')]);
  // Reform approved: finance reviews the budget next (§17).
  expect(stepNotice(p, { event: 'APPROVED_BY_REFORM', to: DigitalProjectStatus.BUDGET_REVIEW }, true, kinds)?.recipients)
    .toEqual([{ departmentId: '420683-gaj', role: 'dept-admin' }, ...deciders('420683-czj')]);
  // The owner's initial acceptance (>= 2M): the trial run's final acceptance waits on the authority and finance (§26).
  const trial = stepNotice(p, { event: 'INITIAL_ACCEPTANCE_PASSED', to: DigitalProjectStatus.TRIAL_RUN }, false, kinds);
  expect(trial?.kind).toBe('TASK');
  expect(trial?.recipients).toEqual(expect.arrayContaining([{ regionCode: '420683', role: 'authority' }, ...deciders('420683-czj')]));
  expect(trial?.recipients).toHaveLength(3);
});
