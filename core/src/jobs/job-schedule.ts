// Which periodic background jobs are due at an instant. Pure rules: the caller passes the time in and
// enqueues what this returns by its key, so asking twice (or from two servers) yields each job once.
import { paymentDeadline } from '../contribution/payment-deadline';
import type { RuleBook } from '../rules/rule-book';
import { calendarDateAt, type CalendarDate } from '../time/calendar-date';
import { periodOf, prevPeriod, type Period } from '../time/period';

export type JobKind = 'contribution-alerts' | 'claims-expire' | 'jht-return' | 'notifications-send';

export const JOB_KINDS: readonly JobKind[] = [
  'contribution-alerts',
  'claims-expire',
  'jht-return',
  'notifications-send',
];

/** How often queued SMS and e-mail are swept (retries, and sends a stopped process left behind). */
export const NOTIFICATION_SWEEP_SECONDS = 60;

export interface JobKindSettings {
  /** Runs (first try included) before the job is marked failed. */
  readonly maxAttempts: number;
}

/**
 * A notification sweep is retried by the next minute's sweep, so one attempt is enough; the others
 * carry a month's, a day's or a year's work and are worth several tries.
 */
export const jobKindSettings: Readonly<Record<JobKind, JobKindSettings>> = {
  'contribution-alerts': { maxAttempts: 8 },
  'claims-expire': { maxAttempts: 5 },
  'jht-return': { maxAttempts: 8 },
  'notifications-send': { maxAttempts: 1 },
};

export type JobPayload = Readonly<Record<string, string | number>>;

export interface ScheduledJob {
  readonly kind: JobKind;
  /** Unique per run of the work: `contribution-alerts:2026-10`, `claims-expire:2026-12-02`, … */
  readonly key: string;
  readonly payload: JobPayload;
}

/** What the schedule needs from the database, read by the caller. */
export interface ScheduleFacts {
  /** Years whose JHT return was declared and is not yet credited to every account. */
  readonly pendingJhtReturnYears: readonly number[];
  /** The rule book in force (payment deadlines decide when a month's alerts are due). */
  readonly rules: RuleBook;
}

/**
 * The last PU contribution month whose payment deadline (the 15th of the following month; the 30th in
 * the PP 49/2020 relief months) is before asOf: the month a contribution-alert run judges through.
 */
export function lastDueContributionPeriod(asOf: CalendarDate, rules: RuleBook): Period {
  let period = prevPeriod(periodOf(asOf));
  const deadline = paymentDeadline(period, 'PU', rules);
  if (!deadline.ok || deadline.value >= asOf) period = prevPeriod(period);
  return period;
}

/** The UTC minute slot of a sweep, e.g. `2026-11-22T03:04Z`. */
export function notificationSweepSlot(atEpochMs: number): string {
  const slotMs =
    Math.floor(atEpochMs / (NOTIFICATION_SWEEP_SECONDS * 1000)) * NOTIFICATION_SWEEP_SECONDS * 1000;
  return `${new Date(slotMs).toISOString().slice(0, 16)}Z`;
}

/**
 * The jobs due at an instant. Days turn in Jakarta (WIB, UTC+7), where the fund's deadlines fall.
 * - contribution alerts once per month, from the day after its payment deadline; a server that was
 *   off for a whole month loses nothing, because each run looks back 24 months;
 * - claim expiry once per Jakarta day;
 * - the JHT return of every declared year not yet completed (the operator declares; the job credits);
 * - a notification sweep once per minute.
 */
export function dueJobsAt(atEpochMs: number, facts: ScheduleFacts): ScheduledJob[] {
  const today = calendarDateAt(atEpochMs);
  const period = lastDueContributionPeriod(today, facts.rules);
  const jobs: ScheduledJob[] = [
    { kind: 'contribution-alerts', key: `contribution-alerts:${period}`, payload: { period, asOf: today } },
    { kind: 'claims-expire', key: `claims-expire:${today}`, payload: { day: today } },
  ];
  for (const year of [...new Set(facts.pendingJhtReturnYears)].sort((a, b) => a - b)) {
    if (Number.isSafeInteger(year))
      jobs.push({ kind: 'jht-return', key: `jht-return:${year}`, payload: { year } });
  }
  const slot = notificationSweepSlot(atEpochMs);
  jobs.push({ kind: 'notifications-send', key: `notifications-send:${slot}`, payload: { slot } });
  return jobs;
}
