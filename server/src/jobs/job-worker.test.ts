// The background loop of `lumbung serve`: it runs due jobs by itself, stops cleanly (finishing or
// giving back its job), and the runtime stops it before closing the database.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { startRuntime } from '../runtime';
import { createTestContext, type TestContext } from '../test/test-context';
import { testBackend } from '../test/test-database';
import { throwIfStopping, type JobHandlers } from './job-handlers';
import { enqueueJob } from './job-queue';
import { startJobWorker } from './job-worker';

let test: TestContext;

beforeAll(async () => {
  test = await createTestContext();
});
afterAll(async () => test.close());
beforeEach(async () => {
  await test.ctx.db.deleteFrom('jobs').execute();
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function statusOf(key: string) {
  return test.ctx.db
    .selectFrom('jobs')
    .select(['status', 'attempts', 'locked_by'])
    .where('job_key', '=', key)
    .executeTakeFirstOrThrow();
}

const fast = { pollIntervalMs: 20, isScheduling: false, stopTimeoutMs: 500 } as const;

describe('the job worker', () => {
  it('runs jobs as they become due, without being asked', async () => {
    const ran: string[] = [];
    const handlers: JobHandlers = {
      'test-record': (_ctx, job) => {
        ran.push(job.key);
        return Promise.resolve({});
      },
    };
    const worker = startJobWorker(test.ctx, { ...fast, handlers });
    try {
      await enqueueJob(test.ctx, { kind: 'test-record', key: 'first' });
      await waitFor(async () => ((await statusOf('first')).status === 'done' ? true : undefined));
      await enqueueJob(test.ctx, { kind: 'test-record', key: 'second' });
      await waitFor(async () => ((await statusOf('second')).status === 'done' ? true : undefined));
      expect(ran).toEqual(['first', 'second']);
    } finally {
      await worker.stop();
    }
  });

  it('schedules the periodic jobs itself', async () => {
    const handlers: JobHandlers = {
      'contribution-alerts': () => Promise.resolve({}),
      'claims-expire': () => Promise.resolve({}),
      'notifications-send': () => Promise.resolve({}),
    };
    const worker = startJobWorker(test.ctx, { ...fast, isScheduling: true, handlers });
    try {
      const done = await waitFor(async () => {
        const rows = await test.ctx.db
          .selectFrom('jobs')
          .select(['job_key', 'status'])
          .orderBy('job_key')
          .execute();
        return rows.length === 3 && rows.every((row) => row.status === 'done') ? rows : undefined;
      });
      // The test clock stands at 2026-11-22T03:00Z, 10:00 WIB.
      expect(done.map((row) => row.job_key)).toEqual([
        'claims-expire:2026-11-22',
        'contribution-alerts:2026-10',
        'notifications-send:2026-11-22T03:00Z',
      ]);
    } finally {
      await worker.stop();
    }
  });

  it('stops between batches of a cooperative job and gives it back without counting the run', async () => {
    let batches = 0;
    let isStarted!: () => void;
    const started = new Promise<void>((resolve) => (isStarted = resolve));
    const handlers: JobHandlers = {
      'test-batches': async (_ctx, job) => {
        isStarted();
        for (;;) {
          throwIfStopping(job.signal);
          batches += 1;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
    };
    await enqueueJob(test.ctx, { kind: 'test-batches', key: 'long' });
    const worker = startJobWorker(test.ctx, { ...fast, handlers });
    await started;
    await worker.stop();
    const afterStop = batches;
    expect(await statusOf('long')).toEqual({ status: 'queued', attempts: 0, locked_by: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(batches).toBe(afterStop);
    await worker.stop();
  });

  it('lets a short job finish when it stops', async () => {
    let isStarted!: () => void;
    const started = new Promise<void>((resolve) => (isStarted = resolve));
    const handlers: JobHandlers = {
      'test-short': async () => {
        isStarted();
        await new Promise((resolve) => setTimeout(resolve, 100));
        return { isFinished: true };
      },
    };
    await enqueueJob(test.ctx, { kind: 'test-short', key: 'short' });
    const worker = startJobWorker(test.ctx, { ...fast, handlers });
    await started;
    await worker.stop();
    expect(await statusOf('short')).toEqual({ status: 'done', attempts: 1, locked_by: null });
  });

  it('gives back a job that ignores the stop, after the stop timeout', async () => {
    let isStarted!: () => void;
    const started = new Promise<void>((resolve) => (isStarted = resolve));
    let finish!: () => void;
    const stuck = new Promise<void>((resolve) => (finish = resolve));
    const handlers: JobHandlers = {
      'test-stuck': async () => {
        isStarted();
        await stuck;
        return {};
      },
    };
    await enqueueJob(test.ctx, { kind: 'test-stuck', key: 'stuck' });
    const worker = startJobWorker(test.ctx, { ...fast, handlers, stopTimeoutMs: 100 });
    await started;
    const stoppedAt = Date.now();
    await worker.stop();
    expect(Date.now() - stoppedAt).toBeLessThan(2000);
    expect(await statusOf('stuck')).toEqual({ status: 'queued', attempts: 0, locked_by: null });
    // When the handler finally returns, its worker no longer holds the job and changes nothing.
    finish();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await statusOf('stuck')).toEqual({ status: 'queued', attempts: 0, locked_by: null });
  });

  it('keeps looking after the queue could not be reached', async () => {
    const broken = brokenDb();
    const worker = startJobWorker({ ...test.ctx, db: broken.db }, fast);
    await waitFor(() => Promise.resolve(broken.calls() >= 3 ? true : undefined));
    await worker.stop();
    const afterStop = broken.calls();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(broken.calls()).toBe(afterStop);
  });
});

/** A database whose transactions all fail (the server went away), counting the attempts. */
function brokenDb(): { db: TestContext['ctx']['db']; calls: () => number } {
  let calls = 0;
  const db = new Proxy(test.ctx.db, {
    get: (target, property, receiver) =>
      property === 'transaction'
        ? () => ({
            execute: () => {
              calls += 1;
              return Promise.reject(new Error('connection refused'));
            },
          })
        : (Reflect.get(target, property, receiver) as unknown),
  });
  return { db, calls: () => calls };
}

describe('the runtime of `lumbung serve`', () => {
  it('stops the worker on close, before the database closes', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lumbung-jobs-'));
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        LUMBUNG_DATA_DIR: dataDir,
        ...(testBackend === 'postgresql' ? { DATABASE_URL: test.database.url! } : {}),
      });
      expect(config.jobs).toBe(true);
      const runtime = await startRuntime(config, { log: createLogger('silent'), clock: test.clock });
      let isStarted!: () => void;
      const started = new Promise<void>((resolve) => (isStarted = resolve));
      await enqueueJob(runtime.ctx, { kind: 'test-serve', key: 'serve-job' });
      const worker = runtime.startJobWorker({
        ...fast,
        handlers: {
          'test-serve': async () => {
            isStarted();
            await new Promise((resolve) => setTimeout(resolve, 10_000).unref());
            return {};
          },
        },
      });
      expect(runtime.startJobWorker()).toBe(worker);
      await started;
      expect(
        await runtime.ctx.db
          .selectFrom('jobs')
          .select('locked_by')
          .where('job_key', '=', 'serve-job')
          .executeTakeFirst(),
      ).toEqual({ locked_by: worker.workerId });
      const closing = Date.now();
      await runtime.close();
      // The handler above would take 10 s; the worker gave its job back within the stop timeout.
      expect(Date.now() - closing).toBeLessThan(5000);
      if (testBackend === 'postgresql') {
        expect(
          await test.ctx.db
            .selectFrom('jobs')
            .select(['status', 'locked_by'])
            .where('job_key', '=', 'serve-job')
            .executeTakeFirst(),
        ).toEqual({ status: 'queued', locked_by: null });
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
