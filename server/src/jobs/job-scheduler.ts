// Puts the periodic jobs that are due now into the queue (the rules are core's `dueJobsAt`). Every
// worker calls this every few seconds; the unique job key makes all but the first call change nothing,
// on one server or many.
import { dueJobsAt } from '@lumbung/core';
import { pruneDoneJobs } from './job-admin';
import type { ServiceContext } from '../services/service-context';
import { enqueueJob, type JobContext } from './job-queue';

export interface ScheduleOutcome {
  /** Keys added by this call (already-known keys are not listed). */
  readonly enqueued: string[];
  readonly pruned: number;
}

export async function enqueueDueJobs(
  ctx: JobContext & Pick<ServiceContext, 'rules'>,
): Promise<ScheduleOutcome> {
  const pending = await ctx.db
    .selectFrom('jht_return_years')
    .select('year')
    .where('status', '<>', 'completed')
    .orderBy('year')
    .limit(20)
    .execute();
  const due = dueJobsAt(ctx.clock.now().getTime(), {
    pendingJhtReturnYears: pending.map((row) => row.year),
    rules: ctx.rules.current,
  });
  // Known keys are skipped before the insert: an insert that conflicts still uses up an identity value.
  const known = new Set(
    (
      await ctx.db
        .selectFrom('jobs')
        .select('job_key')
        .where(
          'job_key',
          'in',
          due.map((job) => job.key),
        )
        .execute()
    ).map((row) => row.job_key),
  );
  const enqueued: string[] = [];
  for (const job of due) {
    if (known.has(job.key)) continue;
    const added = await enqueueJob(ctx, { kind: job.kind, key: job.key, payload: job.payload });
    if (added.isNew) enqueued.push(job.key);
  }
  return { enqueued, pruned: await pruneDoneJobs(ctx) };
}
