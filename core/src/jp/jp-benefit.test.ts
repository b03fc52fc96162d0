import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { estimateJpBenefit, type JpWageYear } from './jp-benefit';
import { estimateJpSurvivorBenefit } from './jp-survivor';
import { pensionDateFor } from './pension-age';

const years = (from: number, count: number, wage: number, months = 12): JpWageYear[] =>
  Array.from({ length: count }, (_, index) => ({ year: from + index, wageMonthlyRupiah: wage, months }));
const noInflation: Record<number, number> = Object.fromEntries(
  Array.from({ length: 100 }, (_, index) => [2000 + index, 0]),
);

describe('pension date (PP 45/2015 art. 15)', () => {
  it.each([
    ['1959-01-01', 56, '2015-01-01'], // before JP existed: the first pension age
    ['1962-03-01', 56, '2018-03-01'],
    ['1963-06-01', 57, '2020-06-01'], // 56 in 2019 is too young: the age was already 57
    ['1966-06-01', 58, '2024-06-01'],
    ['1967-06-01', 59, '2026-06-01'],
    ['1968-12-31', 59, '2027-12-31'], // turns 59 on the last day of the 59 era
    ['1969-01-01', 60, '2029-01-01'],
    ['1980-01-01', 65, '2045-01-01'],
    ['1990-05-05', 65, '2055-05-05'],
  ])('born %s: age %i on %s', (birthDate, pensionAgeYears, pensionDate) => {
    expect(pensionDateFor(birthDate, defaultRuleBook)).toEqual({ pensionAgeYears, pensionDate });
  });
});

describe('JP old-age benefit (PP 45/2015 art. 17–18)', () => {
  it('1% × 15 years × 5,000,000 = 750,000 a month (within 2024 limits)', () => {
    const result = estimateJpBenefit(
      {
        wages: years(2009, 15, 5_000_000),
        inflationBasisPointsByYear: noInflation,
        benefitStartDate: '2024-06-01',
      },
      defaultRuleBook,
    );
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'monthly',
        contributionMonths: 180,
        monthsCounted: 180,
        averageIndexedWageMonthlyRupiah: 5_000_000,
        formulaMonthlyRupiah: 750_000,
        minimumMonthlyRupiah: 393_500,
        maximumMonthlyRupiah: 4_718_200,
        monthlyRupiah: 750_000,
        limitedBy: null,
      },
    });
  });

  it('indexes earlier wages with inflation before averaging', () => {
    // 2022 wage indexed by 2022 and 2023 inflation: 1,000,000 × 1.0551 × 1.0261 = 1,082,638.11
    const result = estimateJpBenefit(
      {
        wages: [{ year: 2022, wageMonthlyRupiah: 1_000_000, months: 12 }, ...years(2023, 14, 0)],
        inflationBasisPointsByYear: { ...noInflation, 2022: 551, 2023: 261 },
        benefitStartDate: '2037-01-01',
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({ ok: true, value: { kind: 'monthly', contributionMonths: 180 } });
  });

  it.each([
    [1_000_000, 'minimum', 393_500],
    [40_000_000, 'maximum', 4_718_200],
  ] as const)('wage %i is lifted/capped to the %s', (wage, limitedBy, monthly) => {
    const result = estimateJpBenefit(
      {
        wages: years(2009, 15, wage),
        inflationBasisPointsByYear: noInflation,
        benefitStartDate: '2024-06-01',
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({ ok: true, value: { limitedBy, monthlyRupiah: monthly } });
  });

  it('under 180 months pays a lump sum', () => {
    const result = estimateJpBenefit(
      {
        wages: years(2010, 14, 5_000_000, 12).concat([
          { year: 2024, wageMonthlyRupiah: 5_000_000, months: 11 },
        ]),
        inflationBasisPointsByYear: noInflation,
        benefitStartDate: '2025-06-01',
        accountBalanceRupiah: 30_000_000,
      },
      defaultRuleBook,
    );
    expect(result).toEqual({
      ok: true,
      value: { kind: 'lump_sum', contributionMonths: 179, lumpSumRupiah: 30_000_000 },
    });
  });

  it('names missing inflation and empty history', () => {
    expect(
      estimateJpBenefit(
        {
          wages: years(2010, 15, 1),
          inflationBasisPointsByYear: {},
          benefitStartDate: '2025-01-01',
        },
        defaultRuleBook,
      ),
    ).toMatchObject({ ok: false, code: 'jp_inflation_missing', params: { year: 2010 } });
    expect(
      estimateJpBenefit(
        { wages: [], inflationBasisPointsByYear: {}, benefitStartDate: '2025-01-01' },
        defaultRuleBook,
      ),
    ).toMatchObject({
      code: 'jp_no_contributions',
    });
    expect(
      estimateJpBenefit(
        {
          wages: years(2010, 1, 1, 13),
          inflationBasisPointsByYear: {},
          benefitStartDate: '2010-01-01',
        },
        defaultRuleBook,
      ),
    ).toMatchObject({ code: 'benefit_input_invalid' });
  });
});

describe('JP survivor benefit (Permenaker 29/2015 art. 26; shares L)', () => {
  const base = {
    inflationBasisPointsByYear: noInflation,
    memberBirthDate: '1985-01-01',
    deathDate: '2025-06-01',
  };

  it('early death after 5 full years counts as 15 years', () => {
    const result = estimateJpSurvivorBenefit(
      {
        ...base,
        beneficiary: 'spouse',
        wages: years(2020, 5, 6_000_000),
        membershipStartDate: '2020-01-01',
      },
      defaultRuleBook,
    );
    // 1% × 15 × 6,000,000 = 900,000; spouse 50%
    expect(result).toMatchObject({
      ok: true,
      value: { isDeemedFifteenYears: true, baseMonthlyRupiah: 900_000, monthlyRupiah: 450_000 },
    });
  });

  it('low contribution density pays a lump sum instead', () => {
    const result = estimateJpSurvivorBenefit(
      {
        ...base,
        beneficiary: 'spouse',
        wages: years(2020, 3, 6_000_000),
        membershipStartDate: '2015-07-01',
        accountBalanceRupiah: 7_000_000,
      },
      defaultRuleBook,
    );
    expect(result).toEqual({
      ok: true,
      value: { kind: 'lump_sum', contributionMonths: 36, lumpSumRupiah: 7_000_000 },
    });
  });

  it('a child benefit ends at 23', () => {
    const result = estimateJpSurvivorBenefit(
      {
        ...base,
        beneficiary: 'child',
        beneficiaryBirthDate: '2010-03-04',
        wages: years(2020, 5, 6_000_000),
        membershipStartDate: '2020-01-01',
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({
      ok: true,
      value: { endsOn: '2033-03-04', endsWhen: 'age_23_work_or_marriage' },
    });
  });
});
