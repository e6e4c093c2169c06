import { checkReportYear, isLateSelfAssessment, selfAssessmentDue } from './self-assessment';

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
});
