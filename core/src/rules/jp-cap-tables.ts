// The JP wage cap: a yearly chain cap(t) = cap(t−1) × (1 + GDP growth of t−1), from March each year,
// rounded down to Rp100 (PP 45/2015 art. 29(3)-(4); BPJS circular B/1328/022020).
import { roundByRule, BASIS_POINTS_PER_UNIT } from '../money/rounding';
import { assertRupiah, formatRupiah, type Rupiah } from '../money/rupiah';
import { assert } from '../result';
import { defineRuleTable, type Confidence, type RuleRow } from './rule-table';

export type JpWageCap = { readonly wageCapRupiah: Rupiah };

/** The next year's cap from this year's cap and the previous year's GDP growth (basis points). */
export function nextJpWageCap(previousCapRupiah: Rupiah, gdpGrowthBasisPoints: number): Rupiah {
  assertRupiah(previousCapRupiah, 'previousCapRupiah');
  assert(Number.isSafeInteger(gdpGrowthBasisPoints), 'gdpGrowthBasisPoints must be an integer');
  // PP 45/2015 art. 29(3): cap × (1 + GDP growth); B/1328/022020: rounded down to Rp100.
  return roundByRule(
    'jpWageCap',
    BigInt(previousCapRupiah) * BigInt(BASIS_POINTS_PER_UNIT + gdpGrowthBasisPoints),
    BigInt(BASIS_POINTS_PER_UNIT),
  );
}

export type GdpGrowth = {
  /** The year whose growth it is (BPS, released each February). */
  readonly gdpYear: number;
  readonly growthBasisPoints: number;
  readonly confidence: Confidence;
  readonly source: string;
};

/** GDP growth feeding the cap from March of gdpYear + 1. Recalled BPS figures are confirmed by the chain. */
export const gdpGrowthSeries: readonly GdpGrowth[] = [
  { gdpYear: 2015, growthBasisPoints: 479, confidence: 'M', source: 'BPS; reproduces the sourced 2016 cap' },
  { gdpYear: 2016, growthBasisPoints: 502, confidence: 'M', source: 'BPS; reproduces the sourced 2017 cap' },
  { gdpYear: 2017, growthBasisPoints: 507, confidence: 'M', source: 'BPS; reproduces the sourced 2018 cap' },
  { gdpYear: 2018, growthBasisPoints: 517, confidence: 'M', source: 'BPS; reproduces the sourced 2019 cap' },
  { gdpYear: 2019, growthBasisPoints: 502, confidence: 'M', source: 'BPS; reproduces the sourced 2020 cap' },
  { gdpYear: 2020, growthBasisPoints: -207, confidence: 'M', source: 'FACTS.md §1.2' },
  { gdpYear: 2021, growthBasisPoints: 369, confidence: 'M', source: 'FACTS.md §1.2' },
  { gdpYear: 2022, growthBasisPoints: 531, confidence: 'M', source: 'BPS; reproduces the sourced 2023 cap' },
  { gdpYear: 2023, growthBasisPoints: 505, confidence: 'M', source: 'BPS; reproduces the sourced 2024 cap' },
  { gdpYear: 2024, growthBasisPoints: 503, confidence: 'M', source: 'FACTS.md §1.2 (ktnmedia)' },
];

const capRow = (
  year: number,
  wageCapRupiah: Rupiah,
  confidence: Confidence,
  article: string,
  note?: string,
): RuleRow<JpWageCap> => ({
  value: { wageCapRupiah },
  validFrom: year === 2015 ? '2015-07-01' : `${year}-03-01`,
  validTo: year === 2025 ? null : `${year + 1}-02-${(year + 1) % 4 === 0 ? 29 : 28}`,
  regulation: year === 2015 ? 'PP 45/2015' : 'PP 45/2015 art. 29(3)-(4)',
  article,
  confidence,
  ...(note === undefined ? {} : { note }),
});

export const jpWageCapTable = defineRuleTable<JpWageCap>({
  id: 'jp_wage_cap',
  title: 'JP wage cap (from March each year; 2015 from July)',
  describe: (value) => formatRupiah(value.wageCapRupiah),
  rows: [
    capRow(2015, 7_000_000, 'H', 'art. 29(1) (krishandsoftware.com)'),
    capRow(2016, 7_335_300, 'H', 'yearly adjustment (krishandsoftware.com)'),
    capRow(2017, 7_703_500, 'H', 'yearly adjustment (krishandsoftware.com)'),
    capRow(2018, 8_094_000, 'H', 'yearly adjustment (krishandsoftware.com)'),
    capRow(2019, 8_512_400, 'H', 'yearly adjustment (krishandsoftware.com)'),
    capRow(2020, 8_939_700, 'H', 'BPJS circular B/1328/022020 (8,939,722 → 8,939,700)'),
    capRow(2021, 8_754_600, 'M', 'computed: GDP 2020 −2.07%, the cap went down'),
    capRow(2022, 9_077_600, 'M', 'computed: GDP 2021 +3.69%'),
    capRow(2023, 9_559_600, 'H', 'yearly adjustment (suaraindonesia; krishand.com)'),
    capRow(2024, 10_042_300, 'H', 'yearly adjustment (suaraindonesia; krishand; rbtv)'),
    capRow(
      2025,
      10_547_400,
      'M',
      'computed: GDP 2024 +5.03% (ktnmedia)',
      'The 2026 cap is not sourced: an operator adds it as 10,547,400 × (1 + GDP 2025) from March 2026.',
    ),
  ],
});
