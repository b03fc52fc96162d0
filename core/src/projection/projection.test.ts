import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { projectJhtBalance } from './jht-projection';
import { projectJpPension } from './jp-projection';

describe('JHT projection to age 56', () => {
  const base = {
    asOf: '2025-09-10',
    birthDate: '1970-01-15',
    balanceRupiah: 100_000_000,
    wageMonthlyRupiah: 5_000_000,
    wageGrowthBasisPoints: 0,
    returnBasisPoints: 0,
  };

  it('with no growth and no return it adds 5.7% of the wage per month until the month before 56', () => {
    const result = projectJhtBalance(base, defaultRuleBook);
    // Oct 2025 … Dec 2025: 3 months at 285,000
    expect(result).toMatchObject({
      ok: true,
      value: {
        targetDate: '2026-01-15',
        finalBalanceRupiah: 100_000_000 + 3 * 285_000,
        totalReturnsRupiah: 0,
        assumptions: { targetAgeYears: 56, contributionBasisPoints: 570, returnBasisPoints: 0 },
      },
    });
  });

  it('compounds the return yearly and grows the wage each January', () => {
    const result = projectJhtBalance(
      {
        ...base,
        birthDate: '1971-01-15',
        balanceRupiah: 12_000_000,
        wageMonthlyRupiah: 0,
        returnBasisPoints: 1000,
      },
      defaultRuleBook,
    );
    // 2025 Oct–Dec: 12 m × 10% × 3/12 = 300,000; 2026: 12.3 m × 10% = 1,230,000
    expect(result.ok && result.value.years.map((y) => y.returnRupiah)).toEqual([300_000, 1_230_000]);
    const grown = projectJhtBalance(
      { ...base, birthDate: '1971-03-15', wageGrowthBasisPoints: 1000 },
      defaultRuleBook,
    );
    expect(grown.ok && grown.value.years.map((y) => y.wageMonthlyRupiah)).toEqual([
      5_000_000, 5_500_000, 6_050_000,
    ]);
  });

  it('refuses a target in the past or bad input', () => {
    expect(projectJhtBalance({ ...base, birthDate: '1960-01-01' }, defaultRuleBook)).toMatchObject({
      code: 'projection_horizon_invalid',
    });
    expect(projectJhtBalance({ ...base, balanceRupiah: -1 }, defaultRuleBook)).toMatchObject({
      code: 'benefit_input_invalid',
    });
    expect(projectJhtBalance({ ...base, returnBasisPoints: 0.5 }, defaultRuleBook)).toMatchObject({
      code: 'benefit_input_invalid',
    });
  });
});

describe('JP projection to pension age', () => {
  it("1% × 20 years × capped wage, in today's Rupiah", () => {
    const result = projectJpPension(
      {
        asOf: '2024-12-10',
        birthDate: '1980-01-01', // pension age 65 on 2045-01-01
        contributionMonthsSoFar: 0,
        wageMonthlyRupiah: 12_000_000,
        realWageGrowthBasisPoints: 0,
      },
      defaultRuleBook,
    );
    // Jan 2025 … Dec 2044 = 240 months on the 2024 cap 10,042,300 → 1% × 20 × 10,042,300
    expect(result).toMatchObject({
      ok: true,
      value: {
        pensionAgeYears: 65,
        pensionDate: '2045-01-01',
        contributionMonthsAtPension: 240,
        averageWageRupiah: 10_042_300,
        formulaMonthlyRupiah: 2_008_460,
        monthlyRupiah: 2_008_460,
        isLumpSum: false,
        assumptions: { wageCapTodayRupiah: 10_042_300, pricesBasis: 'today' },
      },
    });
  });

  it('flags a lump sum below 180 months', () => {
    const result = projectJpPension(
      {
        asOf: '2025-01-10',
        birthDate: '1968-06-01',
        contributionMonthsSoFar: 100,
        wageMonthlyRupiah: 5_000_000,
        realWageGrowthBasisPoints: 0,
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { isLumpSum: true, monthlyRupiah: null, pensionAgeYears: 59, contributionMonthsAtPension: 128 },
    });
  });
});
