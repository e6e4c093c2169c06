import { DigitalProjectStatus } from '../entities/enums';
import { stepNotice } from './notices';

const p = { id: 'p1', ownerDepartmentId: '420683-gaj', regionCode: '420683' };

test("a step leaving the project with the authority tells the authority of the project's region", () => {
  expect(stepNotice(p, { event: 'SUBMITTED', to: DigitalProjectStatus.SUBMITTED }, false)).toEqual(expect.objectContaining({
    kind: 'TASK', subjectType: 'DigitalProject', subjectId: 'p1', recipients: [{ regionCode: '420683', role: 'authority' }],
  }));
  expect(stepNotice(p, { event: 'CHANGE_REQUESTED', to: null }, false)?.recipients).toEqual([{ regionCode: '420683', role: 'authority' }]);
  expect(stepNotice(p, { event: 'PROCUREMENT_FILED', to: DigitalProjectStatus.UNDER_CONSTRUCTION }, false)).toBeNull();
});

test("a party's decision tells the owner department (and the authority when it decides next)", () => {
  expect(stepNotice(p, { event: 'TECHNICAL_REVIEW_FAILED', to: DigitalProjectStatus.REJECTED }, true)).toEqual(expect.objectContaining({
    kind: 'DECISION', recipients: [{ departmentId: '420683-gaj', role: 'dept-admin' }],
  }));
  expect(stepNotice(p, { event: 'ANNUAL_PLAN_APPROVED', to: DigitalProjectStatus.PLAN_APPROVED }, true)?.recipients).toEqual([{ departmentId: '420683-gaj', role: 'dept-admin' }]);
});
