// `lumbung alerts:run [--as-of YYYY-MM-DD]`: the monthly contribution-alert run (schedule it daily or
// on the 16th; a second start of the same day resumes or re-checks it and tells no one twice).
// `lumbung notifications:send`: sends SMS/e-mail still queued (e.g. after a mail server outage).
import { errorMessage } from '@lumbung/core';
import { runContributionAlerts } from '../alert/alert-run';
import type { Config } from '../config';
import { sendQueuedNotifications } from '../notification/notification-dispatch';
import { startRuntime } from '../runtime';
import { todayInJakarta } from '../services/clock';

export const alertsRunSummary =
  'check every employment for missed or under-paid months and tell members (--as-of YYYY-MM-DD)';
export const notificationsSendSummary = 'send SMS and e-mail notifications still waiting in the queue';

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

export async function alertsRunCommand(config: Config, args: readonly string[]): Promise<number> {
  const options = parseArgs(args);
  if (!options) {
    process.stderr.write('usage: lumbung alerts:run [--as-of YYYY-MM-DD]\n');
    return 2;
  }
  const runtime = await startRuntime(config);
  try {
    const asOf = options.asOf ?? todayInJakarta(runtime.ctx.clock);
    const outcome = await runContributionAlerts(runtime.ctx, { asOf });
    if (!outcome.ok) {
      process.stderr.write(`${errorMessage(outcome.code, 'en')}\n`);
      return 2;
    }
    const run = outcome.value;
    const delivery = run.delivery;
    process.stdout.write(
      `contribution alerts as of ${run.asOf} (months through ${run.throughPeriod}): ` +
        `${run.employmentsChecked} employments checked, ${run.findingsOpened} findings opened, ` +
        `${run.findingsResolved} resolved; ${run.alertsSent} alerts and ${run.resolutionsSent} resolutions recorded` +
        (delivery
          ? `; sent ${delivery.sent}, skipped ${delivery.skipped}, failed ${delivery.failed}, to retry ${delivery.retrying}`
          : '') +
        '\n',
    );
    return 0;
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
