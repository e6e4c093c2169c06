import { OpenDataApplicationStatus } from '../entities/open-data-application';
import { riskReportDue } from './use-reports';

describe('003 §25: when the next risk report falls due', () => {
  const approved = { status: OpenDataApplicationStatus.APPROVED, decidedAt: new Date('2026-09-25T02:00:00Z'), lastRiskReportAt: null };

  test('N working days after the approval, at the end of that day in China (the National Day week does not count)', () => {
    const d = riskReportDue(approved, 5, new Date('2026-10-01T00:00:00Z'))!;
    // Approved on Friday 2026-09-25: the five working days run past the National Day holiday.
    expect(d.due.getTime()).toBeGreaterThan(new Date('2026-10-08T00:00:00Z').getTime());
    expect(d.overdue).toBe(false);
    expect(typeof d.official).toBe('boolean');
  });

  test('counts from the latest report; overdue once the due instant has passed; nothing due before approval', () => {
    const later = { ...approved, lastRiskReportAt: new Date('2026-11-02T02:00:00Z') };
    expect(riskReportDue(later, 5)!.due.getTime()).toBeGreaterThan(riskReportDue(approved, 5)!.due.getTime());
    expect(riskReportDue(approved, 5, new Date('2027-01-01T00:00:00Z'))!.overdue).toBe(true);
    expect(riskReportDue({ ...approved, status: OpenDataApplicationStatus.SUBMITTED }, 5)).toBeNull();
  });
});
