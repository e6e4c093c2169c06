import { addWorkingDays, calendarVersion, chinaDate, installOfficialCalendars, installedOfficialCalendars, isOfficialCalendar, isStatutoryHoliday, isWorkingDay, reminderInstant, workingDayDeadline, workingDaysBetween } from './index';

describe('Chinese working-day calendar (official 2025 and 2026 arrangements)', () => {
  test('2025 National Day + Mid-Autumn: Oct 1-8 off, Sep 28 (Sun) and Oct 11 (Sat) are make-up working days', () => {
    for (const d of ['2025-10-01', '2025-10-03', '2025-10-06', '2025-10-08']) expect(isWorkingDay(d)).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true);
    expect(isWorkingDay('2025-10-11')).toBe(true);
    expect(isWorkingDay('2025-10-12')).toBe(false);
  });

  test('a 5-working-day deadline started on 2025-09-30 crosses National Day and lands on 2025-10-14', () => {
    // Oct 9 (1), Oct 10 (2), Oct 11 make-up Saturday (3), Oct 13 (4), Oct 14 (5)
    expect(addWorkingDays('2025-09-30', 5)).toBe('2025-10-14');
  });

  test('2025 Spring Festival: Jan 28 - Feb 4 off, Jan 26 (Sun) and Feb 8 (Sat) worked', () => {
    expect(isWorkingDay('2025-01-28')).toBe(false);
    expect(isWorkingDay('2025-02-04')).toBe(false);
    expect(isWorkingDay('2025-01-26')).toBe(true);
    expect(isWorkingDay('2025-02-08')).toBe(true);
    expect(addWorkingDays('2025-01-27', 1)).toBe('2025-02-05');
  });

  test('2026 Spring Festival: Feb 15-23 off, Feb 14 (Sat) and Feb 28 (Sat) worked', () => {
    expect(isWorkingDay('2026-02-16')).toBe(false);
    expect(isWorkingDay('2026-02-23')).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24'); // Feb 14 make-up (1), Feb 24 (2)
  });

  test('2026 National Day: Oct 1-7 off, Sep 20 (Sun) and Oct 10 (Sat) worked', () => {
    expect(isWorkingDay('2026-10-01')).toBe(false);
    expect(isWorkingDay('2026-10-07')).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true);
    expect(isWorkingDay('2026-10-10')).toBe(true);
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  test('plain weeks: Friday + 1 working day is Monday; the start day never counts', () => {
    expect(addWorkingDays('2026-11-20', 1)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-22', 1)).toBe('2026-11-23'); // started on a Sunday
    expect(addWorkingDays('2026-11-23', 0)).toBe('2026-11-23');
  });

  test('dates are China civil dates: 2025-09-30T17:00Z is already Oct 1 in Beijing', () => {
    expect(chinaDate(Date.parse('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
    expect(chinaDate(Date.parse('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
  });

  test('the deadline instant is the end of the last working day, Beijing time', () => {
    const d = workingDayDeadline(Date.parse('2025-09-30T02:00:00Z'), 5);
    expect(d.toISOString()).toBe('2025-10-14T16:00:00.000Z');
  });

  test('workingDaysBetween counts the days after the start up to the end', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-14')).toBe(5);
    expect(workingDaysBetween('2025-09-30', '2025-10-08')).toBe(0);
    expect(workingDaysBetween('2025-10-14', '2025-09-30')).toBe(0);
  });

  test('bad input is refused with a clear error', () => {
    expect(() => addWorkingDays('2025-09-30', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('30/09/2025', 1)).toThrow(/not a date/);
  });

  describe('a year the shipped official calendar does not hold yet (2027 with chinese-days 1.5.7)', () => {
    test('the calendar says whether it is official; 2026 is, 2027 is not yet', () => {
      expect(isOfficialCalendar('2026-12-31')).toBe(true);
      expect(isOfficialCalendar('2027-01-04')).toBe(false);
    });

    test('放假办法 art. 2 holidays are not working days even before the State Council schedule is known', () => {
      expect(isWorkingDay('2027-01-01')).toBe(false); // 元旦, a Friday
      expect(isWorkingDay('2027-02-05')).toBe(false); // 除夕, a Friday (Spring Festival 2027-02-06)
      expect(isWorkingDay('2027-02-08')).toBe(false); // 正月初三, a Monday
      expect(isWorkingDay('2027-02-09')).toBe(true); // 正月初四
      expect(isWorkingDay('2027-04-05')).toBe(false); // 清明, a Monday
      expect(isWorkingDay('2027-06-09')).toBe(false); // 端午, a Wednesday
      expect(isWorkingDay('2027-09-15')).toBe(false); // 中秋, a Wednesday
      expect(isWorkingDay('2027-10-01')).toBe(false); // 国庆
      expect(isWorkingDay('2027-10-04')).toBe(true); // after the three statutory days (no 调休 known)
      expect(isStatutoryHoliday('2027-05-03')).toBe(false);
    });

    test('a deadline running into 2027 skips New Year\'s Day', () => {
      // Mon 2026-12-28 + 5: Dec 29, 30, 31, (Jan 1 holiday, weekend) Jan 4, Jan 5.
      expect(addWorkingDays('2026-12-28', 5)).toBe('2027-01-05');
      expect(workingDaysBetween('2026-12-31', '2027-01-04')).toBe(1);
    });
  });
});

describe('a loaded official calendar (the authority loads the State Council notice)', () => {
  const y2027 = { year: 2027, version: 2, holidays: ['2027-01-01', '2027-01-04'], workdays: ['2027-01-09'] };
  test('2027 is provisional (statutory holidays only) until a calendar is passed, then official with its version', () => {
    expect(isOfficialCalendar('2027-01-04')).toBe(false);
    expect(calendarVersion('2027-01-04')).toBe('statutory:2027');
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(isOfficialCalendar('2027-01-04', [y2027])).toBe(true);
    expect(calendarVersion('2027-01-04', [y2027])).toBe('official:2027#2');
    expect(addWorkingDays('2026-12-31', 1, [y2027])).toBe('2027-01-05');
    expect(isWorkingDay('2027-01-09', [y2027])).toBe(true);
    expect(calendarVersion('2026-06-01')).toBe('shipped:2026');
  });
  test('installing makes it the process default; an older version never replaces a newer one', () => {
    installOfficialCalendars([y2027]);
    installOfficialCalendars([{ ...y2027, version: 1, holidays: [] }]);
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-05');
    expect(installedOfficialCalendars()).toEqual([y2027]);
  });
});

describe('a deadline one working day ahead (reminders)', () => {
  test('a 2-working-day step opened on Friday 2026-12-04 is due Tuesday 24:00 and reminded Tuesday 00:00 (China), not on the weekend', () => {
    const due = workingDayDeadline(Date.parse('2026-12-04T02:00:00Z'), 2);
    expect(due.toISOString()).toBe('2026-12-08T16:00:00.000Z');
    expect(reminderInstant(due).toISOString()).toBe('2026-12-07T16:00:00.000Z');
    expect(chinaDate(reminderInstant(due))).toBe('2026-12-08');
  });
  test('a 1-working-day step opened on Friday is reminded Monday 00:00', () => {
    expect(chinaDate(reminderInstant(workingDayDeadline(Date.parse('2026-12-04T02:00:00Z'), 1)))).toBe('2026-12-07');
  });
  test('a deadline ending on a day off is reminded at the start of the working day before it; National Day is skipped', () => {
    expect(chinaDate(reminderInstant(Date.parse('2026-12-06T10:00:00Z')))).toBe('2026-12-04'); // Sunday → Friday
    expect(chinaDate(reminderInstant(Date.parse('2025-10-07T16:00:00Z')))).toBe('2025-09-30'); // Oct 8 (off) → Sep 30
  });
});
