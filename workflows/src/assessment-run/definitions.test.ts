import { msUntilEndOfChinaDay } from './definitions';

test('the period ends at the end of its last China day (UTC+8)', () => {
  const end = Date.parse('2026-12-31T16:00:00Z'); // 2027-01-01 00:00 in China
  expect(msUntilEndOfChinaDay('2026-12-31', end - 1000)).toBe(1000);
  expect(msUntilEndOfChinaDay('2026-12-31', end + 5)).toBe(0);
});
