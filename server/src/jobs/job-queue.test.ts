// The queue on a real database (PGlite, or PostgreSQL with TEST_DATABASE_URL): idempotent enqueue,
// leases, retries with backoff, failure after the last attempt, and two workers that never share a job.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import type { ServiceContext } from '../services/service-context';
import { createTestContext, type TestContext } from '../test/test-context';
import { testBackend } from '../test/test-database';
import { listJobs, pruneDoneJobs, retryFailedJob } from './job-admin';
import type { JobHandlers } from './job-handlers';
import { claimNextJob, completeJob, enqueueJob, failJob, releaseJob } from './job-queue';
import { runDueJobs, runNextJob } from './job-worker';

let test: TestContext;

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00.000Z' });
});
afterAll(async () => test.close());
beforeEach(async () => {
  await test.ctx.db.deleteFrom('jobs').execute();
  test.clock.set('2026-11-22T03:00:00.000Z');
});

async function jobRow(key: string) {
  return test.ctx.db.selectFrom('jobs').selectAll().where('job_key', '=', key).executeTakeFirstOrThrow();
}

describe('enqueue', () => {
  it('keeps one job per key however often it is asked', async () => {
    const first = await enqueueJob(test.ctx, { kind: 'test-echo', key: 'test-echo:1', payload: { n: 1 } });
    const second = await enqueueJob(test.ctx, { kind: 'test-echo', key: 'test-echo:1', payload: { n: 2 } });
    expect(first.isNew).toBe(true);
    expect(second).toEqual({ jobId: first.jobId, isNew: false });
    const rows = await test.ctx.db.selectFrom('jobs').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      job_key: 'test-echo:1',
      status: 'queued',
      attempts: 0,
      payload: { n: 1 },
    });
  });

  it('does not add a key again after its job is done', async () => {
    const handlers: JobHandlers = { 'test-echo': () => Promise.resolve({ isEchoed: true }) };
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'test-echo:done' });
    expect((await runDueJobs(test.ctx, { handlers, isScheduling: false })).map((o) => o.status)).toEqual([
      'done',
    ]);
    expect((await enqueueJob(test.ctx, { kind: 'test-echo', key: 'test-echo:done' })).isNew).toBe(false);
    expect(await runDueJobs(test.ctx, { handlers, isScheduling: false })).toEqual([]);
    expect(await jobRow('test-echo:done')).toMatchObject({
      status: 'done',
      attempts: 1,
      result: { isEchoed: true },
    });
  });

  it('takes the attempts of a known kind from the core table', async () => {
    await enqueueJob(test.ctx, { kind: 'notifications-send', key: 'notifications-send:x' });
    await enqueueJob(test.ctx, { kind: 'contribution-alerts', key: 'contribution-alerts:x' });
    expect((await jobRow('notifications-send:x')).max_attempts).toBe(1);
    expect((await jobRow('contribution-alerts:x')).max_attempts).toBe(8);
  });
});

describe('claiming', () => {
  it('runs a job only once it is due', async () => {
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'later', runAt: new Date('2026-11-22T04:00:00Z') });
    expect(await claimNextJob(test.ctx, 'w1')).toBeNull();
    test.clock.set('2026-11-22T04:00:00Z');
    expect(await claimNextJob(test.ctx, 'w1')).toMatchObject({ key: 'later', attempts: 1, lockedBy: 'w1' });
  });

  it('gives a held job to no one else until its lease runs out, then to the next worker', async () => {
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'leased' });
    const held = await claimNextJob(test.ctx, 'dead-worker', 60_000);
    expect(held).toMatchObject({ key: 'leased', attempts: 1 });
    expect((await jobRow('leased')).locked_until).toEqual(new Date('2026-11-22T03:01:00Z'));
    test.clock.advanceMs(59_000);
    expect(await claimNextJob(test.ctx, 'w2', 60_000)).toBeNull();
    test.clock.advanceMs(2000);
    const taken = await claimNextJob(test.ctx, 'w2', 60_000);
    expect(taken).toMatchObject({ key: 'leased', attempts: 2, lockedBy: 'w2' });
    // The worker that lost the lease can no longer finish, fail or give back the job.
    expect(await completeJob(test.ctx, held!, { by: 'dead' })).toBe(false);
    expect(await failJob(test.ctx, held!, new Error('late'))).toEqual({ status: 'lease_lost' });
    expect(await releaseJob(test.ctx, held!)).toBe(false);
    expect(await completeJob(test.ctx, taken!, { by: 'w2' })).toBe(true);
    expect(await jobRow('leased')).toMatchObject({
      status: 'done',
      attempts: 2,
      locked_by: null,
      result: { by: 'w2' },
    });
  });

  it('marks failed a job whose lease ran out on its last attempt, instead of running it again', async () => {
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'once', maxAttempts: 1 });
    expect(await claimNextJob(test.ctx, 'dead-worker', 1000)).not.toBeNull();
    test.clock.advanceMs(5000);
    expect(await claimNextJob(test.ctx, 'w2', 1000)).toBeNull();
    expect(await jobRow('once')).toMatchObject({
      status: 'failed',
      attempts: 1,
      locked_by: null,
      last_error: 'lease expired during attempt 1 of 1 (the worker stopped)',
    });
  });

  it('gives back a job without counting the run', async () => {
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'given-back' });
    const held = await claimNextJob(test.ctx, 'w1');
    expect(await releaseJob(test.ctx, held!)).toBe(true);
    expect(await jobRow('given-back')).toMatchObject({ status: 'queued', attempts: 0, locked_by: null });
    expect(await claimNextJob(test.ctx, 'w2')).toMatchObject({ key: 'given-back', attempts: 1 });
  });
});

describe('a failing handler', () => {
  it('is retried with exponential backoff, then marked failed and kept visible', async () => {
    let calls = 0;
    const handlers: JobHandlers = {
      'test-broken': () => {
        calls += 1;
        return Promise.reject(new Error(`gateway down (${calls})`));
      },
    };
    await enqueueJob(test.ctx, { kind: 'test-broken', key: 'broken', maxAttempts: 4 });
    const seen: Array<{ status: string; runAt: string; error: string | null }> = [];
    for (let run = 1; run <= 4; run += 1) {
      const outcomes = await runDueJobs(test.ctx, { handlers, isScheduling: false });
      expect(outcomes).toHaveLength(1);
      // Not due again until its backoff has passed.
      expect(await runDueJobs(test.ctx, { handlers, isScheduling: false })).toEqual([]);
      const row = await jobRow('broken');
      seen.push({ status: row.status, runAt: row.run_at.toISOString(), error: row.last_error });
      test.clock.set(row.run_at);
    }
    expect(calls).toBe(4);
    expect(seen).toEqual([
      { status: 'queued', runAt: '2026-11-22T03:00:30.000Z', error: 'Error: gateway down (1)' },
      { status: 'queued', runAt: '2026-11-22T03:01:30.000Z', error: 'Error: gateway down (2)' },
      { status: 'queued', runAt: '2026-11-22T03:03:30.000Z', error: 'Error: gateway down (3)' },
      { status: 'failed', runAt: '2026-11-22T03:03:30.000Z', error: 'Error: gateway down (4)' },
    ]);
    test.clock.advanceMs(86_400_000);
    expect(await runDueJobs(test.ctx, { handlers, isScheduling: false })).toEqual([]);
    expect(calls).toBe(4);
    const failed = await listJobs(test.ctx, { status: 'failed' });
    expect(failed.map((job) => [job.key, job.attempts, job.maxAttempts])).toEqual([['broken', 4, 4]]);
  });

  it('can be queued again by an operator, with its attempts reset', async () => {
    await enqueueJob(test.ctx, { kind: 'test-broken', key: 'fixed-later', maxAttempts: 1 });
    const broken: JobHandlers = { 'test-broken': () => Promise.reject(new Error('no')) };
    expect((await runDueJobs(test.ctx, { handlers: broken, isScheduling: false }))[0]?.status).toBe('failed');
    expect(await retryFailedJob(test.ctx, 'fixed-later')).toBe('retried');
    expect(await retryFailedJob(test.ctx, 'fixed-later')).toBe('job_not_failed');
    expect(await retryFailedJob(test.ctx, 'nothing-here')).toBe('job_not_found');
    const fixed: JobHandlers = { 'test-broken': () => Promise.resolve({}) };
    expect(await runDueJobs(test.ctx, { handlers: fixed, isScheduling: false })).toMatchObject([
      { key: 'fixed-later', status: 'done', attempts: 1 },
    ]);
  });

  it('fails a kind nobody handles, rather than losing it', async () => {
    await enqueueJob(test.ctx, { kind: 'test-unknown', key: 'unknown', maxAttempts: 1 });
    expect(await runNextJob(test.ctx, 'w1', { handlers: {} })).toMatchObject({
      status: 'failed',
      error: 'no handler for job kind test-unknown',
    });
  });
});

describe('retention', () => {
  it('drops done jobs after their retention and keeps failed ones', async () => {
    const handlers: JobHandlers = {
      'notifications-send': () => Promise.resolve({}),
      'test-echo': () => Promise.resolve({}),
    };
    await enqueueJob(test.ctx, { kind: 'notifications-send', key: 'sweep-old' });
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'month-old' });
    await enqueueJob(test.ctx, { kind: 'test-broken', key: 'failed-old', maxAttempts: 1 });
    await runDueJobs(test.ctx, { handlers, isScheduling: false });
    test.clock.advanceMs(2 * 86_400_000);
    expect(await pruneDoneJobs(test.ctx)).toBe(1);
    test.clock.advanceMs(400 * 86_400_000);
    expect(await pruneDoneJobs(test.ctx)).toBe(1);
    const left = await test.ctx.db.selectFrom('jobs').select(['job_key', 'status']).execute();
    expect(left).toEqual([{ job_key: 'failed-old', status: 'failed' }]);
  });
});

describe('two workers', () => {
  it('never run the same job, even when they claim at the same moment', async () => {
    const keys = Array.from({ length: 30 }, (_, index) => `parallel:${index}`);
    for (const key of keys) await enqueueJob(test.ctx, { kind: 'test-record', key });
    const runs: Array<{ key: string; worker: string }> = [];
    const handlersFor = (worker: string): JobHandlers => ({
      'test-record': async (_ctx, job) => {
        runs.push({ key: job.key, worker });
        await new Promise((resolve) => setTimeout(resolve, 5));
        return {};
      },
    });
    // On PostgreSQL the second worker has its own pool, so the two really claim at the same time.
    const other =
      testBackend === 'postgresql'
        ? await openDatabase({ kind: 'postgresql', url: test.database.url!, poolSize: 2 })
        : undefined;
    const otherCtx: ServiceContext = other ? { ...test.ctx, db: other.db } : test.ctx;
    try {
      const [a, b] = await Promise.all([
        runDueJobs(test.ctx, { workerId: 'worker-a', handlers: handlersFor('a'), isScheduling: false }),
        runDueJobs(otherCtx, { workerId: 'worker-b', handlers: handlersFor('b'), isScheduling: false }),
      ]);
      expect([...a, ...b].every((outcome) => outcome.status === 'done')).toBe(true);
      expect(runs.map((run) => run.key).sort()).toEqual([...keys].sort());
      expect(new Set(runs.map((run) => run.key)).size).toBe(keys.length);
      if (other) {
        expect(a.length).toBeGreaterThan(0);
        expect(b.length).toBeGreaterThan(0);
      }
      const rows = await test.ctx.db.selectFrom('jobs').select(['status', 'attempts']).execute();
      expect(rows.every((row) => row.status === 'done' && row.attempts === 1)).toBe(true);
    } finally {
      await other?.close();
    }
  });

  it.skipIf(testBackend !== 'postgresql')('skip a row another connection holds, on PostgreSQL', async () => {
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'locked-1' });
    await enqueueJob(test.ctx, { kind: 'test-echo', key: 'locked-2' });
    const other = await openDatabase({ kind: 'postgresql', url: test.database.url!, poolSize: 2 });
    try {
      let release!: () => void;
      const hold = new Promise<void>((resolve) => (release = resolve));
      let seenByOther: string | undefined;
      // One transaction holds the first due row's lock while the other worker claims.
      const holding = test.ctx.db.transaction().execute(async (trx) => {
        await trx.selectFrom('jobs').select('job_id').where('job_key', '=', 'locked-1').forUpdate().execute();
        const claimed = await claimNextJob({ db: other.db, clock: test.clock }, 'worker-b');
        seenByOther = claimed?.key;
        release();
        await hold;
      });
      await holding;
      expect(seenByOther).toBe('locked-2');
    } finally {
      await other.close();
    }
  });
});
