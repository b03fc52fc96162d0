// Projects the JHT balance to the claim age (56) from today's balance, wage, assumed wage growth and
// assumed return. Every assumption is returned with the result so the member sees what was assumed.
import { BASIS_POINTS_PER_UNIT, roundByRule } from '../money/rounding';
import { rupiahFromBigInt, sumRupiah, type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import {
  addYears,
  assertCalendarDate,
  compareDates,
  maxDate,
  type CalendarDate,
} from '../time/calendar-date';
import {
  monthsBetween,
  nextPeriod,
  periodMonth,
  periodOf,
  periodRange,
  periodYear,
  prevPeriod,
} from '../time/period';

export const MAX_PROJECTION_MONTHS = 720;

export type JhtProjectionInput = {
  readonly asOf: CalendarDate;
  readonly birthDate: CalendarDate;
  readonly balanceRupiah: Rupiah;
  readonly wageMonthlyRupiah: Rupiah;
  /** Assumed yearly wage growth, applied each January. */
  readonly wageGrowthBasisPoints: number;
  /** Assumed yearly development return, credited each 31 December (monthly balance-weighted). */
  readonly returnBasisPoints: number;
  /** Defaults to the JHT claim age in force on asOf (56). */
  readonly targetAgeYears?: number;
  /** Defaults to the total JHT rate in force on asOf (5.7%). */
  readonly contributionBasisPoints?: number;
};

export type JhtProjectionYear = {
  readonly year: number;
  readonly wageMonthlyRupiah: Rupiah;
  readonly openingBalanceRupiah: Rupiah;
  readonly contributionsRupiah: Rupiah;
  readonly returnRupiah: Rupiah;
  readonly closingBalanceRupiah: Rupiah;
};

export type JhtProjection = {
  /** The inputs, with every default filled in. */
  readonly assumptions: Required<JhtProjectionInput>;
  readonly targetDate: CalendarDate;
  readonly years: readonly JhtProjectionYear[];
  readonly finalBalanceRupiah: Rupiah;
  readonly totalContributionsRupiah: Rupiah;
  readonly totalReturnsRupiah: Rupiah;
};

const BP = BigInt(BASIS_POINTS_PER_UNIT);

function isRate(value: number): boolean {
  return Number.isInteger(value) && value >= -BASIS_POINTS_PER_UNIT && value <= BASIS_POINTS_PER_UNIT;
}

export function projectJhtBalance(
  input: JhtProjectionInput,
  rules: RuleBook,
): Result<JhtProjection, 'projection_horizon_invalid' | 'benefit_input_invalid'> {
  assertCalendarDate(input.asOf, 'asOf');
  assertCalendarDate(input.birthDate, 'birthDate');
  const ruleDate = maxDate(input.asOf, firstValidFrom(rules.pu_jht_rate));
  const rate = getRuleInForce(rules.pu_jht_rate, ruleDate).value;
  const assumptions: Required<JhtProjectionInput> = {
    ...input,
    targetAgeYears:
      input.targetAgeYears ?? getRuleInForce(rules.jht_claim, ruleDate).value.retirementAgeYears,
    contributionBasisPoints:
      input.contributionBasisPoints ?? rate.workerBasisPoints + rate.employerBasisPoints,
  };
  for (const [name, value] of Object.entries({
    balance: input.balanceRupiah,
    wage: input.wageMonthlyRupiah,
  })) {
    if (!Number.isSafeInteger(value) || value < 0) return err('benefit_input_invalid', { detail: name });
  }
  const rates = [input.wageGrowthBasisPoints, input.returnBasisPoints, assumptions.contributionBasisPoints];
  if (!rates.every(isRate) || assumptions.contributionBasisPoints < 0 || input.returnBasisPoints < 0) {
    return err('benefit_input_invalid', { detail: 'rate' });
  }
  const targetDate = addYears(input.birthDate, assumptions.targetAgeYears);
  const first = nextPeriod(periodOf(input.asOf));
  const last = prevPeriod(periodOf(targetDate));
  const months = monthsBetween(first, last) + 1;
  if (compareDates(targetDate, input.asOf) <= 0 || months > MAX_PROJECTION_MONTHS) {
    return err('projection_horizon_invalid');
  }

  const years: JhtProjectionYear[] = [];
  let balance = BigInt(input.balanceRupiah);
  let wage = input.wageMonthlyRupiah;
  let opening = balance;
  let contributions = 0n;
  let accrued = 0n; // Σ balance at the start of each month × rate, credited ÷ (12 × 10,000)
  const credit = (year: number): void => {
    const returnRupiah = roundByRule('developmentReturn', accrued, 12n * BP);
    balance += BigInt(returnRupiah);
    years.push({
      year,
      wageMonthlyRupiah: wage,
      openingBalanceRupiah: rupiahFromBigInt(opening),
      contributionsRupiah: rupiahFromBigInt(contributions),
      returnRupiah,
      closingBalanceRupiah: rupiahFromBigInt(balance),
    });
    opening = balance;
    contributions = 0n;
    accrued = 0n;
  };
  const periods = months > 0 ? periodRange(first, last) : [];
  for (const [index, period] of periods.entries()) {
    if (periodMonth(period) === 1 && index > 0) {
      wage = roundByRule('projection', BigInt(wage) * (BP + BigInt(input.wageGrowthBasisPoints)), BP);
    }
    accrued += balance * BigInt(input.returnBasisPoints);
    const contribution = BigInt(
      roundByRule('contribution', BigInt(wage) * BigInt(assumptions.contributionBasisPoints), BP),
    );
    balance += contribution;
    contributions += contribution;
    const isYearEnd = periodMonth(period) === 12;
    if (isYearEnd || index === periods.length - 1) credit(periodYear(period));
  }
  const totalContributionsRupiah = sumRupiah(years.map((y) => y.contributionsRupiah));
  const totalReturnsRupiah = sumRupiah(years.map((y) => y.returnRupiah));
  return ok({
    assumptions,
    targetDate,
    years,
    finalBalanceRupiah: rupiahFromBigInt(balance),
    totalContributionsRupiah,
    totalReturnsRupiah,
  });
}
