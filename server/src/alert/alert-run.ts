// The monthly contribution-alert run: after the payment deadline, every employment that can owe a
// month is checked with the core compliance calculator; findings are recorded once per employment and
// month, members are told once, and paid arrears are closed. Batches of employments commit one by one
// with the run's cursor, so the run can be stopped, resumed, or started twice with the same result.
import {
  addPeriods,
  checkContributionCompliance,
  comparePeriods,
  err,
  firstDayOfPeriod,
  isCalendarDate,
  ok,
  paymentDeadline,
  periodOf,
  prevPeriod,
  type Period,
  type Result,
  type RuleBook,
} from '@lumbung/core';
import { planFindings } from '@lumbung/core/alert/index';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { sendQueuedNotifications, type DispatchOutcome } from '../notification/notification-dispatch';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { loadBatchLedger, nextEmployments, type BatchLedger, type EmploymentToCheck } from './alert-data';
import { tellMember } from './alert-notify';

export const ALERT_BATCH_SIZE = 100;
/** How far back a run looks for months never paid; older open findings are still re-checked. */
export const ALERT_LOOKBACK_MONTHS = 24;

export interface AlertRunOptions {
  /** The day the run judges as of ('YYYY-MM-DD', WIB); today or earlier. */
  readonly asOf: string;
  readonly batchSize?: number;
  /** Stop after this many batches (tests use it to show a resumed run). */
  readonly maxBatches?: number;
  /** Send queued SMS/e-mail at the end (default true). */
  readonly send?: boolean;
}

export interface AlertRunOutcome {
  readonly runId: number;
  readonly asOf: string;
  /** The last month whose payment deadline had passed on asOf. */
  readonly throughPeriod: Period;
  readonly isCompleted: boolean;
  readonly isResumed: boolean;
  readonly employmentsChecked: number;
  readonly findingsOpened: number;
  readonly findingsResolved: number;
  readonly alertsSent: number;
  readonly resolutionsSent: number;
  /** Not judged by design: informal (BPU) memberships and employments with no wage ever reported. */
  readonly employmentsSkipped: number;
  /** The compliance check refused the employment's history (e.g. a wage beyond what the rules take). */
  readonly employmentsFailed: number;
  /** The first failures (at most MAX_REPORTED_FAILURES), for the operator to look into. */
  readonly failures: readonly CheckFailure[];
  readonly delivery: DispatchOutcome | null;
}

export interface CheckFailure {
  readonly employmentId: number;
  readonly code: string;
}

export const MAX_REPORTED_FAILURES = 20;

/** The last PU month whose deadline (the 15th of the following month, core rules) is before asOf. */
export function lastDuePeriod(asOf: string, rules: RuleBook): Period {
  let period = prevPeriod(periodOf(asOf));
  const deadline = paymentDeadline(period, 'PU', rules);
  if (!deadline.ok || deadline.value >= asOf) period = prevPeriod(period);
  return period;
}

async function startRun(ctx: ServiceContext, asOf: string, throughPeriod: Period) {
  return ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('alert_runs')
      .values({ as_of: asOf, through_period: throughPeriod, started_at: ctx.clock.now() })
      .onConflict((conflict) => conflict.column('as_of').doNothing())
      .execute();
    const run = await trx
      .selectFrom('alert_runs')
      .selectAll()
      .where('as_of', '=', asOf)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (run.status === 'running') return { run, isResumed: run.last_employment_id > 0 };
    // A completed run started again checks everything again; what was recorded and told stays so.
    const restarted = await trx
      .updateTable('alert_runs')
      .set({
        status: 'running',
        last_employment_id: 0,
        employments_checked: 0,
        findings_opened: 0,
        findings_resolved: 0,
        started_at: ctx.clock.now(),
        completed_at: null,
      })
      .where('run_id', '=', run.run_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { run: restarted, isResumed: false };
  });
}

type EmploymentOutcome =
  | {
      readonly status: 'checked';
      readonly opened: number;
      readonly resolved: number;
      readonly alerts: number;
      readonly resolutions: number;
    }
  | { readonly status: 'skipped' }
  | { readonly status: 'failed'; readonly code: string };

async function checkEmployment(
  ctx: ServiceContext,
  trx: Kysely<DB>,
  employment: EmploymentToCheck,
  ledger: BatchLedger,
  context: { asOf: string; windowStart: Period; runId: number },
): Promise<EmploymentOutcome> {
  const wageReports = ledger.wageReportsOf(employment);
  // Without any reported wage there is nothing to compare with: such months are not judged here.
  if (employment.segment !== 'PU' || wageReports.length === 0) return { status: 'skipped' };
  const recorded = ledger.findingsOf(employment);
  const openPeriods = recorded
    .filter((finding) => finding.status === 'open')
    .map((finding) => finding.period);
  let from = periodOf(employment.startedOn);
  if (comparePeriods(from, context.windowStart) < 0) from = context.windowStart;
  for (const period of openPeriods) if (comparePeriods(period, from) < 0) from = period;
  const report = checkContributionCompliance(
    {
      segment: 'PU',
      riskClass: employment.riskClass,
      // Judged by what reached the member's own accounts: JHT and JP, worker and employer parts.
      programmes: ['JHT', 'JP'],
      employment: [{ from, to: employment.endedOn === null ? null : periodOf(employment.endedOn) }],
      wageReports,
      postings: ledger.postingsOf(employment),
      asOf: context.asOf,
    },
    ctx.rules.current,
  );
  if (!report.ok) {
    ctx.log.warn({ employmentId: employment.employmentId, code: report.code }, 'contribution check failed');
    return { status: 'failed', code: report.code };
  }
  const plan = planFindings(recorded, report.value);
  const now = ctx.clock.now();
  if (plan.open.length > 0) {
    await trx
      .insertInto('contribution_findings')
      .values(
        plan.open.map((finding) => ({
          employment_id: employment.employmentId,
          person_id: employment.personId,
          account_id: employment.accountId,
          employer_id: employment.employerId,
          period: finding.period,
          kind: finding.kind,
          status: finding.status,
          expected_amount: finding.expectedRupiah,
          posted_amount: finding.postedRupiah,
          shortfall_amount: finding.shortfallRupiah,
          wage_basis: finding.wageMonthlyRupiah,
          penalty_amount: finding.penaltyRupiah,
          due_on: finding.dueDate,
          paid_on: finding.paidDate,
          detected_at: now,
          detected_run_id: context.runId,
          checked_at: now,
          resolved_at: finding.status === 'resolved' ? now : null,
        })),
      )
      .onConflict((conflict) => conflict.columns(['employment_id', 'period']).doNothing())
      .execute();
  }
  for (const finding of plan.refresh) {
    await trx
      .updateTable('contribution_findings')
      .set({
        kind: finding.kind,
        expected_amount: finding.expectedRupiah,
        posted_amount: finding.postedRupiah,
        shortfall_amount: finding.shortfallRupiah,
        wage_basis: finding.wageMonthlyRupiah,
        penalty_amount: finding.penaltyRupiah,
        checked_at: now,
      })
      .where('finding_id', '=', finding.findingId)
      .execute();
  }
  for (const finding of plan.resolve) {
    await trx
      .updateTable('contribution_findings')
      .set((eb) => ({
        status: 'resolved',
        posted_amount: finding.postedRupiah ?? eb.ref('expected_amount'),
        shortfall_amount: 0,
        penalty_amount: finding.penaltyRupiah,
        paid_on: finding.paidDate,
        resolved_at: now,
        checked_at: now,
      }))
      .where('finding_id', '=', finding.findingId)
      .where('status', '=', 'open')
      .execute();
  }
  const told = await tellMember(ctx, trx, employment);
  return {
    status: 'checked',
    opened: plan.open.filter((finding) => finding.status === 'open').length,
    resolved: plan.resolve.length,
    alerts: told.alerts,
    resolutions: told.resolutions,
  };
}

export async function runContributionAlerts(
  ctx: ServiceContext,
  options: AlertRunOptions,
): Promise<Result<AlertRunOutcome, 'alert_as_of_invalid'>> {
  const asOf = options.asOf;
  if (!isCalendarDate(asOf) || asOf > todayInJakarta(ctx.clock))
    return err('alert_as_of_invalid', undefined, 'asOf');
  const throughPeriod = lastDuePeriod(asOf, ctx.rules.current);
  const windowStart = addPeriods(throughPeriod, -(ALERT_LOOKBACK_MONTHS - 1));
  const batchSize = Math.min(Math.max(options.batchSize ?? ALERT_BATCH_SIZE, 1), 1000);
  const started = await startRun(ctx, asOf, throughPeriod);
  const runId = started.run.run_id;
  const totals = { checked: 0, opened: 0, resolved: 0, alerts: 0, resolutions: 0, skipped: 0, failed: 0 };
  const failures: CheckFailure[] = [];
  let batches = 0;
  let isCompleted = false;
  while (options.maxBatches === undefined || batches < options.maxBatches) {
    const isDone = await ctx.db.transaction().execute(async (trx) => {
      // The run row is the lock: two workers on one date take turns, each continuing from the cursor.
      const run = await trx
        .selectFrom('alert_runs')
        .selectAll()
        .where('run_id', '=', runId)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (run.status === 'completed') return true;
      const employments = await nextEmployments(trx, {
        afterId: run.last_employment_id,
        limit: batchSize,
        windowStart: firstDayOfPeriod(windowStart),
      });
      if (employments.length === 0) {
        await trx
          .updateTable('alert_runs')
          .set({ status: 'completed', completed_at: ctx.clock.now() })
          .where('run_id', '=', runId)
          .execute();
        return true;
      }
      const ledger = await loadBatchLedger(trx, employments, windowStart);
      const batch = { checked: 0, opened: 0, resolved: 0, skipped: 0, failed: 0 };
      const batchFailures: CheckFailure[] = [];
      for (const employment of employments) {
        const outcome = await checkEmployment(ctx, trx, employment, ledger, { asOf, windowStart, runId });
        batch.checked += 1;
        if (outcome.status === 'skipped') {
          batch.skipped += 1;
          continue;
        }
        if (outcome.status === 'failed') {
          batch.failed += 1;
          batchFailures.push({ employmentId: employment.employmentId, code: outcome.code });
          continue;
        }
        batch.opened += outcome.opened;
        batch.resolved += outcome.resolved;
        totals.alerts += outcome.alerts;
        totals.resolutions += outcome.resolutions;
      }
      await trx
        .updateTable('alert_runs')
        .set((eb) => ({
          last_employment_id: employments[employments.length - 1]?.employmentId ?? run.last_employment_id,
          employments_checked: eb('employments_checked', '+', batch.checked),
          findings_opened: eb('findings_opened', '+', batch.opened),
          findings_resolved: eb('findings_resolved', '+', batch.resolved),
        }))
        .where('run_id', '=', runId)
        .execute();
      totals.checked += batch.checked;
      totals.opened += batch.opened;
      totals.resolved += batch.resolved;
      totals.skipped += batch.skipped;
      totals.failed += batch.failed;
      failures.push(...batchFailures.slice(0, Math.max(0, MAX_REPORTED_FAILURES - failures.length)));
      return false;
    });
    batches += 1;
    if (isDone) {
      isCompleted = true;
      break;
    }
  }
  const delivery = options.send === false ? null : await sendQueuedNotifications(ctx);
  ctx.log.info({ runId, asOf, throughPeriod, ...totals, isCompleted }, 'contribution alert run');
  return ok({
    runId,
    asOf,
    throughPeriod,
    isCompleted,
    isResumed: started.isResumed,
    employmentsChecked: totals.checked,
    findingsOpened: totals.opened,
    findingsResolved: totals.resolved,
    alertsSent: totals.alerts,
    resolutionsSent: totals.resolutions,
    employmentsSkipped: totals.skipped,
    employmentsFailed: totals.failed,
    failures,
    delivery,
  });
}
