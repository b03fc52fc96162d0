import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  ageOn,
  calendarDateAt,
  dateFromDayNumber,
  dayNumber,
  dayOfWeek,
  daysBetween,
  formatDateIndonesian,
  formatDateLongIndonesian,
  isCalendarDate,
  parseCalendarDate,
  parseIndonesianDate,
  workingDaysBetween,
} from './calendar-date';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-1', false],
    ['1899-12-31', false],
  ])('%s is a real date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it('parses ISO and Indonesian forms and names invalid input', () => {
    expect(parseCalendarDate(' 2024-04-01 ')).toEqual({ ok: true, value: '2024-04-01' });
    expect(parseCalendarDate('2024-02-30')).toMatchObject({ ok: false, code: 'date_invalid' });
    expect(parseIndonesianDate('17-08-1990')).toEqual({ ok: true, value: '1990-08-17' });
    expect(parseIndonesianDate('1/2/2000')).toEqual({ ok: true, value: '2000-02-01' });
    expect(parseIndonesianDate('31-02-2000')).toMatchObject({ ok: false, code: 'date_invalid' });
    expect(formatDateIndonesian('1990-08-17')).toBe('17-08-1990');
    expect(formatDateLongIndonesian('2025-08-17')).toBe('17 Agustus 2025');
  });

  it('counts days from the epoch', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2000-03-01')).toBe(11017);
    expect(dateFromDayNumber(-1)).toBe('1969-12-31');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(dayOfWeek('2025-08-17')).toBe(0); // a Sunday
  });

  it('round-trips day numbers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2199-12-31') }), (days) => {
        expect(dayNumber(dateFromDayNumber(days))).toBe(days);
      }),
    );
  });

  it('adds days and months, clamping to the month end', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonths('2024-03-15', -3)).toBe('2023-12-15');
  });

  it.each([
    ['1968-05-10', '2024-05-09', 55],
    ['1968-05-10', '2024-05-10', 56],
    ['2000-02-29', '2021-02-28', 21],
    ['2000-02-29', '2021-02-27', 20],
  ])('born %s is %i on %s', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it('reads the WIB calendar date of an instant', () => {
    expect(calendarDateAt(Date.UTC(2025, 0, 1, 16, 59))).toBe('2025-01-01');
    expect(calendarDateAt(Date.UTC(2025, 0, 1, 17, 0))).toBe('2025-01-02');
    expect(calendarDateAt(Date.UTC(2025, 0, 1, 17, 0), 0)).toBe('2025-01-01');
  });

  it('counts working days, skipping weekends and given holidays', () => {
    const holidays = new Set(['2025-08-18']);
    expect(addWorkingDays('2025-08-15', 1)).toBe('2025-08-18'); // Friday → Monday
    expect(addWorkingDays('2025-08-15', 1, holidays)).toBe('2025-08-19');
    expect(addWorkingDays('2025-08-15', 5, holidays)).toBe('2025-08-25');
    expect(workingDaysBetween('2025-08-15', '2025-08-25', holidays)).toBe(5);
    expect(workingDaysBetween('2025-08-25', '2025-08-15')).toBe(0);
  });
});
