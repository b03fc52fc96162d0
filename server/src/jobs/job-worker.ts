// Runs queued jobs: one at a time per process, so the embedded database's single connection is never
// held by more than one job's batch. `startJobWorker` is the loop inside `lumbung serve`; `runDueJobs`
// runs what is due once and returns (`lumbung jobs:run-due`, for cron). Several processes on PostgreSQL
// share the work through the queue's row locks.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ServiceContext } from '../services/service-context';
import { jobHandlers, JobInterruptedError, type JobHandlers } from './job-handlers';
import {
  claimNextJob,
  completeJob,
  DEFAULT_LEASE_MS,
  failJob,
  releaseJob,
  renewLease,
  type ClaimedJob,
} from './job-queue';
import { enqueueDueJobs } from './job-scheduler';

export interface JobWorkerOptions {
  readonly workerId?: string;
  /** By kind; the built-in handlers by default (tests pass their own). */
  readonly handlers?: JobHandlers;
  readonly leaseMs?: number;
  /** Put due periodic jobs into the queue before looking for work (default true). */
  readonly isScheduling?: boolean;
}

export interface LoopOptions extends JobWorkerOptions {
  /** Wait between looks when nothing was due. */
  readonly pollIntervalMs?: number;
  readonly scheduleIntervalMs?: number;
  /** How long stop() waits for the current job before giving it back. */
  readonly stopTimeoutMs?: number;
}

export type JobRunStatus = 'done' | 'retrying' | 'failed' | 'released' | 'lease_lost';

export interface JobRunOutcome {
  readonly key: string;
  readonly kind: string;
  readonly attempts: number;
  readonly status: JobRunStatus;
  readonly error?: string;
}

export const DEFAULT_POLL_INTERVAL_MS = 2000;
export const DEFAULT_SCHEDULE_INTERVAL_MS = 15_000;
export const DEFAULT_STOP_TIMEOUT_MS = 5000;
/** A `runDueJobs` call runs at most this many jobs; what is left waits for the next call. */
export const RUN_DUE_LIMIT = 1000;

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}

/** Claims the next due job and runs it; null when nothing is due. */
export async function runNextJob(
  ctx: ServiceContext,
  workerId: string,
  options: {
    handlers?: JobHandlers;
    leaseMs?: number;
    signal?: AbortSignal;
    onClaim?: (job: ClaimedJob) => void;
  } = {},
): Promise<JobRunOutcome | null> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const signal = options.signal ?? new AbortController().signal;
  const job = await claimNextJob(ctx, workerId, leaseMs);
  if (!job) return null;
  options.onClaim?.(job);
  const handlers: JobHandlers = options.handlers ?? jobHandlers;
  const handler = handlers[job.kind];
  const log = ctx.log.child({ job: job.key, attempt: job.attempts });
  // The lease is renewed while the handler runs, so only a stopped worker's job is taken over.
  const heartbeat = setInterval(
    () =>
      void renewLease(ctx, job, leaseMs).then(
        (isHeld) => isHeld || log.warn('job lease lost while running'),
        (error: unknown) => log.warn({ err: error }, 'job lease renewal failed'),
      ),
    Math.max(Math.floor(leaseMs / 3), 10),
  );
  heartbeat.unref();
  const outcome = (status: JobRunStatus, error?: string): JobRunOutcome => ({
    key: job.key,
    kind: job.kind,
    attempts: job.attempts,
    status,
    ...(error === undefined ? {} : { error }),
  });
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const summary = await handler(ctx, { ...job, signal });
    const isDone = await completeJob(ctx, job, summary);
    if (isDone) log.info({ summary }, 'job done');
    return outcome(isDone ? 'done' : 'lease_lost');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (signal.aborted || error instanceof JobInterruptedError) {
      await releaseJob(ctx, job);
      log.info('job given back: the worker is stopping');
      return outcome('released');
    }
    const failed = await failJob(ctx, job, error);
    if (failed.status === 'retrying') {
      log.warn({ err: error, runAt: failed.runAt }, 'job failed; it will be retried');
    } else if (failed.status === 'failed') {
      log.error({ err: error }, 'job failed for the last time');
    }
    return outcome(failed.status, message);
  } finally {
    clearInterval(heartbeat);
  }
}

/** Schedules what is due (unless told not to), then runs due jobs until none is left. */
export async function runDueJobs(
  ctx: ServiceContext,
  options: JobWorkerOptions & { readonly limit?: number } = {},
): Promise<JobRunOutcome[]> {
  const workerId = options.workerId ?? newWorkerId();
  if (options.isScheduling !== false) await enqueueDueJobs(ctx);
  const outcomes: JobRunOutcome[] = [];
  const limit = options.limit ?? RUN_DUE_LIMIT;
  while (outcomes.length < limit) {
    const outcome = await runNextJob(ctx, workerId, {
      ...(options.handlers ? { handlers: options.handlers } : {}),
      ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
    });
    if (!outcome) break;
    outcomes.push(outcome);
  }
  return outcomes;
}

export interface JobWorker {
  readonly workerId: string;
  /** Ends the loop: the current job finishes, or is given back after stopTimeoutMs. Idempotent. */
  stop(): Promise<void>;
}

/** The background loop of a serving process. It never throws: a failing look is logged and retried. */
export function startJobWorker(ctx: ServiceContext, options: LoopOptions = {}): JobWorker {
  const workerId = options.workerId ?? newWorkerId();
  const pollIntervalMs = options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const scheduleIntervalMs = options.scheduleIntervalMs ?? DEFAULT_SCHEDULE_INTERVAL_MS;
  const stopTimeoutMs = options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS;
  const controller = new AbortController();
  const log = ctx.log.child({ worker: workerId });
  let current: ClaimedJob | null = null;
  let nextScheduleAtMs = 0;

  const loop = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      let hasRun = false;
      try {
        if (options.isScheduling !== false && performance.now() >= nextScheduleAtMs) {
          nextScheduleAtMs = performance.now() + scheduleIntervalMs;
          const scheduled = await enqueueDueJobs(ctx);
          if (scheduled.enqueued.length > 0) log.info({ enqueued: scheduled.enqueued }, 'jobs scheduled');
        }
        if (controller.signal.aborted) break;
        const outcome = await runNextJob(ctx, workerId, {
          ...(options.handlers ? { handlers: options.handlers } : {}),
          ...(options.leaseMs ? { leaseMs: options.leaseMs } : {}),
          signal: controller.signal,
          onClaim: (job) => (current = job),
        });
        hasRun = outcome !== null;
      } catch (error) {
        log.error({ err: error }, 'job worker could not reach the queue');
      } finally {
        current = null;
      }
      if (hasRun) continue;
      await sleep(pollIntervalMs, undefined, { signal: controller.signal }).catch(() => undefined);
    }
  };
  const running = loop();
  log.info('job worker started');

  let stopping: Promise<void> | undefined;
  return {
    workerId,
    stop: () => {
      stopping ??= (async () => {
        controller.abort();
        const timer = sleep(stopTimeoutMs, 'timeout' as const, { ref: false });
        const ended = await Promise.race([running.then(() => 'ended' as const), timer]);
        const held = current;
        if (ended === 'timeout' && held) {
          // The handler did not notice the stop in time: give its job back so another worker (or the
          // next start) runs it again; idempotent handlers make the overlap harmless.
          await releaseJob(ctx, held).catch((error: unknown) =>
            log.warn({ err: error }, 'could not give back the running job'),
          );
          log.warn({ job: held.key }, 'job worker stopped with a job still running; the job was given back');
        } else {
          log.info('job worker stopped');
        }
      })();
      return stopping;
    },
  };
}
