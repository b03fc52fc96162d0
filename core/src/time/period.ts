// Contribution periods (months) as 'YYYY-MM' strings.
import { err, ok, assert, type Result } from '../result';
import { daysInMonth, indonesianMonthNames, type CalendarDate } from './calendar-date';

/** A month written 'YYYY-MM' (years 1900–2199). */
export type Period = string;

const PERIOD = /^(\d{4})-(\d{2})$/;
/** Longest range periodRange will build: a century of months. */
export const MAX_PERIOD_RANGE_MONTHS = 1200;

export function isPeriod(value: unknown): value is Period {
  if (typeof value !== 'string') return false;
  const match = PERIOD.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return year >= 1900 && year <= 2199 && month >= 1 && month <= 12;
}

export function assertPeriod(value: string, name = 'period'): asserts value is Period {
  assert(isPeriod(value), `${name} must be 'YYYY-MM', got '${value}'`);
}

/** Parses 'YYYY-MM'; also accepts the Indonesian 'MM-YYYY' and 'MM/YYYY'. */
export function parsePeriod(text: string): Result<Period, 'period_invalid'> {
  const trimmed = text.trim();
  if (isPeriod(trimmed)) return ok(trimmed);
  const match = /^(\d{1,2})[-/](\d{4})$/.exec(trimmed);
  const candidate = match ? `${match[2]}-${(match[1] ?? '').padStart(2, '0')}` : '';
  return isPeriod(candidate) ? ok(candidate) : err('period_invalid', { input: text.slice(0, 40) });
}

function periodIndex(period: Period): number {
  assertPeriod(period);
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

function periodFromIndex(index: number): Period {
  const year = Math.floor(index / 12);
  const period = `${year}-${String((index % 12) + 1).padStart(2, '0')}`;
  assertPeriod(period);
  return period;
}

export function periodOf(date: CalendarDate): Period {
  const period = date.slice(0, 7);
  assertPeriod(period);
  return period;
}

export function periodFromParts(year: number, month: number): Period {
  const period = `${year}-${String(month).padStart(2, '0')}`;
  assertPeriod(period);
  return period;
}

export function periodYear(period: Period): number {
  assertPeriod(period);
  return Number(period.slice(0, 4));
}

export function periodMonth(period: Period): number {
  assertPeriod(period);
  return Number(period.slice(5, 7));
}

export function addPeriods(period: Period, months: number): Period {
  assert(Number.isSafeInteger(months), `months must be an integer, got ${months}`);
  return periodFromIndex(periodIndex(period) + months);
}

export function nextPeriod(period: Period): Period {
  return addPeriods(period, 1);
}

export function prevPeriod(period: Period): Period {
  return addPeriods(period, -1);
}

export function comparePeriods(a: Period, b: Period): -1 | 0 | 1 {
  const difference = periodIndex(a) - periodIndex(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** Months from a to b (positive when b is later): '2024-01' → '2024-03' is 2. */
export function monthsBetween(a: Period, b: Period): number {
  return periodIndex(b) - periodIndex(a);
}

/** Every period from `from` to `to`, both included; empty when to is before from. */
export function periodRange(from: Period, to: Period): Period[] {
  const count = monthsBetween(from, to) + 1;
  assert(count <= MAX_PERIOD_RANGE_MONTHS, `period range ${from}..${to} is longer than the limit`);
  const start = periodIndex(from);
  return Array.from({ length: Math.max(0, count) }, (_, offset) => periodFromIndex(start + offset));
}

export function firstDayOfPeriod(period: Period): CalendarDate {
  assertPeriod(period);
  return `${period}-01`;
}

export function lastDayOfPeriod(period: Period): CalendarDate {
  const days = daysInMonth(periodYear(period), periodMonth(period));
  return `${period}-${String(days).padStart(2, '0')}`;
}

/** A day of the period's month, clamped to its last day (the 30th of February is the 28th/29th). */
export function dayInPeriod(period: Period, day: number): CalendarDate {
  assert(Number.isInteger(day) && day >= 1 && day <= 31, `day out of range: ${day}`);
  const days = daysInMonth(periodYear(period), periodMonth(period));
  return `${period}-${String(Math.min(day, days)).padStart(2, '0')}`;
}

/** '2020-08' → 'Agustus 2020'. */
export function formatPeriodIndonesian(period: Period): string {
  return `${indonesianMonthNames[periodMonth(period) - 1] ?? ''} ${periodYear(period)}`;
}

/** '2020-08' → '08-2020'. */
export function formatPeriodShort(period: Period): string {
  return `${period.slice(5, 7)}-${period.slice(0, 4)}`;
}
