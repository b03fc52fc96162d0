import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPeriod, parsePeriod, toPeriod } from './date';

const months = [
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
];

describe('formatDate', () => {
  it('reformats a calendar date as DD-MM-YYYY without time zones', () => {
    expect(formatDate('2024-03-07')).toBe('07-03-2024');
    expect(formatDate('1990-12-31')).toBe('31-12-1990');
  });

  it('shows an instant as its date in Jakarta', () => {
    // 18:30 UTC on 31 Dec is already 1 Jan in Jakarta (UTC+7).
    expect(formatDate('2023-12-31T18:30:00Z')).toBe('01-01-2024');
  });

  it('leaves text it cannot read unchanged', () => {
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('formatDateTime', () => {
  it('shows Jakarta time', () => {
    expect(formatDateTime('2024-03-07T01:05:00Z')).toBe('07-03-2024 08:05');
    expect(formatDateTime('2024-03-07T17:00:00.000Z')).toBe('08-03-2024 00:00');
  });
});

describe('periods', () => {
  it('names the month', () => {
    expect(formatPeriod('2024-03', months)).toBe('Maret 2024');
    expect(formatPeriod('2024-12', months)).toBe('Desember 2024');
  });

  it('refuses month 13 and bad text', () => {
    expect(parsePeriod('2024-13')).toBeNull();
    expect(parsePeriod('2024-3')).toBeNull();
    expect(formatPeriod('2024-13', months)).toBe('2024-13');
  });

  it('builds YYYY-MM', () => {
    expect(toPeriod(2024, 3)).toBe('2024-03');
  });
});
