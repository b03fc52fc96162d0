import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRupiah, isRupiah, multiplyRupiah, parseRupiah, sumRupiah, subtractRupiah } from './rupiah';

describe('rupiah', () => {
  it('accepts safe integers only', () => {
    expect(isRupiah(5_000_000)).toBe(true);
    expect(isRupiah(-1)).toBe(true);
    expect(isRupiah(0.5)).toBe(false);
    expect(isRupiah(2 ** 53)).toBe(false);
    expect(isRupiah('5')).toBe(false);
  });

  it('sums fund-size aggregates exactly and refuses overflow', () => {
    expect(sumRupiah([712_300_000_000_000, 452_200_000_000_000, 1])).toBe(1_164_500_000_000_001);
    expect(() => sumRupiah([Number.MAX_SAFE_INTEGER, 1])).toThrow(/safe integer/);
    expect(() => sumRupiah([0.1, 0.2])).toThrow();
    expect(() => subtractRupiah(Number.MIN_SAFE_INTEGER, 1)).toThrow();
    expect(multiplyRupiah(5_000_000, 48)).toBe(240_000_000);
  });

  it('sum equals the BigInt sum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(10 ** 12), max: 10 ** 12 }), { maxLength: 50 }), (amounts) => {
        expect(BigInt(sumRupiah(amounts))).toBe(amounts.reduce((total, a) => total + BigInt(a), 0n));
      }),
    );
  });

  it.each([
    [5_000_000, 'Rp5.000.000'],
    [0, 'Rp0'],
    [999, 'Rp999'],
    [-1500, '-Rp1.500'],
    [1_000_000_000_000_000, 'Rp1.000.000.000.000.000'],
  ])('formats %i as %s', (amount, text) => {
    expect(formatRupiah(amount)).toBe(text);
  });

  it.each([
    ['Rp 5.000.000', 5_000_000],
    ['5,000,000', 5_000_000],
    ['5000000', 5_000_000],
    ['rp5.000', 5_000],
    ['5.5', null],
    ['5.000,50', null],
    ['abc', null],
    ['-5', null],
  ])('parses %s', (text, expected) => {
    expect(parseRupiah(text)).toBe(expected);
  });
});
