// JP benefit rules: minimum/maximum monthly benefit, pension age, formula constants, survivor shares.
import { roundByRule, BASIS_POINTS_PER_UNIT } from '../money/rounding';
import { assertRupiah, formatRupiah, type Rupiah } from '../money/rupiah';
import { assert } from '../result';
import { formatBasisPoints as pct } from './describe';
import { PROGRAMMES_START_DATE } from './pu-rate-tables';
import { defineRuleTable, type Confidence, type RuleRow } from './rule-table';

export type JpBenefitLimit = { readonly minimumMonthlyRupiah: Rupiah; readonly maximumMonthlyRupiah: Rupiah };

/** Next year's limit from this year's and the year's inflation, rounded up to Rp100 (PP 45/2015 art. 18(3)). */
export function nextJpBenefitLimit(previousRupiah: Rupiah, inflationBasisPoints: number): Rupiah {
  assertRupiah(previousRupiah, 'previousRupiah');
  assert(Number.isSafeInteger(inflationBasisPoints), 'inflationBasisPoints must be an integer');
  return roundByRule(
    'jpBenefitLimit',
    BigInt(previousRupiah) * BigInt(BASIS_POINTS_PER_UNIT + inflationBasisPoints),
    BigInt(BASIS_POINTS_PER_UNIT),
  );
}

const limitRow = (
  year: number,
  minimumMonthlyRupiah: Rupiah,
  maximumMonthlyRupiah: Rupiah,
  confidence: Confidence,
  article: string,
  note?: string,
): RuleRow<JpBenefitLimit> => ({
  value: { minimumMonthlyRupiah, maximumMonthlyRupiah },
  validFrom: year === 2015 ? PROGRAMMES_START_DATE : `${year}-01-01`,
  validTo: year === 2025 ? null : `${year}-12-31`,
  regulation: 'PP 45/2015',
  article,
  confidence,
  ...(note === undefined ? {} : { note }),
});

const computedNote =
  'Not sourced: computed by indexing with recalled CPI inflation; that chain gives 2023 values Rp100 above ' +
  'the sourced ones, so these rows are approximate defaults for an operator to confirm.';

export const jpBenefitLimitTable = defineRuleTable<JpBenefitLimit>({
  id: 'jp_benefit_limit',
  title: 'JP minimum and maximum monthly benefit (calendar year assumed)',
  describe: (value) =>
    `${formatRupiah(value.minimumMonthlyRupiah)} – ${formatRupiah(value.maximumMonthlyRupiah)}`,
  rows: [
    limitRow(2015, 300_000, 3_600_000, 'H', 'art. 18 (krishand.com)'),
    limitRow(2016, 310_100, 3_720_600, 'L', 'art. 18(3) indexation', computedNote),
    limitRow(2017, 319_500, 3_833_000, 'L', 'art. 18(3) indexation', computedNote),
    limitRow(2018, 331_100, 3_971_400, 'L', 'art. 18(3) indexation', computedNote),
    limitRow(2019, 341_500, 4_095_800, 'L', 'art. 18(3) indexation', computedNote),
    limitRow(2020, 350_800, 4_207_300, 'L', 'art. 18(3) indexation', computedNote),
    limitRow(2021, 356_700, 4_278_000, 'L', 'art. 18(3) indexation', computedNote),
    limitRow(2022, 363_400, 4_358_000, 'L', 'art. 18(3) indexation', computedNote),
    limitRow(2023, 383_400, 4_598_100, 'H', 'art. 18(3) indexation (suaraindonesia)'),
    limitRow(2024, 393_500, 4_718_200, 'H', 'art. 18(3) indexation (suaraindonesia; viva.co.id)'),
    limitRow(
      2025,
      399_700,
      4_792_300,
      'L',
      'art. 18(3) indexation, computed',
      'Computed from 2024 with inflation 1.57% (figure from memory): a default to confirm.',
    ),
  ],
});

export type PensionAge = { readonly pensionAgeYears: number };

const ageRow = (from: number, to: number | null, pensionAgeYears: number): RuleRow<PensionAge> => ({
  value: { pensionAgeYears },
  validFrom: from === 2015 ? PROGRAMMES_START_DATE : `${from}-01-01`,
  validTo: to === null ? null : `${to}-12-31`,
  regulation: 'PP 45/2015',
  article: 'art. 15',
  confidence: 'H',
});

export const pensionAgeTable = defineRuleTable<PensionAge>({
  id: 'jp_pension_age',
  title: 'JP pension age (+1 year every 3 years from 2019 until 65 in 2043)',
  describe: (value) => `${value.pensionAgeYears} years`,
  rows: [
    ageRow(2015, 2018, 56),
    ageRow(2019, 2021, 57),
    ageRow(2022, 2024, 58),
    ageRow(2025, 2027, 59),
    ageRow(2028, 2030, 60),
    ageRow(2031, 2033, 61),
    ageRow(2034, 2036, 62),
    ageRow(2037, 2039, 63),
    ageRow(2040, 2042, 64),
    ageRow(2043, null, 65),
  ],
});

export type JpFormula = {
  /** 1% of the average indexed wage per year of contributions. */
  readonly accrualBasisPointsPerYear: number;
  readonly minContributionMonths: number;
  /** Death before pension age with fewer months: counted as this many months if the next two hold. */
  readonly earlyDeathDeemedMonths: number;
  readonly earlyDeathMinMembershipMonths: number;
  readonly earlyDeathMinDensityBasisPoints: number;
  readonly childBenefitMaxAgeYears: number;
  readonly maxDeferralYears: number;
};

export const jpFormulaTable = defineRuleTable<JpFormula>({
  id: 'jp_formula',
  title: 'JP benefit formula and qualifying period',
  describe: (value) =>
    `${pct(value.accrualBasisPointsPerYear)} × years × average indexed wage; monthly pension from ` +
    `${value.minContributionMonths} months, else lump sum; early death counted as ${value.earlyDeathDeemedMonths} ` +
    `months with ≥${value.earlyDeathMinMembershipMonths} months membership and ≥` +
    `${pct(value.earlyDeathMinDensityBasisPoints)} density; child benefit to age ${value.childBenefitMaxAgeYears}; ` +
    `start deferrable ${value.maxDeferralYears} years`,
  rows: [
    {
      value: {
        accrualBasisPointsPerYear: 100,
        minContributionMonths: 180,
        earlyDeathDeemedMonths: 180,
        earlyDeathMinMembershipMonths: 12,
        earlyDeathMinDensityBasisPoints: 8000,
        childBenefitMaxAgeYears: 23,
        maxDeferralYears: 3,
      },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 45/2015; Permenaker 29/2015',
      article: 'PP 45/2015 art. 15–17; Permenaker 29/2015 art. 26',
      confidence: 'H',
    },
  ],
});

export type JpSurvivorShares = {
  readonly spouseBasisPoints: number;
  readonly childBasisPoints: number;
  readonly parentBasisPoints: number;
};

export const jpSurvivorShareTable = defineRuleTable<JpSurvivorShares>({
  id: 'jp_survivor_share',
  title: 'JP survivor benefit shares of the formula benefit (configurable default)',
  describe: (value) =>
    `spouse ${pct(value.spouseBasisPoints)}, child ${pct(value.childBasisPoints)}, parent ${pct(value.parentBasisPoints)}`,
  rows: [
    {
      value: { spouseBasisPoints: 5000, childBasisPoints: 5000, parentBasisPoints: 2000 },
      validFrom: PROGRAMMES_START_DATE,
      validTo: null,
      regulation: 'PP 45/2015',
      article: 'survivor benefits (shares recalled, not found in sources)',
      confidence: 'L',
    },
  ],
});
