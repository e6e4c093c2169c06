import { monthsBetween } from './facts';

test('the usage months of a period, across a year end', () => {
  expect(monthsBetween('2026-01-01', '2026-03-31')).toEqual(['2026-01', '2026-02', '2026-03']);
  expect(monthsBetween('2025-11-15', '2026-01-10')).toEqual(['2025-11', '2025-12', '2026-01']);
});
