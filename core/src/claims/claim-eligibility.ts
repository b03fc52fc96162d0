// Whether a claim may be made today and for how much: one function for every programme, built on the
// existing calculators (JHT claim and payout rules, JP, JKK, JKM, JKP). The server gathers the facts
// and passes the rule book in force (with an operator's rows: the JHT tax, the online-only limit …);
// this decides. Amounts are integer Rupiah.
import { calculateJhtTax, maxPartialJhtClaim, type PartialClaimPurpose } from '../jht/jht-payout';
import { checkJhtClaimEligibility, type JhtClaimReason } from '../jht/jht-claim';
import type { Message } from '../errors/message';
import type { Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import { jhtClaimCitations } from '../rules/jht-tables';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom, getRuleInForce } from '../rules/rule-table';
import { assertCalendarDate, maxDate, type CalendarDate } from '../time/calendar-date';
import { assessJkk, assessJkm, assessJkp, assessJp } from './claim-benefit-assessment';
import { requiredClaimDocuments } from './claim-documents';
import {
  endedMembership,
  eventDateOf,
  type Amount,
  type ClaimAssessment,
  type ClaimFacts,
} from './claim-facts';
import { isClaimReasonOf, isEventDateRequired, type ClaimReason } from './claim-types';

export type { ClaimAccountFacts, ClaimAssessment, ClaimFacts, ClaimScheduleMonth } from './claim-facts';

const EXIT_REASON_FOR: Readonly<Record<string, string>> = {
  resignation: 'resignation',
  layoff: 'layoff',
  contract_end: 'contract_end',
  bpu_stopped: 'stopped_working',
};

function jhtAmount(
  facts: ClaimFacts,
  rules: RuleBook,
  grossRupiah: Rupiah,
  eligibleFrom: CalendarDate,
  regulation: Message,
  maxRupiah: Rupiah | null,
): Result<Amount, string> {
  if (grossRupiah <= 0) return err('claim_nothing_to_pay');
  const tax = calculateJhtTax({ grossRupiah, paymentDate: facts.claimDate }, rules);
  if (!tax.ok) return tax;
  return ok({
    payFrom: 'member_jht',
    grossRupiah,
    taxRupiah: tax.value.taxRupiah,
    eligibleFrom,
    regulation,
    maxRupiah,
  });
}

function assessJht(facts: ClaimFacts, reason: ClaimReason, rules: RuleBook): Result<Amount, string> {
  if (reason === 'partial_any' || reason === 'partial_housing') {
    const purpose: PartialClaimPurpose = reason === 'partial_housing' ? 'housing' : 'any';
    // PP 46/2015 art. 22(4)–(6): after 10 years, up to 10% (any) or 30% (housing), once per membership.
    const max = maxPartialJhtClaim(
      {
        balanceRupiah: facts.jhtAvailableRupiah,
        purpose,
        membershipStartDate: facts.membershipStartDate,
        claimDate: facts.claimDate,
        partialClaimsTaken: facts.partialClaimsTaken,
      },
      rules,
    );
    if (!max.ok) return max;
    const requested = facts.requestedRupiah ?? max.value.maxRupiah;
    if (!Number.isSafeInteger(requested) || requested <= 0)
      return err('jht_amount_invalid', undefined, 'requestedRupiah');
    if (requested > max.value.maxRupiah) {
      return err('claim_amount_exceeds_maximum', { max: max.value.maxRupiah }, 'requestedRupiah');
    }
    return jhtAmount(
      facts,
      rules,
      requested,
      facts.claimDate,
      jhtClaimCitations[reason],
      max.value.maxRupiah,
    );
  }
  let eventDate: CalendarDate | undefined;
  if (reason in EXIT_REASON_FOR) {
    if (reason === 'bpu_stopped' && facts.account.segment !== 'BPU')
      return err('claim_reason_invalid', undefined, 'reason');
    const ended = endedMembership(facts, EXIT_REASON_FOR[reason] ?? null);
    if (!ended.ok) return ended;
    eventDate = ended.value;
  } else if (isEventDateRequired('JHT', reason)) {
    const event = eventDateOf(facts);
    if (!event.ok) return event;
    eventDate = event.value;
  }
  const eligible = checkJhtClaimEligibility(
    {
      reason: reason as JhtClaimReason,
      claimDate: facts.claimDate,
      birthDate: facts.birthDate,
      ...(eventDate === undefined ? {} : { eventDate }),
    },
    rules,
  );
  if (!eligible.ok) return eligible;
  return jhtAmount(
    facts,
    rules,
    facts.jhtAvailableRupiah,
    eligible.value.eligibleFrom,
    jhtClaimCitations[eligible.value.reason],
    null,
  );
}

/** The online-only limit in force on the claim date (FACTS.md §3: Rp 15 m from May 2025). */
export function onlineClaimLimitOn(claimDate: CalendarDate, rules: RuleBook): Rupiah {
  const table = rules.jht_online_claim_limit;
  return getRuleInForce(table, maxDate(claimDate, firstValidFrom(table))).value.maxBalanceRupiah;
}

/** Decides a claim: eligible with its amounts and documents, or the reason code why not (and from when). */
export function assessClaim(facts: ClaimFacts, rules: RuleBook): Result<ClaimAssessment, string> {
  assertCalendarDate(facts.claimDate, 'claimDate');
  const { programme } = facts;
  if (!isClaimReasonOf(programme, facts.reason)) return err('claim_reason_invalid', undefined, 'reason');
  const reason = facts.reason;
  if (facts.account.status === 'merged') return err('claim_account_merged');
  let amount: Result<Amount, string>;
  switch (programme) {
    case 'JHT':
      amount = assessJht(facts, reason, rules);
      break;
    case 'JP':
      amount = assessJp(facts, reason, rules);
      break;
    case 'JKK':
      amount = assessJkk(facts, reason, rules);
      break;
    case 'JKM':
      amount = assessJkm(facts, rules);
      break;
    case 'JKP':
      amount = assessJkp(facts, reason, rules);
      break;
  }
  if (!amount.ok) return amount;
  const value = amount.value;
  const taxRupiah = value.taxRupiah ?? 0;
  const onlineLimitRupiah = onlineClaimLimitOn(facts.claimDate, rules);
  return ok({
    programme,
    reason,
    payFrom: value.payFrom,
    grossRupiah: value.grossRupiah,
    taxRupiah,
    netRupiah: value.grossRupiah - taxRupiah,
    monthlyRupiah: value.monthlyRupiah ?? null,
    schedule: value.schedule ?? [],
    maxRupiah: value.maxRupiah ?? null,
    onlineLimitRupiah,
    // JMO rule (FACTS.md §3): amounts above the limit go through Lapak Asik or a branch.
    isBranchVerificationRequired: value.grossRupiah > onlineLimitRupiah,
    eligibleFrom: value.eligibleFrom,
    regulation: value.regulation,
    requiredDocuments: requiredClaimDocuments(programme, reason),
  });
}
