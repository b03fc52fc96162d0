// JP survivor benefits: the formula benefit shared with a spouse, child or parent; a death before
// pension age with under 15 years counts as 15 years if membership ≥1 year and density ≥80%
// (Permenaker 29/2015 art. 26). The shares themselves are a configurable default (confidence L).
import { basisPointsByRule } from '../money/rounding';
import { type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import {
  addYears,
  assertCalendarDate,
  compareDates,
  dateParts,
  maxDate,
  type CalendarDate,
} from '../time/calendar-date';
import { monthsBetween, periodOf } from '../time/period';
import {
  indexWages,
  jpMonthlyFromIndexed,
  type JpBenefitError,
  type JpLumpSum,
  type JpWageYear,
} from './jp-benefit';
import { pensionDateFor } from './pension-age';

export type JpSurvivor = 'spouse' | 'child' | 'parent';

export type JpSurvivorInput = {
  readonly beneficiary: JpSurvivor;
  readonly wages: readonly JpWageYear[];
  readonly inflationBasisPointsByYear: Readonly<Record<number, number>>;
  readonly memberBirthDate: CalendarDate;
  readonly membershipStartDate: CalendarDate;
  readonly deathDate: CalendarDate;
  /** Needed for a child: the benefit ends at age 23 (or work or marriage). */
  readonly beneficiaryBirthDate?: CalendarDate;
  readonly accountBalanceRupiah?: Rupiah;
};

export type JpSurvivorBenefit = {
  readonly kind: 'survivor_monthly';
  readonly beneficiary: JpSurvivor;
  readonly shareBasisPoints: number;
  readonly baseMonthlyRupiah: Rupiah;
  readonly monthlyRupiah: Rupiah;
  readonly isDeemedFifteenYears: boolean;
  /** Last day for a child (age 23); null for spouse/parent (until death or remarriage). */
  readonly endsOn: CalendarDate | null;
  readonly endsWhen: 'age_23_work_or_marriage' | 'death_or_remarriage' | 'death';
};

export function estimateJpSurvivorBenefit(
  input: JpSurvivorInput,
  rules: RuleBook,
): Result<JpSurvivorBenefit | JpLumpSum, JpBenefitError> {
  assertCalendarDate(input.deathDate, 'deathDate');
  assertCalendarDate(input.membershipStartDate, 'membershipStartDate');
  if (compareDates(input.membershipStartDate, input.deathDate) > 0) {
    return err('benefit_input_invalid', { detail: 'death before membership' });
  }
  const indexed = indexWages(input.wages, input.inflationBasisPointsByYear, dateParts(input.deathDate).year);
  if (!indexed.ok) return indexed;
  const ruleDate = maxDate(input.deathDate, firstValidFrom(rules.jp_formula));
  const formula = getRuleInForce(rules.jp_formula, ruleDate).value;
  const months = indexed.value.contributionMonths;
  const membershipMonths = monthsBetween(periodOf(input.membershipStartDate), periodOf(input.deathDate)) + 1;
  const densityBasisPoints = Math.floor((months * 10_000) / Math.max(1, membershipMonths));
  const diedBeforePensionAge =
    compareDates(input.deathDate, pensionDateFor(input.memberBirthDate, rules).pensionDate) < 0;
  let monthsCounted = months;
  let isDeemedFifteenYears = false;
  if (months < formula.minContributionMonths) {
    const qualifies =
      diedBeforePensionAge &&
      membershipMonths >= formula.earlyDeathMinMembershipMonths &&
      densityBasisPoints >= formula.earlyDeathMinDensityBasisPoints;
    if (!qualifies) {
      return ok({
        kind: 'lump_sum',
        contributionMonths: months,
        lumpSumRupiah: input.accountBalanceRupiah ?? null,
      });
    }
    monthsCounted = formula.earlyDeathDeemedMonths; // Permenaker 29/2015 art. 26
    isDeemedFifteenYears = true;
  }
  const base = jpMonthlyFromIndexed(indexed.value, monthsCounted, input.deathDate, formula, rules);
  const shares = getRuleInForce(rules.jp_survivor_share, ruleDate).value; // confidence L
  const shareBasisPoints =
    input.beneficiary === 'spouse'
      ? shares.spouseBasisPoints
      : input.beneficiary === 'child'
        ? shares.childBasisPoints
        : shares.parentBasisPoints;
  const childEnd =
    input.beneficiary === 'child' && input.beneficiaryBirthDate !== undefined
      ? addYears(input.beneficiaryBirthDate, formula.childBenefitMaxAgeYears)
      : null;
  return ok({
    kind: 'survivor_monthly',
    beneficiary: input.beneficiary,
    shareBasisPoints,
    baseMonthlyRupiah: base.monthlyRupiah,
    monthlyRupiah: basisPointsByRule('benefit', base.monthlyRupiah, shareBasisPoints),
    isDeemedFifteenYears,
    endsOn: childEnd,
    endsWhen:
      input.beneficiary === 'child'
        ? 'age_23_work_or_marriage'
        : input.beneficiary === 'spouse'
          ? 'death_or_remarriage'
          : 'death',
  });
}
