// When a period's contribution is due and what paying late costs (2% per month; 0.5% in the
// PP 49/2020 relief months), looked up by the contribution period.
import { BASIS_POINTS_PER_UNIT, roundByRule } from '../money/rounding';
import { type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, ruleInForce } from '../rules/rule-table';
import { addMonths, compareDates, dateParts, isCalendarDate, type CalendarDate } from '../time/calendar-date';
import { addPeriods, dayInPeriod, firstDayOfPeriod, isPeriod, periodOf, type Period } from '../time/period';
import type { Segment } from './contribution-calculator';

type DeadlineError = 'period_invalid' | 'contribution_period_before_programme';

/** The last day a period's contribution may be paid without penalty. */
export function paymentDeadline(
  period: Period,
  segment: Segment,
  rules: RuleBook,
): Result<CalendarDate, DeadlineError> {
  if (!isPeriod(period)) return err('period_invalid', { input: String(period).slice(0, 40) }, 'period');
  const row = ruleInForce(rules.payment_terms, firstDayOfPeriod(period));
  if (!row.ok) {
    const firstPeriod = periodOf(firstValidFrom(rules.payment_terms));
    return err('contribution_period_before_programme', { period, programme: segment, firstPeriod }, 'period');
  }
  // PU: the 15th of the following month; BPU: the 15th of the same month (kontan.co.id). PP 49/2020: the 30th.
  const rule = segment === 'PU' ? row.value.value.pu : row.value.value.bpu;
  return ok(dayInPeriod(addPeriods(period, rule.monthOffset), rule.dayOfMonth));
}

/** Started months after the due date: paid one day late counts 1, one month and a day late counts 2. */
export function monthsLate(dueDate: CalendarDate, paidDate: CalendarDate): number {
  if (compareDates(paidDate, dueDate) <= 0) return 0;
  const due = dateParts(dueDate);
  const paid = dateParts(paidDate);
  let months = (paid.year - due.year) * 12 + (paid.month - due.month);
  if (compareDates(addMonths(dueDate, months), paidDate) < 0) months += 1;
  return Math.max(1, months);
}

export type LatePenaltyInput = {
  readonly period: Period;
  readonly segment: Segment;
  /** The contribution paid late. */
  readonly amountRupiah: Rupiah;
  readonly paidDate: CalendarDate;
  /** Defaults to the period's payment deadline. */
  readonly dueDate?: CalendarDate;
};

export type LatePenalty = {
  readonly dueDate: CalendarDate;
  readonly paidDate: CalendarDate;
  readonly monthsLate: number;
  readonly rateBasisPointsPerMonth: number;
  readonly penaltyRupiah: Rupiah;
};

/**
 * Penalty = amount × rate per month × started months late, rounded once (roundingRules.latePenalty).
 * No cap on the number of months is in FACTS.md, so none is applied.
 */
export function calculateLatePenalty(
  input: LatePenaltyInput,
  rules: RuleBook,
): Result<LatePenalty, DeadlineError | 'contribution_amount_invalid' | 'date_invalid'> {
  if (!Number.isSafeInteger(input.amountRupiah) || input.amountRupiah < 0) {
    return err('contribution_amount_invalid', undefined, 'amountRupiah');
  }
  if (!isCalendarDate(input.paidDate))
    return err('date_invalid', { input: String(input.paidDate) }, 'paidDate');
  if (input.dueDate !== undefined && !isCalendarDate(input.dueDate)) {
    return err('date_invalid', { input: String(input.dueDate) }, 'dueDate');
  }
  const deadline = paymentDeadline(input.period, input.segment, rules);
  if (!deadline.ok) return deadline;
  const dueDate = input.dueDate ?? deadline.value;
  const rate = ruleInForce(rules.payment_terms, firstDayOfPeriod(input.period));
  if (!rate.ok) return err('contribution_period_before_programme', { period: input.period }, 'period');
  const rateBasisPointsPerMonth = rate.value.value.latePenaltyBasisPointsPerMonth;
  const months = monthsLate(dueDate, input.paidDate);
  const penaltyRupiah = roundByRule(
    'latePenalty',
    BigInt(input.amountRupiah) * BigInt(rateBasisPointsPerMonth) * BigInt(months),
    BigInt(BASIS_POINTS_PER_UNIT),
  );
  return ok({
    dueDate,
    paidDate: input.paidDate,
    monthsLate: months,
    rateBasisPointsPerMonth,
    penaltyRupiah,
  });
}
