// The background job queue's state changes (migrations/0010_jobs.sql, ADR 0003). Each is one short
// statement or transaction: claiming takes a lease on one due row under `for update skip locked`, and
// the handler runs outside any transaction, so on the embedded database (one connection) a job never
// holds the connection for longer than its own batches do. Every change of a running job checks that
// the caller still holds the lease, so a worker that lost it (stopped, then taken over) changes nothing.
import {
  hasAttemptsLeft,
  jobKindSettings,
  retryDelaySeconds,
  type JobKind,
  type JobPayload,
} from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';

/** The queue needs only the database and the clock; a test gives a second worker its own connection. */
export type JobContext = Pick<ServiceContext, 'db' | 'clock'>;

export const DEFAULT_MAX_ATTEMPTS = 5;
/** A running job's lease; the worker renews it while the handler runs. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
const ERROR_TEXT_LIMIT = 2000;

export interface EnqueueInput {
  readonly kind: string;
  readonly key: string;
  readonly payload?: JobPayload;
  /** Not before this instant; now by default. */
  readonly runAt?: Date;
  readonly maxAttempts?: number;
}

export interface ClaimedJob {
  readonly jobId: number;
  readonly key: string;
  readonly kind: string;
  readonly payload: JobPayload;
  /** Runs started so far, this one included. */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly lockedBy: string;
}

function isKnownKind(kind: string): kind is JobKind {
  return Object.hasOwn(jobKindSettings, kind);
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, ERROR_TEXT_LIMIT);
}

/** Adds the job unless its key exists (whatever its status). Idempotent: a second call changes nothing. */
export async function enqueueJob(
  ctx: JobContext,
  input: EnqueueInput,
): Promise<{ readonly jobId: number; readonly isNew: boolean }> {
  const maxAttempts =
    input.maxAttempts ??
    (isKnownKind(input.kind) ? jobKindSettings[input.kind].maxAttempts : DEFAULT_MAX_ATTEMPTS);
  const now = ctx.clock.now();
  const inserted = await ctx.db
    .insertInto('jobs')
    .values({
      job_key: input.key,
      kind: input.kind,
      payload: JSON.stringify(input.payload ?? {}),
      run_at: input.runAt ?? now,
      max_attempts: maxAttempts,
      created_at: now,
    })
    .onConflict((conflict) => conflict.column('job_key').doNothing())
    .returning('job_id')
    .executeTakeFirst();
  if (inserted) return { jobId: inserted.job_id, isNew: true };
  const existing = await ctx.db
    .selectFrom('jobs')
    .select('job_id')
    .where('job_key', '=', input.key)
    .executeTakeFirstOrThrow();
  return { jobId: existing.job_id, isNew: false };
}

/**
 * Takes the lease on the next due job: queued and due, or running with a lease that ran out (its worker
 * stopped). A job whose lease ran out on its last attempt is marked failed instead of run again.
 */
export async function claimNextJob(
  ctx: JobContext,
  workerId: string,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<ClaimedJob | null> {
  // Each exhausted row found is failed and the search goes on; the bound only stops a runaway loop.
  for (let tries = 0; tries < 50; tries += 1) {
    const now = ctx.clock.now();
    const claimed = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('jobs')
        .select(['job_id', 'status', 'attempts', 'max_attempts'])
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
            eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('job_id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      if (row.status === 'running' && !hasAttemptsLeft(row.attempts, row.max_attempts)) {
        await trx
          .updateTable('jobs')
          .set({
            status: 'failed',
            locked_by: null,
            locked_until: null,
            finished_at: now,
            last_error: `lease expired during attempt ${row.attempts} of ${row.max_attempts} (the worker stopped)`,
          })
          .where('job_id', '=', row.job_id)
          .execute();
        return 'exhausted' as const;
      }
      return trx
        .updateTable('jobs')
        .set((eb) => ({
          status: 'running',
          attempts: eb('attempts', '+', 1),
          locked_by: workerId,
          locked_until: new Date(now.getTime() + leaseMs),
          started_at: now,
        }))
        .where('job_id', '=', row.job_id)
        .returning(['job_id', 'job_key', 'kind', 'payload', 'attempts', 'max_attempts'])
        .executeTakeFirstOrThrow();
    });
    if (claimed === 'exhausted') continue;
    if (claimed === null) return null;
    return {
      jobId: claimed.job_id,
      key: claimed.job_key,
      kind: claimed.kind,
      payload: (claimed.payload ?? {}) as JobPayload,
      attempts: claimed.attempts,
      maxAttempts: claimed.max_attempts,
      lockedBy: workerId,
    };
  }
  return null;
}

/** Extends the lease of a job still held; false when the lease was lost. */
export async function renewLease(
  ctx: JobContext,
  job: ClaimedJob,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const renewed = await ctx.db
    .updateTable('jobs')
    .set({ locked_until: new Date(ctx.clock.now().getTime() + leaseMs) })
    .where('job_id', '=', job.jobId)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.lockedBy)
    .executeTakeFirst();
  return renewed.numUpdatedRows > 0n;
}

/** Marks a held job done with the handler's summary; false when the lease was lost. */
export async function completeJob(ctx: JobContext, job: ClaimedJob, result: unknown): Promise<boolean> {
  const done = await ctx.db
    .updateTable('jobs')
    .set({
      status: 'done',
      result: JSON.stringify(result ?? null),
      finished_at: ctx.clock.now(),
      locked_by: null,
      locked_until: null,
    })
    .where('job_id', '=', job.jobId)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.lockedBy)
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}

export type FailOutcome =
  | { readonly status: 'retrying'; readonly runAt: Date }
  | { readonly status: 'failed' }
  | { readonly status: 'lease_lost' };

/** Records a failed run: queued again after the backoff, or failed once its attempts are used up. */
export async function failJob(ctx: JobContext, job: ClaimedJob, error: unknown): Promise<FailOutcome> {
  const now = ctx.clock.now();
  const isRetrying = hasAttemptsLeft(job.attempts, job.maxAttempts);
  const runAt = new Date(now.getTime() + retryDelaySeconds(job.attempts) * 1000);
  const changed = await ctx.db
    .updateTable('jobs')
    .set({
      status: isRetrying ? 'queued' : 'failed',
      last_error: errorText(error),
      locked_by: null,
      locked_until: null,
      ...(isRetrying ? { run_at: runAt } : { finished_at: now }),
    })
    .where('job_id', '=', job.jobId)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.lockedBy)
    .executeTakeFirst();
  if (changed.numUpdatedRows === 0n) return { status: 'lease_lost' };
  return isRetrying ? { status: 'retrying', runAt } : { status: 'failed' };
}

/** Gives a held job back at once without counting the run (the worker is stopping). */
export async function releaseJob(ctx: JobContext, job: ClaimedJob): Promise<boolean> {
  const released = await ctx.db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'queued',
      run_at: ctx.clock.now(),
      attempts: eb('attempts', '-', 1),
      locked_by: null,
      locked_until: null,
    }))
    .where('job_id', '=', job.jobId)
    .where('status', '=', 'running')
    .where('locked_by', '=', job.lockedBy)
    .where('attempts', '>', 0)
    .executeTakeFirst();
  return released.numUpdatedRows > 0n;
}
