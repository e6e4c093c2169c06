import { checkReportYear, isLateSelfAssessment, missingSelfAssessments, selfAssessmentDue } from './self-assessment';

describe('self-assessment (004 §34)', () => {
  test('due by 31 January of the next year; the day after is late', () => {
    expect(selfAssessmentDue(2025)).toBe('2026-01-31');
    expect(isLateSelfAssessment(2025, '2026-01-31')).toBe(false);
    expect(isLateSelfAssessment(2025, '2026-02-01')).toBe(true);
    expect(isLateSelfAssessment(2024, '2026-01-15')).toBe(true);
  });
  test('only a past year can be reported on', () => {
    expect(() => checkReportYear(2026, '2026-11-30')).toThrow(/past year/);
    expect(() => checkReportYear(2025, '2026-11-30')).not.toThrow();
  });
  test('missing: never submitted or late, once 31 January has passed', () => {
    const deps = [{ id: 'a', name: 'A', regionCode: 'r' }, { id: 'b', name: 'B', regionCode: 'r' }, { id: 'c', name: 'C', regionCode: 'r' }];
    const reports = [{ departmentId: 'a', submittedOn: '2026-01-31' }, { departmentId: 'b', submittedOn: '2026-02-03' }];
    expect(missingSelfAssessments(deps, reports, 2025, '2026-01-31')).toEqual([]);
    expect(missingSelfAssessments(deps, reports, 2025, '2026-02-04').map((m) => [m.departmentId, m.submittedOn])).toEqual([['b', '2026-02-03'], ['c', null]]);
  });
});
