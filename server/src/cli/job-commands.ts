// `lumbung jobs` lists the background jobs, `jobs:run-due` runs what is due now once and exits (for
// cron where no `serve` runs the worker), `jobs:retry <key>` queues a failed job again.
import type { Config } from '../config';
import type { JobStatus } from '../db/tables/job-tables';
import { listJobs, retryFailedJob, type JobView } from '../jobs/job-admin';
import { runDueJobs } from '../jobs/job-worker';
import { startRuntime } from '../runtime';

export const jobsListSummary =
  'list background jobs, newest first (--status queued|running|done|failed, --limit N)';
export const jobsRunDueSummary = 'schedule and run the background jobs due now, once, then exit (for cron)';
export const jobsRetrySummary = 'queue a failed background job again: jobs:retry <key>';

const STATUSES: readonly JobStatus[] = ['queued', 'running', 'done', 'failed'];

function parseListArgs(args: readonly string[]): { status?: JobStatus; limit?: number } | null {
  const options: { status?: JobStatus; limit?: number } = {};
  for (let index = 0; index < args.length; index += 1) {
    const [flag, inline] = (args[index] ?? '').split('=', 2);
    const value = inline ?? args[++index];
    if (flag === '--status' && STATUSES.includes(value as JobStatus)) options.status = value as JobStatus;
    else if (flag === '--limit' && value !== undefined && /^\d{1,3}$/.test(value) && Number(value) > 0)
      options.limit = Number(value);
    else return null;
  }
  return options;
}

const time = (value: Date | null): string => (value ? value.toISOString().slice(0, 19) + 'Z' : '—');

function formatJob(job: JobView): string {
  const when =
    job.status === 'queued'
      ? `runs ${time(job.runAt)}`
      : job.status === 'running'
        ? `held by ${job.lockedBy ?? '?'} until ${time(job.lockedUntil)}`
        : `finished ${time(job.finishedAt)}`;
  const error = job.lastError && job.status !== 'done' ? `\n      last error: ${job.lastError}` : '';
  return `  ${job.key.padEnd(44)} ${job.status.padEnd(8)} ${`${job.attempts}/${job.maxAttempts}`.padEnd(6)} ${when}${error}`;
}

export async function jobsListCommand(config: Config, args: readonly string[]): Promise<number> {
  const options = parseListArgs(args);
  if (!options) {
    process.stderr.write('usage: lumbung jobs [--status queued|running|done|failed] [--limit 1-500]\n');
    return 2;
  }
  const runtime = await startRuntime(config);
  try {
    const jobs = await listJobs(runtime.ctx, options);
    if (jobs.length === 0) {
      process.stdout.write('no jobs\n');
      return 0;
    }
    process.stdout.write(
      `  ${'key'.padEnd(44)} ${'status'.padEnd(8)} ${'tries'.padEnd(6)} when\n${jobs.map(formatJob).join('\n')}\n`,
    );
    return 0;
  } finally {
    await runtime.close();
  }
}

/** Exit status 1 when a job failed or is to be retried, so cron reports it. */
export async function jobsRunDueCommand(config: Config, args: readonly string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write('usage: lumbung jobs:run-due\n');
    return 2;
  }
  const runtime = await startRuntime(config);
  try {
    const outcomes = await runDueJobs(runtime.ctx);
    for (const outcome of outcomes) {
      process.stdout.write(
        `${outcome.key}: ${outcome.status} (attempt ${outcome.attempts})${outcome.error ? `: ${outcome.error}` : ''}\n`,
      );
    }
    process.stdout.write(`${outcomes.length} job(s) run\n`);
    return outcomes.some((outcome) => outcome.status === 'failed' || outcome.status === 'retrying') ? 1 : 0;
  } finally {
    await runtime.close();
  }
}

export async function jobsRetryCommand(config: Config, args: readonly string[]): Promise<number> {
  const key = args[0];
  if (!key || args.length > 1) {
    process.stderr.write('usage: lumbung jobs:retry <key>\n');
    return 2;
  }
  const runtime = await startRuntime(config);
  try {
    const outcome = await retryFailedJob(runtime.ctx, key);
    const messages = {
      retried: `${key}: queued again`,
      job_not_found: `${key}: no such job`,
      job_not_failed: `${key}: not failed; only a failed job is retried`,
    } as const;
    (outcome === 'retried' ? process.stdout : process.stderr).write(`${messages[outcome]}\n`);
    return outcome === 'retried' ? 0 : 2;
  } finally {
    await runtime.close();
  }
}
