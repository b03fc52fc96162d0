import { describe, expect, it } from 'vitest';
import { jpBenefitLimitTable, nextJpBenefitLimit, pensionAgeTable } from './jp-benefit-tables';
import { gdpGrowthSeries, jpWageCapTable, nextJpWageCap } from './jp-cap-tables';
import { getRuleInForce } from './rule-table';

describe('JP wage cap (PP 45/2015 art. 29(3)-(4))', () => {
  it('B/1328/022020: 8,512,400 × 1.0502 = 8,939,722.48 → 8,939,700', () => {
    expect(nextJpWageCap(8_512_400, 502)).toBe(8_939_700);
  });

  it('rebuilds every row of the table from 7,000,000 with GDP growth, 2015 → 2025', () => {
    let cap = 7_000_000;
    const [first, ...rest] = jpWageCapTable.rows;
    expect(first?.value.wageCapRupiah).toBe(cap);
    rest.forEach((row, index) => {
      const growth = gdpGrowthSeries[index];
      expect(growth?.gdpYear).toBe(2015 + index);
      cap = nextJpWageCap(cap, growth?.growthBasisPoints ?? Number.NaN);
      expect(cap, row.validFrom).toBe(row.value.wageCapRupiah);
    });
    expect(cap).toBe(10_547_400);
  });

  it.each([
    ['2015-07-01', 7_000_000],
    ['2016-02-29', 7_000_000],
    ['2016-03-01', 7_335_300],
    ['2020-03-01', 8_939_700],
    ['2021-03-01', 8_754_600],
    ['2024-02-29', 9_559_600],
    ['2024-04-01', 10_042_300],
    ['2025-03-01', 10_547_400],
  ])('the cap in force on %s is %i', (date, cap) => {
    expect(getRuleInForce(jpWageCapTable, date).value.wageCapRupiah).toBe(cap);
  });
});

describe('JP benefit limits (PP 45/2015 art. 18(3)), rounded up to Rp100', () => {
  it('2023 → 2024 with 2023 inflation 2.61% reproduces the sourced 2024 values', () => {
    expect(nextJpBenefitLimit(383_400, 261)).toBe(393_500);
    expect(nextJpBenefitLimit(4_598_100, 261)).toBe(4_718_200);
  });

  it('2024 → 2025 with 1.57% gives the (L) 2025 defaults', () => {
    const row2024 = getRuleInForce(jpBenefitLimitTable, '2024-06-01').value;
    const row2025 = getRuleInForce(jpBenefitLimitTable, '2025-06-01').value;
    expect(nextJpBenefitLimit(row2024.minimumMonthlyRupiah, 157)).toBe(row2025.minimumMonthlyRupiah);
    expect(nextJpBenefitLimit(row2024.maximumMonthlyRupiah, 157)).toBe(row2025.maximumMonthlyRupiah);
  });

  it('2015 starts at 300,000 – 3,600,000', () => {
    expect(getRuleInForce(jpBenefitLimitTable, '2015-07-01').value).toEqual({
      minimumMonthlyRupiah: 300_000,
      maximumMonthlyRupiah: 3_600_000,
    });
  });
});

describe('pension age (PP 45/2015 art. 15)', () => {
  it.each([
    ['2018-12-31', 56],
    ['2019-01-01', 57],
    ['2024-06-01', 58],
    ['2025-01-01', 59],
    ['2027-12-31', 59],
    ['2028-01-01', 60],
    ['2042-12-31', 64],
    ['2043-01-01', 65],
    ['2080-01-01', 65],
  ])('on %s it is %i', (date, age) => {
    expect(getRuleInForce(pensionAgeTable, date).value.pensionAgeYears).toBe(age);
  });
});
