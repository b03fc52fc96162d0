import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyBasisPoints,
  applyFraction,
  divideRounded,
  roundByRule,
  roundDownTo,
  roundHalfUpTo,
  roundToStep,
  roundUpTo,
  roundingRules,
  type RoundingMode,
} from './rounding';

describe('divideRounded', () => {
  it.each<[bigint, bigint, RoundingMode, bigint]>([
    [7n, 2n, 'floor', 3n],
    [7n, 2n, 'ceil', 4n],
    [7n, 2n, 'half_up', 4n],
    [7n, 2n, 'half_even', 4n],
    [5n, 2n, 'half_even', 2n],
    [-7n, 2n, 'floor', -4n],
    [-7n, 2n, 'ceil', -3n],
    [-7n, 2n, 'half_up', -4n],
    [-5n, 2n, 'half_even', -2n],
    [10n, 3n, 'half_up', 3n],
    [11n, 3n, 'half_up', 4n],
    [6n, 3n, 'ceil', 2n],
    [7n, -2n, 'floor', -4n],
  ])('%s / %s %s → %s', (numerator, denominator, mode, expected) => {
    expect(divideRounded(numerator, denominator, mode)).toBe(expected);
  });

  it('refuses division by zero as a programmer error', () => {
    expect(() => divideRounded(1n, 0n, 'floor')).toThrow(/division by zero/);
  });

  const modes: RoundingMode[] = ['floor', 'ceil', 'half_up', 'half_even'];
  it('stays within one unit of the exact quotient, and floor ≤ result ≤ ceil (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }),
        fc.bigInt({ min: 1n, max: 10n ** 9n }),
        fc.constantFrom(...modes),
        (numerator, denominator, mode) => {
          const result = divideRounded(numerator, denominator, mode);
          const floor = divideRounded(numerator, denominator, 'floor');
          expect(floor * denominator <= numerator).toBe(true);
          expect((floor + 1n) * denominator > numerator).toBe(true);
          expect(result === floor || result === floor + 1n).toBe(true);
          const twiceRemainder = 2n * (numerator - result * denominator);
          if (mode === 'half_up' || mode === 'half_even') {
            expect(twiceRemainder <= denominator && twiceRemainder >= -denominator).toBe(true);
          }
        },
      ),
    );
  });

  it('is exact when the division is exact (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        fc.constantFrom(...modes),
        (quotient, denominator, mode) => {
          expect(divideRounded(quotient * denominator, denominator, mode)).toBe(quotient);
        },
      ),
    );
  });
});

describe('basis points and steps', () => {
  it.each([
    [5_000_000, 200, 'half_up', 100_000],
    [5_000_000, 370, 'half_up', 185_000],
    [5_000_123, 200, 'half_up', 100_002],
    [5_000_125, 200, 'half_up', 100_003],
    [5_000_125, 200, 'floor', 100_002],
    [1_000_000, 100, 'floor', 10_000],
  ] as const)('%i × %i bp (%s) = %i', (amount, rate, mode, expected) => {
    expect(applyBasisPoints(amount, rate, mode)).toBe(expected);
  });

  it('rounds to Rp100 steps: JP cap down, JP limits up', () => {
    expect(roundDownTo(8_939_722, 100)).toBe(8_939_700);
    expect(roundUpTo(393_406, 100)).toBe(393_500);
    expect(roundUpTo(393_400, 100)).toBe(393_400);
    expect(roundHalfUpTo(150, 100)).toBe(200);
    expect(roundHalfUpTo(149, 100)).toBe(100);
    expect(roundToStep(-150, 100, 'half_up')).toBe(-200);
  });

  it('rounds by named rule: B/1328/022020 example 8,939,722 → 8,939,700', () => {
    expect(roundingRules.jpWageCap.mode).toBe('floor');
    expect(roundByRule('jpWageCap', 8_939_722n, 1n)).toBe(8_939_700);
    expect(roundByRule('jpBenefitLimit', 393_406n, 1n)).toBe(393_500);
  });

  it('applies exact fractions (1% × 180/12 months)', () => {
    expect(applyFraction(5_000_000, 180, 1200, 'half_up')).toBe(750_000);
    expect(applyFraction(1, 1, 3, 'half_up')).toBe(0);
  });

  it('never loses precision near fund-size amounts (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 50 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amount, rate) => {
          const result = applyBasisPoints(amount, rate, 'floor');
          const exact = (BigInt(amount) * BigInt(rate)) / 10_000n;
          expect(BigInt(result)).toBe(exact);
        },
      ),
    );
  });

  it('steps round to a multiple of the step, within one step (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (amount) => {
        const down = roundDownTo(amount, 100);
        const up = roundUpTo(amount, 100);
        expect(down % 100).toBe(0);
        expect(up % 100).toBe(0);
        expect(down <= amount && amount <= up).toBe(true);
        expect(up - down).toBe(amount % 100 === 0 ? 0 : 100);
      }),
    );
  });

  it('refuses a non-integer rate as a programmer error', () => {
    expect(() => applyBasisPoints(1000, 0.5, 'floor')).toThrow();
    expect(() => applyBasisPoints(0.5, 1, 'floor')).toThrow();
  });
});
