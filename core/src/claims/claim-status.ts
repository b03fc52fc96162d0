// The claim state machine and the service-level clock. A claim moves only along these edges; every
// move is recorded as a status event the member sees in the timeline.
import { addWorkingDays, workingDaysBetween, type CalendarDate } from '../time/calendar-date';
import { CLAIM_STATUSES, type ClaimStatus } from './claim-types';

const EDGES: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  draft: ['submitted', 'branch_verification', 'cancelled'],
  branch_verification: ['submitted', 'rejected', 'cancelled'],
  submitted: ['approved', 'rejected', 'cancelled'],
  approved: ['paid', 'payment_failed', 'rejected', 'expired'],
  payment_failed: ['paid', 'rejected', 'expired'],
  paid: [],
  rejected: [],
  cancelled: [],
  expired: [],
};

export function canMoveClaim(from: ClaimStatus, to: ClaimStatus): boolean {
  return EDGES[from].includes(to);
}

/** Open: the claim can still move (not paid, rejected, cancelled or expired). */
export function isClaimOpen(status: ClaimStatus): boolean {
  return EDGES[status].length > 0;
}

/**
 * The one list of open statuses: a claim in one of these counts against "one open claim per KPJ and
 * programme" (the partial unique index claims_one_open_idx in migration 0008 repeats it in SQL; a test
 * keeps the two equal) and blocks a KPJ merge.
 */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = CLAIM_STATUSES.filter(isClaimOpen);

/** What the officers' queue shows: open claims the member has sent. */
export const CLAIM_QUEUE_STATUSES = [
  'branch_verification',
  'submitted',
  'approved',
  'payment_failed',
] as const;

/** Statuses in which the claim holds money in the ledger (placed at approval, released or consumed later). */
export function isClaimHolding(status: ClaimStatus): boolean {
  return status === 'approved' || status === 'payment_failed';
}

/** Payout within 5 working days after a complete application (Minister of Manpower, April 2022; FACTS.md §3). */
export const CLAIM_SERVICE_LEVEL_WORKING_DAYS = 5;

export type ClaimAgeing = {
  readonly workingDaysOpen: number;
  readonly dueOn: CalendarDate;
  readonly isOverdue: boolean;
  readonly workingDaysLeft: number;
};

/** Working days since the complete application and whether the service level is missed. */
export function claimAgeing(
  submittedOn: CalendarDate,
  today: CalendarDate,
  holidays: ReadonlySet<CalendarDate> = new Set(),
): ClaimAgeing {
  const workingDaysOpen = workingDaysBetween(submittedOn, today, holidays);
  const dueOn = addWorkingDays(submittedOn, CLAIM_SERVICE_LEVEL_WORKING_DAYS, holidays);
  return {
    workingDaysOpen,
    dueOn,
    isOverdue: workingDaysOpen > CLAIM_SERVICE_LEVEL_WORKING_DAYS,
    workingDaysLeft: Math.max(0, CLAIM_SERVICE_LEVEL_WORKING_DAYS - workingDaysOpen),
  };
}
