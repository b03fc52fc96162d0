import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calculateDevelopmentReturn,
  compoundDevelopmentReturns,
  type AccrualBasis,
} from './development-return';

const monthlyPostings = (year: number, amount: number) =>
  Array.from({ length: 12 }, (_, index) => ({
    date: `${year}-${String(index + 1).padStart(2, '0')}-15`,
    amountRupiah: amount,
  }));

describe('JHT development return', () => {
  it.each<[AccrualBasis, number]>([
    // opening 100,000,000 at 5.63% (2020) = 5,630,000; 12 × 285,000 postings weighted by basis.
    ['monthly_balance_weighted', 5_630_000 + Math.floor((285_000 * 66 * 563) / 120_000)],
    ['opening_balance_only', 5_630_000],
  ])('%s', (accrualBasis, expected) => {
    const result = calculateDevelopmentReturn({
      year: 2020,
      openingBalanceRupiah: 100_000_000,
      postings: monthlyPostings(2020, 285_000),
      rateBasisPoints: 563,
      accrualBasis,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { returnRupiah: expected, netPostingsRupiah: 3_420_000 },
    });
    if (result.ok) expect(result.value.closingBalanceRupiah).toBe(100_000_000 + 3_420_000 + expected);
  });

  it('daily basis: a posting on 1 January earns the full year, on 31 December one day', () => {
    const full = calculateDevelopmentReturn({
      year: 2023,
      openingBalanceRupiah: 0,
      postings: [{ date: '2023-01-01', amountRupiah: 1_000_000 }],
      rateBasisPoints: 1000,
      accrualBasis: 'daily_balance_weighted',
    });
    expect(full).toMatchObject({ ok: true, value: { returnRupiah: 100_000 } });
    const lastDay = calculateDevelopmentReturn({
      year: 2024,
      openingBalanceRupiah: 0,
      postings: [{ date: '2024-12-31', amountRupiah: 3_660_000 }],
      rateBasisPoints: 1000,
      accrualBasis: 'daily_balance_weighted',
    });
    expect(lastDay).toMatchObject({ ok: true, value: { returnRupiah: 1_000 } });
  });

  it('defaults to monthly balance weighting and rounds down once', () => {
    const result = calculateDevelopmentReturn({
      year: 2016,
      openingBalanceRupiah: 1_000,
      postings: [],
      rateBasisPoints: 719,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { returnRupiah: 71, accrualBasis: 'monthly_balance_weighted' },
    });
  });

  it('withdrawals reduce the earning balance', () => {
    const result = calculateDevelopmentReturn({
      year: 2024,
      openingBalanceRupiah: 12_000_000,
      postings: [{ date: '2024-06-10', amountRupiah: -1_200_000 }],
      rateBasisPoints: 1000,
    });
    // 12,000,000 × 10% − 1,200,000 × 10% × 6/12
    expect(result).toMatchObject({
      ok: true,
      value: { returnRupiah: 1_140_000, closingBalanceRupiah: 11_940_000 },
    });
  });

  it.each([
    [{ rateBasisPoints: -1 }, 'jht_return_rate_invalid'],
    [{ rateBasisPoints: 5.5 }, 'jht_return_rate_invalid'],
    [{ postings: [{ date: '2023-12-31', amountRupiah: 1 }] }, 'jht_posting_outside_year'],
    [{ postings: [{ date: '2024-02-30', amountRupiah: 1 }] }, 'jht_posting_outside_year'],
    [{ postings: [{ date: '2024-03-01', amountRupiah: -2_000 }] }, 'jht_balance_negative'],
    [{ postings: [{ date: '2024-03-01', amountRupiah: 0.5 }] }, 'jht_amount_invalid'],
    [{ openingBalanceRupiah: -1 }, 'jht_balance_negative'],
  ])('refuses %o with %s', (override, code) => {
    const input = {
      year: 2024,
      openingBalanceRupiah: 1_000,
      postings: [],
      rateBasisPoints: 500,
      ...override,
    };
    expect(calculateDevelopmentReturn(input)).toMatchObject({ ok: false, code });
  });

  it('compounds year over year', () => {
    const result = compoundDevelopmentReturns({
      openingBalanceRupiah: 10_000_000,
      years: [
        { year: 2020, rateBasisPoints: 1000, postings: [] },
        { year: 2021, rateBasisPoints: 1000, postings: [] },
      ],
    });
    expect(result.ok && result.value.map((y) => y.closingBalanceRupiah)).toEqual([11_000_000, 12_100_000]);
    expect(
      compoundDevelopmentReturns({
        openingBalanceRupiah: 0,
        years: [
          { year: 2020, rateBasisPoints: 1, postings: [] },
          { year: 2022, rateBasisPoints: 1, postings: [] },
        ],
      }),
    ).toMatchObject({ ok: false, code: 'jht_years_not_consecutive' });
  });

  it('never credits more than the rate on the highest balance, nor a negative amount (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.array(
          fc.record({ month: fc.integer({ min: 1, max: 12 }), amount: fc.integer({ min: 0, max: 10 ** 9 }) }),
          {
            maxLength: 24,
          },
        ),
        fc.integer({ min: 0, max: 2000 }),
        fc.constantFrom<AccrualBasis>(
          'monthly_balance_weighted',
          'daily_balance_weighted',
          'opening_balance_only',
        ),
        (opening, moves, rate, accrualBasis) => {
          const postings = moves.map((m) => ({
            date: `2024-${String(m.month).padStart(2, '0')}-10`,
            amountRupiah: m.amount,
          }));
          const result = calculateDevelopmentReturn({
            year: 2024,
            openingBalanceRupiah: opening,
            postings,
            rateBasisPoints: rate,
            accrualBasis,
          });
          if (!result.ok) throw new Error(result.code);
          const highest = opening + moves.reduce((sum, m) => sum + m.amount, 0);
          expect(result.value.returnRupiah).toBeGreaterThanOrEqual(Math.floor((opening * rate) / 10_000));
          expect(result.value.returnRupiah).toBeLessThanOrEqual(Math.floor((highest * rate) / 10_000));
        },
      ),
    );
  });
});
