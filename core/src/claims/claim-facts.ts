// The facts a claim is decided on, gathered by the server, and the helpers every programme's check uses.
import type { Message } from '../errors/message';
import type { JpWageYear } from '../jp/jp-benefit';
import type { JpSurvivor } from '../jp/jp-survivor';
import type { Rupiah } from '../money/rupiah';
import { err, ok, type Result } from '../result';
import {
  assertCalendarDate,
  compareDates,
  formatDateIndonesian,
  type CalendarDate,
} from '../time/calendar-date';
import type { Period } from '../time/period';
import type { ClaimDocumentType, ClaimPayFrom, ClaimProgramme, ClaimReason } from './claim-types';

export type ClaimAccountFacts = {
  readonly status: 'active' | 'inactive' | 'merged';
  readonly segment: 'PU' | 'BPU';
  readonly joinedOn: CalendarDate;
  readonly exitedOn: CalendarDate | null;
  readonly exitReason: string | null;
};

export type ClaimFacts = {
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly claimDate: CalendarDate;
  readonly account: ClaimAccountFacts;
  /** The first day of membership over all of the person's KPJ (partial JHT, JKM scholarship). */
  readonly membershipStartDate: CalendarDate;
  readonly birthDate: CalendarDate;
  /** Departure, disability certificate, death or accident date, stated by the claimant. */
  readonly eventDate?: CalendarDate;
  /** JHT balance of this KPJ less money already held for other claims. */
  readonly jhtAvailableRupiah: Rupiah;
  readonly jpAvailableRupiah: Rupiah;
  readonly jpWages: readonly JpWageYear[];
  readonly partialClaimsTaken: number;
  readonly lastWageMonthlyRupiah: Rupiah | null;
  readonly paidPeriods: readonly Period[];
  /** Partial JHT: the amount asked for (at most the maximum); absent means the maximum. */
  readonly requestedRupiah?: Rupiah;
  /** JKK temporary incapacity: months unable to work. */
  readonly incapacityMonths?: number;
  readonly hasNewJob?: boolean;
  /** JP death: how the heir who files is related to the member (from the beneficiary list). */
  readonly jpSurvivor?: JpSurvivor;
};

/** One month of a periodic benefit the claim covers (JKP's months, a pension's first month). */
export type ClaimScheduleMonth = { readonly month: number; readonly amountRupiah: Rupiah };

export type ClaimAssessment = {
  readonly programme: ClaimProgramme;
  readonly reason: ClaimReason;
  readonly payFrom: ClaimPayFrom;
  readonly grossRupiah: Rupiah;
  readonly taxRupiah: Rupiah;
  readonly netRupiah: Rupiah;
  /** A periodic benefit's monthly amount (JP pension: the first month; JKP: the first month). */
  readonly monthlyRupiah: Rupiah | null;
  /**
   * The months the one payout covers, each with its amount (gross is their sum); empty for a lump sum.
   * JKP lists its months (PP 6/2025: 6 × 60%); a JP pension lists its first month only.
   */
  readonly schedule: readonly ClaimScheduleMonth[];
  /** Partial JHT: the most that may be taken. */
  readonly maxRupiah: Rupiah | null;
  readonly onlineLimitRupiah: Rupiah;
  /** Above the online-only limit: the claim needs a branch verification before review. */
  readonly isBranchVerificationRequired: boolean;
  readonly eligibleFrom: CalendarDate;
  /** The regulation and articles the decision rests on, cited in Indonesian and in English. */
  readonly regulation: Message;
  readonly requiredDocuments: readonly ClaimDocumentType[];
};

export type Amount = Omit<
  ClaimAssessment,
  | 'programme'
  | 'reason'
  | 'onlineLimitRupiah'
  | 'isBranchVerificationRequired'
  | 'requiredDocuments'
  | 'netRupiah'
  | 'taxRupiah'
  | 'maxRupiah'
  | 'monthlyRupiah'
  | 'schedule'
> & {
  readonly taxRupiah?: Rupiah;
  readonly maxRupiah?: Rupiah | null;
  readonly monthlyRupiah?: Rupiah | null;
  readonly schedule?: readonly ClaimScheduleMonth[];
};

/** The membership must have ended for this reason; the exit date is the event date. */
export function endedMembership(facts: ClaimFacts, exitReason: string | null): Result<CalendarDate, string> {
  const { account } = facts;
  if (account.status === 'active' || account.exitedOn === null) return err('claim_membership_active');
  if (exitReason !== null && account.exitReason !== exitReason) {
    return err('claim_exit_reason_mismatch', { exitReason: account.exitReason ?? '-' });
  }
  return ok(account.exitedOn);
}

export function eventDateOf(facts: ClaimFacts): Result<CalendarDate, string> {
  if (facts.eventDate === undefined) return err('claim_event_date_required', undefined, 'eventDate');
  assertCalendarDate(facts.eventDate, 'eventDate');
  if (compareDates(facts.eventDate, facts.claimDate) > 0) {
    return err('jht_event_after_claim', { date: formatDateIndonesian(facts.eventDate) }, 'eventDate');
  }
  return ok(facts.eventDate);
}
