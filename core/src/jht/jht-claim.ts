// JHT full-claim eligibility by reason and dates (PP 46/2015 jo. PP 60/2015; Permenaker 4/2022).
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import {
  addMonths,
  addYears,
  assertCalendarDate,
  compareDates,
  formatDateIndonesian,
  maxDate,
  type CalendarDate,
} from '../time/calendar-date';

export type JhtClaimReason =
  | 'retirement'
  | 'resignation'
  | 'layoff'
  | 'contract_end'
  | 'bpu_stopped'
  | 'leaving_indonesia'
  | 'total_disability'
  | 'death';

export type JhtClaimInput = {
  readonly reason: JhtClaimReason;
  /** The day the claim is filed (today, passed in). */
  readonly claimDate: CalendarDate;
  /**
   * The event the claim rests on: resignation letter date, layoff (PHK) date, contract end, date work
   * stopped, departure, disability certificate or death. Not needed for retirement.
   */
  readonly eventDate?: CalendarDate;
  /** Needed for retirement. */
  readonly birthDate?: CalendarDate;
  /** A retirement age in the employment contract or company rules, if lower than the rule's age. */
  readonly contractRetirementAgeYears?: number;
};

export type JhtClaimEligibility = {
  readonly reason: JhtClaimReason;
  readonly eligibleFrom: CalendarDate;
  readonly regulation: string;
  readonly article: string;
};

export type JhtClaimError =
  | 'jht_waiting_period'
  | 'jht_retirement_age_not_reached'
  | 'jht_birth_date_required'
  | 'jht_event_after_claim'
  | 'validation_failed';

const dateParams = (date: CalendarDate) => ({ date: formatDateIndonesian(date), eligibleFrom: date });

/** Whether a full JHT claim may be made on claimDate; if not, the reason code and the date it can be. */
export function checkJhtClaimEligibility(
  input: JhtClaimInput,
  rules: RuleBook,
): Result<JhtClaimEligibility, JhtClaimError> {
  assertCalendarDate(input.claimDate, 'claimDate');
  const table = rules.jht_claim;
  const rule = getRuleInForce(table, maxDate(input.claimDate, firstValidFrom(table)));
  const cite = { regulation: rule.regulation, article: rule.article };
  const decide = (eligibleFrom: CalendarDate, code: JhtClaimError, extra = {}) =>
    compareDates(input.claimDate, eligibleFrom) >= 0
      ? ok({ reason: input.reason, eligibleFrom, ...cite })
      : err(code, { ...dateParams(eligibleFrom), ...extra });

  if (input.reason === 'retirement') {
    if (input.birthDate === undefined) return err('jht_birth_date_required', undefined, 'birthDate');
    assertCalendarDate(input.birthDate, 'birthDate');
    // PP 46/2015 art. 26(1)(a): age 56, or the retirement age set in the employment contract.
    const contractAge = input.contractRetirementAgeYears;
    const ageYears =
      contractAge !== undefined && Number.isInteger(contractAge) && contractAge > 0
        ? Math.min(contractAge, rule.value.retirementAgeYears)
        : rule.value.retirementAgeYears;
    return decide(addYears(input.birthDate, ageYears), 'jht_retirement_age_not_reached', { ageYears });
  }

  if (input.eventDate === undefined) return err('validation_failed', { field: 'eventDate' }, 'eventDate');
  assertCalendarDate(input.eventDate, 'eventDate');
  if (compareDates(input.eventDate, input.claimDate) > 0) {
    return err('jht_event_after_claim', { date: formatDateIndonesian(input.eventDate) }, 'eventDate');
  }
  switch (input.reason) {
    case 'resignation':
      // Permenaker 4/2022 art. 5–6: paid after a 1-month wait from the resignation letter date.
      return decide(addMonths(input.eventDate, rule.value.waitAfterResignationMonths), 'jht_waiting_period');
    case 'layoff':
      // Permenaker 4/2022 art. 8–9: paid after a 1-month wait from the layoff (PHK) date.
      return decide(addMonths(input.eventDate, rule.value.waitAfterLayoffMonths), 'jht_waiting_period');
    case 'contract_end':
    case 'bpu_stopped':
    case 'leaving_indonesia':
    case 'total_disability':
    case 'death':
      // Permenaker 4/2022: eligible from the event itself (heirs claim on death).
      return ok({ reason: input.reason, eligibleFrom: input.eventDate, ...cite });
  }
}
