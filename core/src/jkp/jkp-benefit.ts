// JKP (job-loss benefit): eligibility and cash benefit, by the regulation in force on the layoff date
// (PP 37/2021; PP 6/2025 from 7 February 2025).
import type { Message } from '../errors/message';
import { BASIS_POINTS_PER_UNIT, roundByRule } from '../money/rounding';
import { sumRupiah, type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { JkpRule, JkpTerminationReason } from '../rules/jkp-tables';
import type { RuleBook } from '../rules/rule-book';
import { citationOf, ruleInForce } from '../rules/rule-table';
import {
  addMonths,
  assertCalendarDate,
  compareDates,
  formatDateIndonesian,
  type CalendarDate,
} from '../time/calendar-date';
import { addPeriods, isPeriod, periodOf, periodRange, type Period } from '../time/period';

export type JobEndReason =
  JkpTerminationReason | 'resignation' | 'retirement' | 'total_disability' | 'death' | 'contract_end';

export type JkpEligibilityInput = {
  readonly reason: JobEndReason;
  readonly phkDate: CalendarDate;
  readonly claimDate: CalendarDate;
  /** Contribution periods paid for this member (any order, duplicates ignored). */
  readonly paidPeriods: readonly Period[];
  readonly hasNewJob?: boolean;
  readonly isJknMember?: boolean;
};

export type JkpEligibility = {
  readonly claimDeadline: CalendarDate;
  readonly contributionMonthsInWindow: number;
  readonly consecutiveMonthsBeforePhk: number;
  readonly regulation: string;
};

type JkpError =
  | 'rule_not_in_force'
  | 'jkp_reason_not_covered'
  | 'jkp_new_job'
  | 'jkp_jkn_membership_required'
  | 'jkp_claim_deadline_passed'
  | 'jkp_contribution_months_insufficient'
  | 'jkp_consecutive_months_insufficient'
  | 'period_invalid';

/** The longest run of paid periods ending at the layoff month or the month before it. */
function consecutiveBefore(paid: ReadonlySet<Period>, phkPeriod: Period): number {
  const runFrom = (end: Period): number => {
    let count = 0;
    while (count < 600 && paid.has(addPeriods(end, -count))) count += 1;
    return count;
  };
  return Math.max(runFrom(phkPeriod), runFrom(addPeriods(phkPeriod, -1)));
}

export function checkJkpEligibility(
  input: JkpEligibilityInput,
  rules: RuleBook,
): Result<JkpEligibility, JkpError> {
  assertCalendarDate(input.phkDate, 'phkDate');
  assertCalendarDate(input.claimDate, 'claimDate');
  const row = ruleInForce(rules.jkp_benefit, input.phkDate);
  if (!row.ok) return row;
  const rule: JkpRule = row.value.value;
  const regulation = `${row.value.regulation} ${row.value.article}`;
  // PP 37/2021 art. 20 / PP 6/2025 art. 39A: layoff only (and employer closure with arrears from 2025).
  if (!(rule.eligibleReasons as readonly string[]).includes(input.reason))
    return err('jkp_reason_not_covered');
  if (input.hasNewJob === true) return err('jkp_new_job');
  if (rule.requiresJknMembership && input.isJknMember === false) return err('jkp_jkn_membership_required');
  const claimDeadline = addMonths(input.phkDate, rule.claimDeadlineMonths);
  if (compareDates(input.claimDate, claimDeadline) > 0) {
    return err('jkp_claim_deadline_passed', {
      date: formatDateIndonesian(claimDeadline),
      deadline: claimDeadline,
    });
  }
  if (!input.paidPeriods.every(isPeriod)) return err('period_invalid', undefined, 'paidPeriods');
  const paid = new Set(input.paidPeriods);
  const phkPeriod = periodOf(input.phkDate);
  const window = periodRange(addPeriods(phkPeriod, -(rule.contributionWindowMonths - 1)), phkPeriod);
  const contributionMonthsInWindow = window.filter((period) => paid.has(period)).length;
  if (contributionMonthsInWindow < rule.minContributionMonths) {
    return err('jkp_contribution_months_insufficient', {
      required: rule.minContributionMonths,
      window: rule.contributionWindowMonths,
      found: contributionMonthsInWindow,
    });
  }
  const consecutiveMonthsBeforePhk = consecutiveBefore(paid, phkPeriod);
  if (consecutiveMonthsBeforePhk < rule.minConsecutiveMonths) {
    return err('jkp_consecutive_months_insufficient', { required: rule.minConsecutiveMonths });
  }
  return ok({ claimDeadline, contributionMonthsInWindow, consecutiveMonthsBeforePhk, regulation });
}

export type JkpMonth = {
  readonly month: number;
  readonly wageBasisPoints: number;
  readonly amountRupiah: Rupiah;
};

export type JkpBenefit = {
  readonly wageBaseRupiah: Rupiah;
  readonly months: readonly JkpMonth[];
  readonly totalRupiah: Rupiah;
  /** Regulation and article of the rule row, as the table writes them. */
  readonly regulation: string;
  /** The same, as the member reads it in Indonesian and in English. */
  readonly citation: Message;
  /** The rule row the benefit was computed from (its steps and wage cap, for describing it). */
  readonly rule: JkpRule;
};

/** Cash benefit: PP 6/2025 60% × wage (capped at Rp5 m) for 6 months; PP 37/2021 45% × 3 then 25% × 3. */
export function calculateJkpBenefit(
  input: { readonly wageMonthlyRupiah: Rupiah; readonly phkDate: CalendarDate },
  rules: RuleBook,
): Result<JkpBenefit, 'rule_not_in_force' | 'benefit_wage_invalid'> {
  assertCalendarDate(input.phkDate, 'phkDate');
  if (!Number.isSafeInteger(input.wageMonthlyRupiah) || input.wageMonthlyRupiah < 0) {
    return err('benefit_wage_invalid', undefined, 'wageMonthlyRupiah');
  }
  const row = ruleInForce(rules.jkp_benefit, input.phkDate);
  if (!row.ok) return row;
  const rule = row.value.value;
  const wageBaseRupiah = Math.min(input.wageMonthlyRupiah, rule.wageCapRupiah);
  const months: JkpMonth[] = [];
  for (const step of rule.steps) {
    const amountRupiah = roundByRule(
      'benefit',
      BigInt(wageBaseRupiah) * BigInt(step.wageBasisPoints),
      BigInt(BASIS_POINTS_PER_UNIT),
    );
    for (let index = 0; index < step.months; index += 1) {
      months.push({ month: months.length + 1, wageBasisPoints: step.wageBasisPoints, amountRupiah });
    }
  }
  return ok({
    wageBaseRupiah,
    months,
    totalRupiah: sumRupiah(months.map((m) => m.amountRupiah)),
    regulation: `${row.value.regulation} ${row.value.article}`,
    citation: citationOf(row.value),
    rule,
  });
}
