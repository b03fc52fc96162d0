// What each kind of job does: it calls the feature's own service, which is idempotent (keyed findings
// and notifications, ledger idempotency keys, state-machine guards), so a retried or repeated job
// changes nothing twice. Long work runs in the service's own batches; between batches a handler checks
// whether the worker is stopping and, if so, stops with JobInterruptedError so the job is given back.
import type { JobKind, JobPayload } from '@lumbung/core';
import {
  ALERT_BATCH_SIZE,
  MAX_REPORTED_FAILURES,
  runContributionAlerts,
  type CheckFailure,
} from '../alert/alert-run';
import { expireApprovedClaims } from '../claims/claim-payment-service';
import { runJhtReturn } from '../jht-return/jht-return-service';
import { sendQueuedNotifications } from '../notification/notification-dispatch';
import type { ServiceContext } from '../services/service-context';

export interface RunningJob {
  readonly key: string;
  readonly kind: string;
  readonly payload: JobPayload;
  /** This run's number, 1 for the first. */
  readonly attempts: number;
  /** Aborted when the worker stops. */
  readonly signal: AbortSignal;
}

/** Returns a small JSON summary kept on the job row; throws to fail the run. */
export type JobHandler = (ctx: ServiceContext, job: RunningJob) => Promise<Record<string, unknown>>;

export type JobHandlers = Readonly<Record<string, JobHandler>>;

export class JobInterruptedError extends Error {
  override name = 'JobInterruptedError';
}

export function throwIfStopping(signal: AbortSignal): void {
  if (signal.aborted) throw new JobInterruptedError('the worker is stopping');
}

/**
 * Employments per alert-run transaction, and accounts per JHT-return transaction. The services'
 * defaults suit PostgreSQL. The embedded database serves requests on the same single connection, so
 * there a job takes smaller bites: measured on PGlite, 100 employments held it ~1 s and 20 ~0.2 s;
 * 1,000 JHT accounts ~0.3 s and 200 ~30 ms.
 */
export const ALERT_BATCH_SIZE_BY_BACKEND = { pglite: 20, postgresql: ALERT_BATCH_SIZE } as const;
export const JHT_RETURN_BATCH_SIZE = { pglite: 200, postgresql: 1000 } as const;
/** Alert-run batches per call of the service, between which a stop is noticed. */
export const ALERT_BATCHES_PER_STEP = 5;
/** Notifications tried per call of the sweep. */
export const NOTIFICATION_SWEEP_STEP = 100;
/** Bound on the rounds of a sweep or an expiry pass; the next job carries on. */
const MAX_ROUNDS = 100;

function textOf(payload: JobPayload, name: string): string {
  const value = payload[name];
  if (typeof value !== 'string') throw new Error(`job payload has no ${name}`);
  return value;
}

function numberOf(payload: JobPayload, name: string): number {
  const value = payload[name];
  if (typeof value !== 'number' || !Number.isSafeInteger(value))
    throw new Error(`job payload has no ${name}`);
  return value;
}

/**
 * The monthly run as of the day the job was scheduled (WIB): a retry on a later day resumes that same
 * run (alert_runs is keyed by its date) instead of starting another.
 */
async function contributionAlertsJob(ctx: ServiceContext, job: RunningJob): Promise<Record<string, unknown>> {
  const asOf = textOf(job.payload, 'asOf');
  const totals = {
    employmentsChecked: 0,
    employmentsSkipped: 0,
    employmentsFailed: 0,
    findingsOpened: 0,
    findingsResolved: 0,
    alerts: 0,
    resolutions: 0,
  };
  const failures: CheckFailure[] = [];
  let runId = 0;
  let throughPeriod = '';
  for (;;) {
    throwIfStopping(job.signal);
    const ran = await runContributionAlerts(ctx, {
      asOf,
      batchSize: ALERT_BATCH_SIZE_BY_BACKEND[ctx.backend],
      maxBatches: ALERT_BATCHES_PER_STEP,
      send: false,
    });
    if (!ran.ok) throw new Error(`contribution alert run as of ${asOf}: ${ran.code}`);
    runId = ran.value.runId;
    throughPeriod = ran.value.throughPeriod;
    totals.employmentsChecked += ran.value.employmentsChecked;
    totals.employmentsSkipped += ran.value.employmentsSkipped;
    totals.employmentsFailed += ran.value.employmentsFailed;
    failures.push(...ran.value.failures.slice(0, Math.max(0, MAX_REPORTED_FAILURES - failures.length)));
    totals.findingsOpened += ran.value.findingsOpened;
    totals.findingsResolved += ran.value.findingsResolved;
    totals.alerts += ran.value.alertsSent;
    totals.resolutions += ran.value.resolutionsSent;
    if (ran.value.isCompleted) break;
  }
  const delivery = await sendQueuedNotifications(ctx);
  // Employments the compliance check refused are logged by the run and listed here for the operator.
  return { runId, asOf, throughPeriod, ...totals, failures, delivery };
}

/**
 * Approved claims not paid in time expire; the service looks at a page of them per call, and leaves
 * alone those waiting in a bank payment file (counted, as of the last call, in awaitingBank).
 */
async function claimsExpireJob(ctx: ServiceContext, job: RunningJob): Promise<Record<string, unknown>> {
  let expired = 0;
  let awaitingBank = 0;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    throwIfStopping(job.signal);
    const outcome = await expireApprovedClaims(ctx);
    expired += outcome.expired;
    awaitingBank = outcome.awaitingBank;
    if (outcome.expired === 0) break;
  }
  return { expired, awaitingBank };
}

/** Credits a declared year's JHT return; a stop between batches leaves the run resumable. */
async function jhtReturnJob(ctx: ServiceContext, job: RunningJob): Promise<Record<string, unknown>> {
  const year = numberOf(job.payload, 'year');
  const ran = await runJhtReturn(ctx, year, {
    batchSize: JHT_RETURN_BATCH_SIZE[ctx.backend],
    onProgress: () => throwIfStopping(job.signal),
  });
  if (!ran.ok) throw new Error(`JHT return ${year}: ${ran.code}`);
  return {
    year,
    status: ran.value.status,
    accountsDone: ran.value.accountsDone,
    amountCreditedRupiah: ran.value.amountCreditedRupiah,
  };
}

/**
 * Sends what is still queued: deliveries put back after a failed send, and any a stopped process left.
 * Requests still dispatch their own notifications at once; this sweep is the safety net and the retry.
 */
async function notificationsSendJob(ctx: ServiceContext, job: RunningJob): Promise<Record<string, unknown>> {
  const totals = { sent: 0, skipped: 0, failed: 0, retrying: 0 };
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    throwIfStopping(job.signal);
    const outcome = await sendQueuedNotifications(ctx, { limit: NOTIFICATION_SWEEP_STEP });
    totals.sent += outcome.sent;
    totals.skipped += outcome.skipped;
    totals.failed += outcome.failed;
    totals.retrying += outcome.retrying;
    const tried = outcome.sent + outcome.skipped + outcome.failed + outcome.retrying;
    if (tried < NOTIFICATION_SWEEP_STEP || outcome.retrying > 0) break;
  }
  return totals;
}

export const jobHandlers: Readonly<Record<JobKind, JobHandler>> = {
  'contribution-alerts': contributionAlertsJob,
  'claims-expire': claimsExpireJob,
  'jht-return': jhtReturnJob,
  'notifications-send': notificationsSendJob,
};
