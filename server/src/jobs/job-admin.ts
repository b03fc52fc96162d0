// What an operator does with the queue: list jobs, run a failed one again, and drop old finished rows.
import type { JobStatus } from '../db/tables/job-tables';
import type { JobContext } from './job-queue';

export interface JobView {
  readonly jobId: number;
  readonly key: string;
  readonly kind: string;
  readonly status: JobStatus;
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly runAt: Date;
  readonly lockedBy: string | null;
  readonly lockedUntil: Date | null;
  readonly lastError: string | null;
  readonly result: unknown;
  readonly finishedAt: Date | null;
}

export const JOB_LIST_LIMIT_MAX = 500;
/**
 * How long a done job is kept (for `lumbung jobs`); failed ones stay until retried. Longer than the
 * schedule asks for its key — a month's alert key is asked for until the next deadline passes — so a
 * pruned key is never enqueued again. A minute's notification sweep needs only a day.
 */
export const DONE_JOB_RETENTION_DAYS = 400;
export const DONE_SWEEP_RETENTION_DAYS = 1;

/** The most recent jobs first; failed and queued ones are what an operator looks for. */
export async function listJobs(
  ctx: JobContext,
  options: { readonly status?: JobStatus; readonly limit?: number } = {},
): Promise<JobView[]> {
  const limit = Math.min(Math.max(options.limit ?? 50, 1), JOB_LIST_LIMIT_MAX);
  let query = ctx.db.selectFrom('jobs').selectAll().orderBy('job_id', 'desc').limit(limit);
  if (options.status) query = query.where('status', '=', options.status);
  const rows = await query.execute();
  return rows.map((row) => ({
    jobId: row.job_id,
    key: row.job_key,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: row.run_at,
    lockedBy: row.locked_by,
    lockedUntil: row.locked_until,
    lastError: row.last_error,
    result: row.result,
    finishedAt: row.finished_at,
  }));
}

export type RetryOutcome = 'retried' | 'job_not_found' | 'job_not_failed';

/** Queues a failed job again with its attempts reset; any other status is left alone. */
export async function retryFailedJob(ctx: JobContext, key: string): Promise<RetryOutcome> {
  const changed = await ctx.db
    .updateTable('jobs')
    .set({ status: 'queued', attempts: 0, run_at: ctx.clock.now(), finished_at: null })
    .where('job_key', '=', key)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  if (changed.numUpdatedRows > 0n) return 'retried';
  const exists = await ctx.db
    .selectFrom('jobs')
    .select('job_id')
    .where('job_key', '=', key)
    .executeTakeFirst();
  return exists ? 'job_not_failed' : 'job_not_found';
}

/** Deletes done jobs older than their retention, at most `limit` per call. */
export async function pruneDoneJobs(ctx: JobContext, limit = 1000): Promise<number> {
  const nowMs = ctx.clock.now().getTime();
  const cutoff = new Date(nowMs - DONE_JOB_RETENTION_DAYS * 86_400_000);
  const sweepCutoff = new Date(nowMs - DONE_SWEEP_RETENTION_DAYS * 86_400_000);
  const deleted = await ctx.db
    .deleteFrom('jobs')
    .where('job_id', 'in', (eb) =>
      eb
        .selectFrom('jobs')
        .select('job_id')
        .where('status', '=', 'done')
        .where((inner) =>
          inner.or([
            inner('finished_at', '<', cutoff),
            inner.and([inner('kind', '=', 'notifications-send'), inner('finished_at', '<', sweepCutoff)]),
          ]),
        )
        .limit(limit),
    )
    .executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
