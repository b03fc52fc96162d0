// Projects the JP monthly pension at pension age, in today's Rupiah: future wages grow by an assumed
// real growth and are capped at today's JP cap; limits are today's (both are indexed yearly, so in
// today's money they stay roughly constant — an assumption returned with the result).
import { BASIS_POINTS_PER_UNIT, roundByRule } from '../money/rounding';
import { type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import { assertCalendarDate, compareDates, maxDate, type CalendarDate } from '../time/calendar-date';
import { monthsBetween, nextPeriod, periodMonth, periodOf, periodRange, prevPeriod } from '../time/period';
import { pensionDateFor } from '../jp/pension-age';
import { MAX_PROJECTION_MONTHS } from './jht-projection';

export type JpProjectionInput = {
  readonly asOf: CalendarDate;
  readonly birthDate: CalendarDate;
  readonly contributionMonthsSoFar: number;
  /** Average indexed monthly wage of past contributions, in today's Rupiah (defaults to today's capped wage). */
  readonly averageWageSoFarRupiah?: Rupiah;
  readonly wageMonthlyRupiah: Rupiah;
  /** Assumed yearly real wage growth (above inflation). */
  readonly realWageGrowthBasisPoints: number;
};

export type JpProjection = {
  readonly assumptions: Required<JpProjectionInput> & {
    readonly wageCapTodayRupiah: Rupiah;
    readonly pricesBasis: 'today';
  };
  readonly pensionAgeYears: number;
  readonly pensionDate: CalendarDate;
  readonly contributionMonthsAtPension: number;
  readonly averageWageRupiah: Rupiah;
  readonly formulaMonthlyRupiah: Rupiah;
  /** Null when fewer than 180 months: a lump sum is paid instead. */
  readonly monthlyRupiah: Rupiah | null;
  readonly isLumpSum: boolean;
};

const BP = BigInt(BASIS_POINTS_PER_UNIT);

export function projectJpPension(
  input: JpProjectionInput,
  rules: RuleBook,
): Result<JpProjection, 'projection_horizon_invalid' | 'benefit_input_invalid'> {
  assertCalendarDate(input.asOf, 'asOf');
  const date = maxDate(input.asOf, firstValidFrom(rules.jp_wage_cap));
  const cap = getRuleInForce(rules.jp_wage_cap, date).value.wageCapRupiah;
  const capped = Math.min(input.wageMonthlyRupiah, cap);
  const averageWageSoFarRupiah = input.averageWageSoFarRupiah ?? capped;
  if (
    !Number.isSafeInteger(input.wageMonthlyRupiah) ||
    input.wageMonthlyRupiah < 0 ||
    !Number.isSafeInteger(averageWageSoFarRupiah) ||
    averageWageSoFarRupiah < 0 ||
    !Number.isInteger(input.contributionMonthsSoFar) ||
    input.contributionMonthsSoFar < 0 ||
    !Number.isInteger(input.realWageGrowthBasisPoints) ||
    Math.abs(input.realWageGrowthBasisPoints) > BASIS_POINTS_PER_UNIT
  ) {
    return err('benefit_input_invalid', { detail: 'projection input' });
  }
  const { pensionAgeYears, pensionDate } = pensionDateFor(input.birthDate, rules);
  if (compareDates(pensionDate, input.asOf) <= 0) return err('projection_horizon_invalid');
  const first = nextPeriod(periodOf(input.asOf));
  const last = prevPeriod(periodOf(pensionDate));
  const futureMonths = Math.max(0, monthsBetween(first, last) + 1);
  if (futureMonths > MAX_PROJECTION_MONTHS) return err('projection_horizon_invalid');

  let wage = input.wageMonthlyRupiah;
  let futureWageSum = 0n;
  for (const [index, period] of (futureMonths > 0 ? periodRange(first, last) : []).entries()) {
    if (periodMonth(period) === 1 && index > 0) {
      wage = roundByRule('projection', BigInt(wage) * (BP + BigInt(input.realWageGrowthBasisPoints)), BP);
    }
    futureWageSum += BigInt(Math.min(wage, cap)); // PP 45/2015 art. 28–29: the JP wage is capped
  }
  const months = input.contributionMonthsSoFar + futureMonths;
  const wageSum = BigInt(averageWageSoFarRupiah) * BigInt(input.contributionMonthsSoFar) + futureWageSum;
  const formula = getRuleInForce(
    rules.jp_formula,
    maxDate(input.asOf, firstValidFrom(rules.jp_formula)),
  ).value;
  const averageWageRupiah = months === 0 ? 0 : roundByRule('jpBenefit', wageSum, BigInt(months));
  // Art. 17: 1% × months/12 × average wage = wageSum × 1% / 12.
  const formulaMonthlyRupiah = roundByRule(
    'jpBenefit',
    wageSum * BigInt(formula.accrualBasisPointsPerYear),
    BP * 12n,
  );
  const limits = getRuleInForce(
    rules.jp_benefit_limit,
    maxDate(input.asOf, firstValidFrom(rules.jp_benefit_limit)),
  ).value;
  const isLumpSum = months < formula.minContributionMonths;
  const monthlyRupiah = isLumpSum
    ? null
    : Math.min(Math.max(formulaMonthlyRupiah, limits.minimumMonthlyRupiah), limits.maximumMonthlyRupiah);
  return ok({
    assumptions: {
      ...input,
      averageWageSoFarRupiah,
      wageCapTodayRupiah: cap,
      pricesBasis: 'today',
    },
    pensionAgeYears,
    pensionDate,
    contributionMonthsAtPension: months,
    averageWageRupiah,
    formulaMonthlyRupiah,
    monthlyRupiah,
    isLumpSum,
  });
}
