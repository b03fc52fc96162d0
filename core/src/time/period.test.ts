import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  comparePeriods,
  dayInPeriod,
  formatPeriodIndonesian,
  formatPeriodShort,
  lastDayOfPeriod,
  monthsBetween,
  nextPeriod,
  parsePeriod,
  periodOf,
  periodRange,
  prevPeriod,
} from './period';

describe('periods', () => {
  it.each([
    ['2020-08', '2020-08'],
    ['08-2020', '2020-08'],
    ['8/2020', '2020-08'],
  ])('parses %s', (text, period) => {
    expect(parsePeriod(text)).toEqual({ ok: true, value: period });
  });

  it.each(['2020-13', '2020-8', '13-2020', '', '2020-00'])('refuses %s', (text) => {
    expect(parsePeriod(text)).toMatchObject({ ok: false, code: 'period_invalid' });
  });

  it('steps, compares and ranges', () => {
    expect(nextPeriod('2020-12')).toBe('2021-01');
    expect(prevPeriod('2021-01')).toBe('2020-12');
    expect(addPeriods('2024-03', -15)).toBe('2022-12');
    expect(comparePeriods('2020-12', '2021-01')).toBe(-1);
    expect(comparePeriods('2021-01', '2021-01')).toBe(0);
    expect(monthsBetween('2020-08', '2021-01')).toBe(5);
    expect(periodRange('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
    expect(periodRange('2021-02', '2021-01')).toEqual([]);
    expect(() => periodRange('1900-01', '2199-12')).toThrow(/limit/);
  });

  it('maps to days and text', () => {
    expect(periodOf('2024-04-30')).toBe('2024-04');
    expect(lastDayOfPeriod('2024-02')).toBe('2024-02-29');
    expect(dayInPeriod('2021-02', 30)).toBe('2021-02-28');
    expect(formatPeriodIndonesian('2020-08')).toBe('Agustus 2020');
    expect(formatPeriodShort('2020-08')).toBe('08-2020');
  });
});
