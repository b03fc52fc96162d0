import { describe, expect, it } from 'vitest';
import { defaultRuleBook } from '../rules/rule-book';
import { indexJpPension } from './jp-indexation';

describe('running JP pension indexation (PP 45/2015 art. 17(3), 18)', () => {
  it('raises each year by the past year’s inflation, rounded half up to whole Rupiah', () => {
    const result = indexJpPension(
      {
        firstYearMonthlyRupiah: 1_000_000,
        startYear: 2022,
        toYear: 2024,
        inflationBasisPointsByYear: { 2022: 551, 2023: 261 },
      },
      defaultRuleBook,
    );
    // 1,000,000 × 1.0551 = 1,055,100; × 1.0261 = 1,082,638.11 → 1,082,638
    expect(result).toEqual({
      ok: true,
      value: [
        { year: 2022, monthlyRupiah: 1_000_000, limitedBy: null },
        { year: 2023, monthlyRupiah: 1_055_100, limitedBy: null },
        { year: 2024, monthlyRupiah: 1_082_638, limitedBy: null },
      ],
    });
  });

  it('keeps a small pension at the year’s minimum without compounding the minimum', () => {
    const result = indexJpPension(
      {
        firstYearMonthlyRupiah: 370_000,
        startYear: 2023,
        toYear: 2024,
        inflationBasisPointsByYear: { 2023: 261 },
      },
      defaultRuleBook,
    );
    // 370,000 is below the 2023 minimum 383,400; indexed 379,657 is below the 2024 minimum 393,500.
    expect(result.ok && result.value).toEqual([
      { year: 2023, monthlyRupiah: 383_400, limitedBy: 'minimum' },
      { year: 2024, monthlyRupiah: 393_500, limitedBy: 'minimum' },
    ]);
  });

  it('caps at the year’s maximum', () => {
    const result = indexJpPension(
      {
        firstYearMonthlyRupiah: 4_700_000,
        startYear: 2023,
        toYear: 2024,
        inflationBasisPointsByYear: { 2023: 261 },
      },
      defaultRuleBook,
    );
    expect(result.ok && result.value).toEqual([
      { year: 2023, monthlyRupiah: 4_598_100, limitedBy: 'maximum' },
      { year: 2024, monthlyRupiah: 4_718_200, limitedBy: 'maximum' },
    ]);
  });

  it.each([
    ['a missing inflation year', { inflationBasisPointsByYear: { 2022: 551 } }, 'jp_inflation_missing'],
    ['a negative benefit', { firstYearMonthlyRupiah: -1 }, 'benefit_input_invalid'],
    ['a fractional benefit', { firstYearMonthlyRupiah: 1.5 }, 'benefit_input_invalid'],
    ['years in the wrong order', { startYear: 2025, toYear: 2024 }, 'benefit_input_invalid'],
    ['too many years', { startYear: 2000, toYear: 2100 }, 'benefit_input_invalid'],
  ])('refuses %s with a named error', (_case, change, code) => {
    const result = indexJpPension(
      {
        firstYearMonthlyRupiah: 1_000_000,
        startYear: 2022,
        toYear: 2024,
        inflationBasisPointsByYear: {},
        ...change,
      },
      defaultRuleBook,
    );
    expect(result).toMatchObject({ ok: false, code });
  });
});
