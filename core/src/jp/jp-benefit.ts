// JP monthly benefit estimate: 1% × years of contributions × average indexed wage, within the year's
// minimum and maximum, for 180+ months; a lump sum otherwise (PP 45/2015 art. 15–18; Permenaker 29/2015).
import { roundByRule, BASIS_POINTS_PER_UNIT } from '../money/rounding';
import { rupiahFromBigInt, type Rupiah } from '../money/rupiah';
import { assert, err, ok, type Result } from '../result';
import type { JpFormula } from '../rules/jp-benefit-tables';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import { assertCalendarDate, dateParts, maxDate, type CalendarDate } from '../time/calendar-date';

/** One calendar year of JP contributions: the average capped monthly wage and the months paid. */
export type JpWageYear = {
  readonly year: number;
  readonly wageMonthlyRupiah: Rupiah;
  readonly months: number;
};

export type JpBenefitInput = {
  readonly wages: readonly JpWageYear[];
  /** Inflation per year in basis points, used to index each year's wage to the benefit year (art. 17). */
  readonly inflationBasisPointsByYear: Readonly<Record<number, number>>;
  readonly benefitStartDate: CalendarDate;
  /** JP contributions plus returns, paid as a lump sum under 180 months. Unknown → null in the result. */
  readonly accountBalanceRupiah?: Rupiah;
};

export type JpMonthlyBenefit = {
  readonly kind: 'monthly';
  readonly contributionMonths: number;
  /** Months the formula used (180 when an early death is counted as 15 years). */
  readonly monthsCounted: number;
  readonly averageIndexedWageMonthlyRupiah: Rupiah;
  readonly formulaMonthlyRupiah: Rupiah;
  readonly minimumMonthlyRupiah: Rupiah;
  readonly maximumMonthlyRupiah: Rupiah;
  readonly monthlyRupiah: Rupiah;
  readonly limitedBy: 'minimum' | 'maximum' | null;
};

export type JpLumpSum = {
  readonly kind: 'lump_sum';
  readonly contributionMonths: number;
  readonly lumpSumRupiah: Rupiah | null;
};

export type JpBenefitError = 'jp_inflation_missing' | 'jp_no_contributions' | 'benefit_input_invalid';

type IndexedWages = {
  readonly contributionMonths: number;
  /** Σ wage × months × indexation, scaled by 10,000^exponent. */
  readonly weightedSum: bigint;
  readonly exponent: number;
};

const BP = BigInt(BASIS_POINTS_PER_UNIT);

/** Indexes every year's wage to benefitYear with exact integer products (art. 17(2)). */
export function indexWages(
  wages: readonly JpWageYear[],
  inflationBasisPointsByYear: Readonly<Record<number, number>>,
  benefitYear: number,
): Result<IndexedWages, JpBenefitError> {
  if (wages.length === 0) return err('jp_no_contributions');
  assert(wages.length <= 100, 'too many wage years');
  let contributionMonths = 0;
  for (const wage of wages) {
    if (!Number.isSafeInteger(wage.wageMonthlyRupiah) || wage.wageMonthlyRupiah < 0) {
      return err('benefit_input_invalid', { detail: `wage ${wage.year}` });
    }
    if (!Number.isInteger(wage.months) || wage.months < 0 || wage.months > 12) {
      return err('benefit_input_invalid', { detail: `months ${wage.year}` });
    }
    contributionMonths += wage.months;
  }
  if (contributionMonths === 0) return err('jp_no_contributions');
  const minYear = Math.min(...wages.map((wage) => wage.year));
  const exponent = Math.max(0, benefitYear - minYear);
  let weightedSum = 0n;
  for (const wage of wages) {
    let factor = 1n;
    for (let year = wage.year; year < benefitYear; year += 1) {
      const inflation = inflationBasisPointsByYear[year];
      if (inflation === undefined) return err('jp_inflation_missing', { year });
      factor *= BP + BigInt(inflation);
    }
    const scale = BP ** BigInt(exponent - Math.max(0, benefitYear - wage.year));
    weightedSum += BigInt(wage.wageMonthlyRupiah) * BigInt(wage.months) * factor * scale;
  }
  return ok({ contributionMonths, weightedSum, exponent });
}

/** The monthly formula benefit, clamped to the limits in force, for a given number of counted months. */
export function jpMonthlyFromIndexed(
  indexed: IndexedWages,
  monthsCounted: number,
  benefitStartDate: CalendarDate,
  formula: JpFormula,
  rules: RuleBook,
): JpMonthlyBenefit {
  const scale = BP ** BigInt(indexed.exponent);
  const months = BigInt(indexed.contributionMonths);
  const averageIndexedWageMonthlyRupiah = roundByRule('jpBenefit', indexed.weightedSum, scale * months);
  // Art. 17: 1% × (months / 12) × average indexed wage; one rounding at the end.
  const formulaMonthlyRupiah = roundByRule(
    'jpBenefit',
    indexed.weightedSum * BigInt(formula.accrualBasisPointsPerYear) * BigInt(monthsCounted),
    scale * months * BP * 12n,
  );
  const limitDate = maxDate(benefitStartDate, firstValidFrom(rules.jp_benefit_limit));
  const limits = getRuleInForce(rules.jp_benefit_limit, limitDate).value; // art. 18
  const limitedBy =
    formulaMonthlyRupiah < limits.minimumMonthlyRupiah
      ? 'minimum'
      : formulaMonthlyRupiah > limits.maximumMonthlyRupiah
        ? 'maximum'
        : null;
  const monthlyRupiah =
    limitedBy === 'minimum'
      ? limits.minimumMonthlyRupiah
      : limitedBy === 'maximum'
        ? limits.maximumMonthlyRupiah
        : formulaMonthlyRupiah;
  return {
    kind: 'monthly',
    contributionMonths: indexed.contributionMonths,
    monthsCounted,
    averageIndexedWageMonthlyRupiah,
    formulaMonthlyRupiah,
    minimumMonthlyRupiah: limits.minimumMonthlyRupiah,
    maximumMonthlyRupiah: limits.maximumMonthlyRupiah,
    monthlyRupiah,
    limitedBy,
  };
}

/** Old-age benefit estimate at benefitStartDate. */
export function estimateJpBenefit(
  input: JpBenefitInput,
  rules: RuleBook,
): Result<JpMonthlyBenefit | JpLumpSum, JpBenefitError> {
  assertCalendarDate(input.benefitStartDate, 'benefitStartDate');
  const indexed = indexWages(
    input.wages,
    input.inflationBasisPointsByYear,
    dateParts(input.benefitStartDate).year,
  );
  if (!indexed.ok) return indexed;
  const formula = getRuleInForce(
    rules.jp_formula,
    maxDate(input.benefitStartDate, firstValidFrom(rules.jp_formula)),
  ).value;
  const months = indexed.value.contributionMonths;
  // Art. 15–16: a monthly pension needs 180 contribution months; otherwise contributions plus returns.
  if (months < formula.minContributionMonths) {
    const balance = input.accountBalanceRupiah;
    return ok({
      kind: 'lump_sum',
      contributionMonths: months,
      lumpSumRupiah: balance === undefined ? null : rupiahFromBigInt(BigInt(balance)),
    });
  }
  return ok(jpMonthlyFromIndexed(indexed.value, months, input.benefitStartDate, formula, rules));
}
