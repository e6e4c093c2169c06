import { checkCalendar } from './working-calendar';

const field = (f: () => unknown) => { try { f(); } catch (e) { return (e as { extensions?: { field?: string } }).extensions?.field; } return null; };

test('a calendar is sorted and deduplicated; each bad day is refused naming its field', () => {
  expect(checkCalendar({ year: 2027, holidays: ['2027-02-06', '2027-01-01', '2027-01-01'], workdays: ['2027-02-14'] }))
    .toEqual({ year: 2027, holidays: ['2027-01-01', '2027-02-06'], workdays: ['2027-02-14'] });
  expect(field(() => checkCalendar({ year: 2027, holidays: ['2027-01-01', '2027-02-29'], workdays: [] }))).toBe('input.holidays[1]');
  expect(field(() => checkCalendar({ year: 2027, holidays: ['2028-01-01'], workdays: [] }))).toBe('input.holidays[0]');
  expect(field(() => checkCalendar({ year: 2027, holidays: ['2027-01-01'], workdays: ['2027-02-15'] }))).toBe('input.workdays[0]'); // a Monday
  expect(field(() => checkCalendar({ year: 2027, holidays: ['2027-02-14'], workdays: ['2027-02-14'] }))).toBe('input.workdays[0]');
  expect(field(() => checkCalendar({ year: 2027, holidays: [], workdays: [] }))).toBe('input.holidays');
});
