// JKK (work injury) cash benefits: temporary incapacity (STMB), death and disability
// (PP 44/2015 as amended by PP 82/2019).
import { BASIS_POINTS_PER_UNIT, roundByRule } from '../money/rounding';
import { multiplyRupiah, sumRupiah, type Rupiah } from '../money/rupiah';
import { assert, err, ok, type Result } from '../result';
import type { JkkBenefitRule } from '../rules/benefit-tables';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import { assertCalendarDate, maxDate, type CalendarDate } from '../time/calendar-date';
import { scholarshipEntitlement, type ScholarshipEntitlement } from '../jkm/jkm-benefit';

/** The JKK benefit row in force on the accident date (the first row for an earlier date). */
export function jkkBenefitRuleOn(accidentDate: CalendarDate, rules: RuleBook): JkkBenefitRule {
  assertCalendarDate(accidentDate, 'accidentDate');
  const table = rules.jkk_benefit;
  return getRuleInForce(table, maxDate(accidentDate, firstValidFrom(table))).value;
}

const wageError = () => err('benefit_wage_invalid', undefined, 'wageMonthlyRupiah');
const isWage = (wage: number): boolean => Number.isSafeInteger(wage) && wage >= 0 && wage <= 10_000_000_000;

export type StmbMonth = {
  readonly month: number;
  readonly wageBasisPoints: number;
  readonly amountRupiah: Rupiah;
};

export type StmbBenefit = { readonly months: readonly StmbMonth[]; readonly totalRupiah: Rupiah };

/** Temporary incapacity pay: PP 82/2019 100% of wage for 12 months, then 50% until recovery. */
export function calculateStmb(
  input: {
    readonly wageMonthlyRupiah: Rupiah;
    readonly incapacityMonths: number;
    readonly accidentDate: CalendarDate;
  },
  rules: RuleBook,
): Result<StmbBenefit, 'benefit_wage_invalid' | 'benefit_input_invalid'> {
  if (!isWage(input.wageMonthlyRupiah)) return wageError();
  if (
    !Number.isInteger(input.incapacityMonths) ||
    input.incapacityMonths < 0 ||
    input.incapacityMonths > 600
  ) {
    return err('benefit_input_invalid', { detail: 'incapacityMonths' }, 'incapacityMonths');
  }
  const steps = jkkBenefitRuleOn(input.accidentDate, rules).stmbSteps;
  const months: StmbMonth[] = [];
  let stepIndex = 0;
  let usedInStep = 0;
  for (let month = 1; month <= input.incapacityMonths; month += 1) {
    let step = steps[stepIndex];
    assert(step !== undefined, 'STMB steps must end with an open step');
    if (step.months !== null && usedInStep >= step.months) {
      stepIndex += 1;
      usedInStep = 0;
      step = steps[stepIndex];
      assert(step !== undefined, 'STMB steps must end with an open step');
    }
    usedInStep += 1;
    const amountRupiah = roundByRule(
      'benefit',
      BigInt(input.wageMonthlyRupiah) * BigInt(step.wageBasisPoints),
      BigInt(BASIS_POINTS_PER_UNIT),
    );
    months.push({ month, wageBasisPoints: step.wageBasisPoints, amountRupiah });
  }
  return ok({ months, totalRupiah: sumRupiah(months.map((m) => m.amountRupiah)) });
}

export type JkkDeathBenefit = {
  readonly wageMultipleRupiah: Rupiah;
  readonly periodicRupiah: Rupiah;
  readonly funeralRupiah: Rupiah;
  readonly totalRupiah: Rupiah;
  readonly scholarship: ScholarshipEntitlement;
};

/** Death from a work accident: 48 × last reported wage + periodic + funeral; scholarship with no minimum membership. */
export function calculateJkkDeathBenefit(
  input: { readonly wageMonthlyRupiah: Rupiah; readonly accidentDate: CalendarDate },
  rules: RuleBook,
): Result<JkkDeathBenefit, 'benefit_wage_invalid'> {
  if (!isWage(input.wageMonthlyRupiah)) return wageError();
  const rule = jkkBenefitRuleOn(input.accidentDate, rules);
  const wageMultipleRupiah = multiplyRupiah(input.wageMonthlyRupiah, rule.deathWageMultiple);
  return ok({
    wageMultipleRupiah,
    periodicRupiah: rule.deathPeriodicRupiah,
    funeralRupiah: rule.funeralRupiah,
    totalRupiah: sumRupiah([wageMultipleRupiah, rule.deathPeriodicRupiah, rule.funeralRupiah]),
    scholarship: scholarshipEntitlement(rule.scholarship, input.accidentDate, input.accidentDate),
  });
}

/**
 * Disability (confidence L): total permanent = 70% × 80 × wage; partial = table percentage × 80 × wage,
 * where the percentage comes from the regulation's disability table and is passed in.
 */
export function calculateJkkDisabilityBenefit(
  input: {
    readonly wageMonthlyRupiah: Rupiah;
    readonly accidentDate: CalendarDate;
    readonly kind: 'total_permanent' | 'partial';
    readonly disabilityBasisPoints?: number;
  },
  rules: RuleBook,
): Result<
  { readonly amountRupiah: Rupiah; readonly rateBasisPoints: number },
  'benefit_wage_invalid' | 'benefit_input_invalid'
> {
  if (!isWage(input.wageMonthlyRupiah)) return wageError();
  const rule = jkkBenefitRuleOn(input.accidentDate, rules);
  const rateBasisPoints =
    input.kind === 'total_permanent' ? rule.totalDisabilityBasisPoints : input.disabilityBasisPoints;
  if (
    rateBasisPoints === undefined ||
    !Number.isInteger(rateBasisPoints) ||
    rateBasisPoints < 0 ||
    rateBasisPoints > 10_000
  ) {
    return err('benefit_input_invalid', { detail: 'disabilityBasisPoints' }, 'disabilityBasisPoints');
  }
  const amountRupiah = roundByRule(
    'benefit',
    BigInt(input.wageMonthlyRupiah) * BigInt(rule.disabilityWageMultiple) * BigInt(rateBasisPoints),
    BigInt(BASIS_POINTS_PER_UNIT),
  );
  return ok({ amountRupiah, rateBasisPoints });
}
