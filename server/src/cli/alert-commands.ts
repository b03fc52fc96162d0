// `lumbung alerts:run [--as-of YYYY-MM-DD]`: the monthly contribution-alert run (schedule it daily or
// on the 16th; a second start of the same day resumes or re-checks it and tells no one twice). It exits
// 1 when the check failed for any employment, naming each.
// `lumbung notifications:send`: sends SMS/e-mail still queued (e.g. after a mail server outage).
import { errorMessage } from '@lumbung/core';
import { runContributionAlerts } from '../alert/alert-run';
import type { Config } from '../config';
import { sendQueuedNotifications } from '../notification/notification-dispatch';
import { startRuntime } from '../runtime';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';

export const alertsRunSummary =
  'check every employment for missed or under-paid months and tell members (--as-of YYYY-MM-DD)';
export const notificationsSendSummary = 'send SMS and e-mail notifications still waiting in the queue';

const ALERTS_RUN_USAGE = 'usage: lumbung alerts:run [--as-of YYYY-MM-DD]\n';

function parseArgs(args: readonly string[]): { asOf?: string } | null {
  const options: { asOf?: string } = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] ?? '';
    if (arg === '--as-of' && args[index + 1] !== undefined) {
      options.asOf = args[index + 1];
      index += 1;
    } else if (arg.startsWith('--as-of=')) {
      options.asOf = arg.slice('--as-of='.length);
    } else {
      return null;
    }
  }
  return options;
}

interface Output {
  write(text: string): unknown;
}

/**
 * The run and its report. Exit codes: 0 when every employment was judged or skipped by design, 1 when
 * the check failed for any employment (each is named; nothing else in the run is held back by it),
 * 2 for bad arguments or an as-of date in the future.
 */
export async function runAlertsCommand(
  ctx: ServiceContext,
  args: readonly string[],
  out: Output = process.stdout,
  errors: Output = process.stderr,
): Promise<number> {
  const options = parseArgs(args);
  if (!options) {
    errors.write(ALERTS_RUN_USAGE);
    return 2;
  }
  const asOf = options.asOf ?? todayInJakarta(ctx.clock);
  const outcome = await runContributionAlerts(ctx, { asOf });
  if (!outcome.ok) {
    errors.write(`${errorMessage(outcome.code, 'en')}\n`);
    return 2;
  }
  const run = outcome.value;
  const delivery = run.delivery;
  out.write(
    `contribution alerts as of ${run.asOf} (months through ${run.throughPeriod}): ` +
      `${run.employmentsChecked} employments checked (${run.employmentsSkipped} skipped: no wage reported or BPU; ` +
      `${run.employmentsFailed} failed), ${run.findingsOpened} findings opened, ` +
      `${run.findingsResolved} resolved; ${run.alertsSent} alerts and ${run.resolutionsSent} resolutions recorded` +
      (delivery
        ? `; sent ${delivery.sent}, skipped ${delivery.skipped}, failed ${delivery.failed}, to retry ${delivery.retrying}`
        : '') +
      '\n',
  );
  if (run.employmentsFailed === 0) return 0;
  for (const failure of run.failures) {
    errors.write(`  check failed for employment ${failure.employmentId}: ${failure.code}\n`);
  }
  if (run.employmentsFailed > run.failures.length) {
    errors.write(`  … and ${run.employmentsFailed - run.failures.length} more (see the server log)\n`);
  }
  return 1;
}

export async function alertsRunCommand(config: Config, args: readonly string[]): Promise<number> {
  // Bad arguments are answered before a database is opened.
  if (!parseArgs(args)) {
    process.stderr.write(ALERTS_RUN_USAGE);
    return 2;
  }
  const runtime = await startRuntime(config);
  try {
    return await runAlertsCommand(runtime.ctx, args);
  } finally {
    await runtime.close();
  }
}

export async function notificationsSendCommand(config: Config): Promise<number> {
  const runtime = await startRuntime(config);
  try {
    const outcome = await sendQueuedNotifications(runtime.ctx);
    process.stdout.write(
      `notifications: sent ${outcome.sent}, skipped ${outcome.skipped}, failed ${outcome.failed}, to retry ${outcome.retrying}\n`,
    );
    return outcome.retrying > 0 ? 1 : 0;
  } finally {
    await runtime.close();
  }
}
