import { describe, expect, it } from 'vitest';
import {
  basisPointsToPercentText,
  compactUnitsEn,
  compactUnitsId,
  formatBasisPoints,
  formatInteger,
  formatRupiah,
  formatRupiahCompact,
  parsePercentToBasisPoints,
} from './money';

describe('formatRupiah', () => {
  it.each([
    [0, 'Rp 0'],
    [7, 'Rp 7'],
    [999, 'Rp 999'],
    [1000, 'Rp 1.000'],
    [1_234_567, 'Rp 1.234.567'],
    [-1500, '-Rp 1.500'],
    [Number.MAX_SAFE_INTEGER, 'Rp 9.007.199.254.740.991'],
  ])('%d → %s', (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it('formats amounts beyond 2^53 given as bigint, exactly', () => {
    expect(formatRupiah(1_000_000_000_000_000_001n)).toBe('Rp 1.000.000.000.000.000.001');
  });

  it.each([0.5, 1.1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('refuses %d', (amount) => {
    expect(() => formatRupiah(amount)).toThrow(RangeError);
  });
});

describe('formatInteger', () => {
  it('groups with dots', () => {
    expect(formatInteger(65_220_000)).toBe('65.220.000');
    expect(formatInteger(-12)).toBe('-12');
  });
});

describe('formatRupiahCompact', () => {
  it.each([
    [950, 'Rp 950'],
    [15_000, 'Rp 15 rb'],
    [12_345_678, 'Rp 12,3 jt'],
    [12_399_999, 'Rp 12,3 jt'],
    [1_500_000_000, 'Rp 1,5 M'],
    [-2_000_000, '-Rp 2 jt'],
  ])('%d → %s (id)', (amount, text) => {
    expect(formatRupiahCompact(amount, compactUnitsId)).toBe(text);
  });

  it('uses English units and decimal point', () => {
    expect(formatRupiahCompact(12_345_678, compactUnitsEn, '.')).toBe('Rp 12.3 m');
  });
});

describe('basis points', () => {
  it.each([
    [550, '5,50%'],
    [5, '0,05%'],
    [1000, '10,00%'],
    [-125, '-1,25%'],
  ])('%d bp → %s', (bp, text) => {
    expect(formatBasisPoints(bp)).toBe(text);
  });

  it.each([
    ['5', 500],
    ['5,5', 550],
    ['5.25', 525],
    [' 10 % ', 1000],
    ['-1,5', -150],
    ['0,05', 5],
  ])('parses %s → %d bp', (text, bp) => {
    expect(parsePercentToBasisPoints(text)).toBe(bp);
  });

  it.each(['', 'abc', '5,555', '1e3', '5,5,5'])('refuses %s', (text) => {
    expect(parsePercentToBasisPoints(text)).toBeNull();
  });

  it.each([
    [500, ',', '5'],
    [550, ',', '5,5'],
    [525, '.', '5.25'],
    [5, ',', '0,05'],
    [0, ',', '0'],
    [-2000, ',', '-20'],
    [-150, '.', '-1.5'],
  ])('%d bp with decimal mark %s is typed as %s', (bp, mark, text) => {
    expect(basisPointsToPercentText(bp, mark)).toBe(text);
    expect(parsePercentToBasisPoints(text)).toBe(bp);
  });
});
