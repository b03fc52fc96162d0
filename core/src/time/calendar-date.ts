// Calendar dates as 'YYYY-MM-DD' strings, with integer day arithmetic and no clock or time zone.
import { err, ok, assert, type Result } from '../result';

/** A real Gregorian date written 'YYYY-MM-DD' (years 1900–2199). */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  assert(Number.isInteger(month) && month >= 1 && month <= 12, `month out of range: ${month}`);
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** Builds a date from parts; null when the parts are not a real date. */
export function dateFromParts(year: number, month: number, day: number): CalendarDate | null {
  return isValidDateParts(year, month, day) ? `${year}-${pad2(month)}-${pad2(day)}` : null;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  return match !== null && isValidDateParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function assertCalendarDate(value: string, name = 'date'): asserts value is CalendarDate {
  assert(isCalendarDate(value), `${name} must be a real date 'YYYY-MM-DD', got '${value}'`);
}

export type DateParts = { readonly year: number; readonly month: number; readonly day: number };

export function dateParts(date: CalendarDate): DateParts {
  assertCalendarDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Parses 'YYYY-MM-DD' (surrounding spaces allowed). */
export function parseCalendarDate(text: string): Result<CalendarDate, 'date_invalid'> {
  const trimmed = text.trim();
  return isCalendarDate(trimmed) ? ok(trimmed) : err('date_invalid', { input: text.slice(0, 40) });
}

/** Parses the Indonesian form 'DD-MM-YYYY' (also with '/' or '.' as separator), as typed in SMS. */
export function parseIndonesianDate(text: string): Result<CalendarDate, 'date_invalid'> {
  const match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text.trim());
  const date = match ? dateFromParts(Number(match[3]), Number(match[2]), Number(match[1])) : null;
  return date === null ? err('date_invalid', { input: text.slice(0, 40) }) : ok(date);
}

/** 'YYYY-MM-DD' → 'DD-MM-YYYY'. */
export function formatDateIndonesian(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${pad2(day)}-${pad2(month)}-${year}`;
}

export const indonesianMonthNames = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** 'YYYY-MM-DD' → '17 Agustus 2025'. */
export function formatDateLongIndonesian(date: CalendarDate): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${indonesianMonthNames[month - 1] ?? ''} ${year}`;
}

/** Days since 1970-01-01 (negative before), by the proleptic Gregorian civil-date algorithm. */
export function dayNumber(date: CalendarDate): number {
  const { year, month, day } = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function dateFromDayNumber(days: number): CalendarDate {
  assert(Number.isSafeInteger(days), `day number must be an integer, got ${days}`);
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const date = dateFromParts(year, month, day);
  assert(date !== null, `day number ${days} is outside the supported years`);
  return date;
}

/** The calendar date of an instant (ms since the epoch) in a fixed UTC offset; WIB (+07:00) by default. */
export function calendarDateAt(epochMs: number, utcOffsetMinutes = 420): CalendarDate {
  assert(Number.isFinite(epochMs), 'epochMs must be finite');
  return dateFromDayNumber(Math.floor((epochMs + utcOffsetMinutes * 60_000) / 86_400_000));
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  assertCalendarDate(a, 'a');
  assertCalendarDate(b, 'b');
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return dateFromDayNumber(dayNumber(date) + days);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  assert(Number.isSafeInteger(months), `months must be an integer, got ${months}`);
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const result = dateFromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
  assert(result !== null, `adding ${months} months to ${date} leaves the supported years`);
  return result;
}

export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/** Completed years of age on a date; someone born on 29 Feb has a birthday on 28 Feb in common years. */
export function ageOn(birthDate: CalendarDate, onDate: CalendarDate): number {
  const birth = dateParts(birthDate);
  const on = dateParts(onDate);
  let age = on.year - birth.year;
  if (compareDates(addYears(birthDate, age), onDate) > 0) age -= 1;
  return age;
}

/** The date someone reaches an age (their birthday that year). */
export function dateOfAge(birthDate: CalendarDate, ageYears: number): CalendarDate {
  return addYears(birthDate, ageYears);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** Monday to Friday and not a listed public holiday (holidays are data the caller passes in). */
export function isWorkingDay(date: CalendarDate, holidays: ReadonlySet<CalendarDate> = new Set()): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !holidays.has(date);
}

/** The date n working days after `date` (n ≥ 0; 0 returns the date itself). */
export function addWorkingDays(
  date: CalendarDate,
  workingDays: number,
  holidays: ReadonlySet<CalendarDate> = new Set(),
): CalendarDate {
  assert(
    Number.isSafeInteger(workingDays) && workingDays >= 0 && workingDays <= 3650,
    'workingDays out of range',
  );
  let current = date;
  let remaining = workingDays;
  while (remaining > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, holidays)) remaining -= 1;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when to ≤ from). */
export function workingDaysBetween(
  from: CalendarDate,
  to: CalendarDate,
  holidays: ReadonlySet<CalendarDate> = new Set(),
): number {
  const span = daysBetween(from, to);
  assert(span <= 36_600, 'range too long');
  let count = 0;
  for (let offset = 1; offset <= span; offset += 1) {
    if (isWorkingDay(addDays(from, offset), holidays)) count += 1;
  }
  return count;
}
