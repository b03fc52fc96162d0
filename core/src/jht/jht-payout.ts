// JHT payout limits: the partial claim (10% / 30% once after 10 years) and the final tax on the lump sum.
// The online-only claim limit is applied to every claim by onlineClaimLimitOn (core/src/claims).
import { basisPointsByRule } from '../money/rounding';
import { type Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import {
  addMonths,
  assertCalendarDate,
  compareDates,
  formatDateIndonesian,
  maxDate,
  type CalendarDate,
} from '../time/calendar-date';

const ruleDate = (date: CalendarDate, first: CalendarDate): CalendarDate => maxDate(date, first);

export type PartialClaimPurpose = 'any' | 'housing';

export type PartialClaimInput = {
  readonly balanceRupiah: Rupiah;
  readonly purpose: PartialClaimPurpose;
  readonly membershipStartDate: CalendarDate;
  readonly claimDate: CalendarDate;
  /** Partial claims already paid in this membership. */
  readonly partialClaimsTaken: number;
};

export type PartialClaimMaximum = {
  readonly purpose: PartialClaimPurpose;
  readonly rateBasisPoints: number;
  readonly maxRupiah: Rupiah;
};

/** The most a member may take as a partial claim (PP 46/2015 art. 22(4)-(6)). */
export function maxPartialJhtClaim(
  input: PartialClaimInput,
  rules: RuleBook,
): Result<
  PartialClaimMaximum,
  'jht_partial_already_taken' | 'jht_partial_membership_too_short' | 'jht_amount_invalid'
> {
  assertCalendarDate(input.claimDate, 'claimDate');
  assertCalendarDate(input.membershipStartDate, 'membershipStartDate');
  if (!Number.isSafeInteger(input.balanceRupiah) || input.balanceRupiah < 0) {
    return err('jht_amount_invalid', undefined, 'balanceRupiah');
  }
  const rule = getRuleInForce(
    rules.jht_claim,
    ruleDate(input.claimDate, firstValidFrom(rules.jht_claim)),
  ).value;
  // PP 46/2015 art. 22(6): once per membership.
  if (input.partialClaimsTaken >= rule.partialClaimsPerMembership) return err('jht_partial_already_taken');
  // PP 46/2015 art. 22(4): after at least 10 years of membership.
  const eligibleFrom = addMonths(input.membershipStartDate, rule.partialMinMembershipMonths);
  if (compareDates(input.claimDate, eligibleFrom) < 0) {
    return err('jht_partial_membership_too_short', {
      date: formatDateIndonesian(eligibleFrom),
      eligibleFrom,
    });
  }
  // PP 46/2015 art. 22(5): up to 10% for any purpose, or up to 30% for housing.
  const rateBasisPoints =
    input.purpose === 'housing' ? rule.partialHousingMaxBasisPoints : rule.partialAnyPurposeMaxBasisPoints;
  return ok({
    purpose: input.purpose,
    rateBasisPoints,
    maxRupiah: basisPointsByRule('partialClaim', input.balanceRupiah, rateBasisPoints),
  });
}

export type JhtTax = {
  readonly grossRupiah: Rupiah;
  readonly exemptRupiah: Rupiah;
  readonly taxableRupiah: Rupiah;
  readonly rateAboveBasisPoints: number;
  readonly taxRupiah: Rupiah;
  readonly netRupiah: Rupiah;
};

/**
 * Final tax on a lump-sum JHT payout: 0% up to Rp50 m, 5% above (PP 68/2009 art. 2; confidence M), by
 * the jht_tax row in force on the payment date (an operator changes it with a rule row).
 */
export function calculateJhtTax(
  input: { readonly grossRupiah: Rupiah; readonly paymentDate: CalendarDate },
  rules: RuleBook,
): Result<JhtTax, 'jht_amount_invalid'> {
  assertCalendarDate(input.paymentDate, 'paymentDate');
  if (!Number.isSafeInteger(input.grossRupiah) || input.grossRupiah < 0) {
    return err('jht_amount_invalid', undefined, 'grossRupiah');
  }
  const rule = getRuleInForce(
    rules.jht_tax,
    ruleDate(input.paymentDate, firstValidFrom(rules.jht_tax)),
  ).value;
  const exemptRupiah = Math.min(input.grossRupiah, rule.exemptUpToRupiah);
  const taxableRupiah = input.grossRupiah - exemptRupiah;
  const taxRupiah = basisPointsByRule('tax', taxableRupiah, rule.rateAboveBasisPoints);
  return ok({
    grossRupiah: input.grossRupiah,
    exemptRupiah,
    taxableRupiah,
    rateAboveBasisPoints: rule.rateAboveBasisPoints,
    taxRupiah,
    netRupiah: input.grossRupiah - taxRupiah,
  });
}
