import { drillDue, oneYearAfter } from './emergency-plans';

describe('003 §32(二) yearly drill due date of an emergency plan', () => {
  test('due a year after the latest drill, overdue the day after', () => {
    const p = { lastDrilledOn: '2025-03-10', createdAt: new Date('2024-01-01T00:00:00Z') };
    expect(drillDue(p, '2026-03-10')).toEqual({ dueOn: '2026-03-10', overdue: false });
    expect(drillDue(p, '2026-03-11')).toEqual({ dueOn: '2026-03-10', overdue: true });
  });
  test('a plan never drilled is due from its registration: overdue', () => {
    expect(drillDue({ lastDrilledOn: null, createdAt: new Date('2026-05-01T02:00:00Z') }, '2026-05-01')).toEqual({ dueOn: '2026-05-01', overdue: true });
  });
  test('29 February falls back to 28 February', () => {
    expect(oneYearAfter('2024-02-29')).toBe('2025-02-28');
    expect(oneYearAfter('2025-12-31')).toBe('2026-12-31');
  });
});
