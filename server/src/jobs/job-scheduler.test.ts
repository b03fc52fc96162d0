// The schedule against the employer that skipped April (reported, unpaid) and May (nothing) 2026 and
// stopped reporting after June: a worker that looks every six hours for five weeks runs one contribution-
// alert job per month, each member is told once per new finding, and a declared JHT return is credited.
import { defaultRuleBook, lastDueContributionPeriod } from '@lumbung/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastDuePeriod } from '../alert/alert-run';
import { buildSkippingEmployer, type SkippingEmployer } from '../alert/alert-test-fixture';
import { declareJhtReturn } from '../jht-return/jht-return-service';
import { createTestContext, type TestContext } from '../test/test-context';
import { enqueueDueJobs } from './job-scheduler';
import { runDueJobs } from './job-worker';

let test: TestContext;
let employer: SkippingEmployer;

beforeAll(async () => {
  test = await createTestContext();
  employer = await buildSkippingEmployer(test, 41);
}, 60_000);
afterAll(async () => test.close());

async function jobsOfKind(kind: string) {
  return test.ctx.db
    .selectFrom('jobs')
    .select(['job_key', 'status', 'attempts', 'payload'])
    .where('kind', '=', kind)
    .orderBy('job_id')
    .execute();
}

async function alertsTold(personId: number) {
  return test.ctx.db
    .selectFrom('notifications')
    .select('kind')
    .where('person_id', '=', personId)
    .where('kind', '=', 'contribution_alert')
    .execute();
}

describe('the core schedule and the alert run agree on the month judged', () => {
  it.each(['2026-07-15', '2026-07-16', '2026-08-01', '2026-12-31', '2027-01-16', '2020-09-30', '2020-10-01'])(
    'on %s',
    (asOf) =>
      expect(lastDueContributionPeriod(asOf, defaultRuleBook)).toBe(lastDuePeriod(asOf, defaultRuleBook)),
  );
});

describe('the schedule', () => {
  it('enqueues the monthly alert job once per period and each run tells a member once', async () => {
    const start = new Date('2026-07-14T00:00:00Z').getTime();
    const end = new Date('2026-08-20T00:00:00Z').getTime();
    for (let ms = start; ms < end; ms += 6 * 3_600_000) {
      test.clock.set(new Date(ms));
      const outcomes = await runDueJobs(test.ctx);
      expect(outcomes.filter((outcome) => outcome.status !== 'done')).toEqual([]);
    }
    expect(await jobsOfKind('contribution-alerts')).toEqual([
      // 2026-07-14T00:00Z is 07:00 WIB on the 14th: May's deadline (15 June) had passed, June's not.
      {
        job_key: 'contribution-alerts:2026-05',
        status: 'done',
        attempts: 1,
        payload: { period: '2026-05', asOf: '2026-07-14' },
      },
      {
        job_key: 'contribution-alerts:2026-06',
        status: 'done',
        attempts: 1,
        payload: { period: '2026-06', asOf: '2026-07-16' },
      },
      {
        job_key: 'contribution-alerts:2026-07',
        status: 'done',
        attempts: 1,
        payload: { period: '2026-07', asOf: '2026-08-16' },
      },
    ]);
    const runs = await test.ctx.db
      .selectFrom('alert_runs')
      .select(['as_of', 'through_period', 'status'])
      .orderBy('as_of')
      .execute();
    expect(runs).toEqual([
      { as_of: '2026-07-14', through_period: '2026-05', status: 'completed' },
      { as_of: '2026-07-16', through_period: '2026-06', status: 'completed' },
      { as_of: '2026-08-16', through_period: '2026-07', status: 'completed' },
    ]);
    for (const worker of employer.workers) {
      const findings = await test.ctx.db
        .selectFrom('contribution_findings')
        .select(['period', 'kind', 'status'])
        .where('person_id', '=', worker.personId)
        .orderBy('period')
        .execute();
      expect(findings).toEqual([
        { period: '2026-04', kind: 'missing', status: 'open' },
        { period: '2026-05', kind: 'missing', status: 'open' },
        { period: '2026-07', kind: 'missing', status: 'open' },
      ]);
      // Told in July about April and May, in August about July; never twice.
      expect(await alertsTold(worker.personId)).toHaveLength(2);
    }
    // Every alert went out by SMS and e-mail, and nothing is left in the delivery queue.
    const deliveries = await test.ctx.db.selectFrom('notification_deliveries').select('status').execute();
    expect(deliveries.map((row) => row.status)).toEqual(Array(8).fill('sent'));
    // One claim-expiry job per Jakarta day from the 14th of July to the 20th of August.
    const expiries = await jobsOfKind('claims-expire');
    expect(expiries).toHaveLength(38);
    expect(expiries[0]?.job_key).toBe('claims-expire:2026-07-14');
    expect(expiries.at(-1)?.job_key).toBe('claims-expire:2026-08-20');
  });

  it('asks for nothing new when asked again within the same minute', async () => {
    test.clock.set('2026-08-20T05:00:10Z');
    const first = await enqueueDueJobs(test.ctx);
    const again = await enqueueDueJobs(test.ctx);
    expect(first.enqueued).toEqual(['notifications-send:2026-08-20T05:00Z']);
    expect(again.enqueued).toEqual([]);
  });

  it('credits a declared JHT return through its job, once', async () => {
    test.clock.set('2026-08-20T06:00:00Z');
    expect(
      await declareJhtReturn(test.ctx, {
        year: 2025,
        rateBasisPoints: 580,
        declaredBy: 'test',
        isIllustrative: true,
      }),
    ).toEqual({ ok: true, value: { year: 2025 } });
    const outcomes = await runDueJobs(test.ctx);
    expect(outcomes.find((outcome) => outcome.kind === 'jht-return')).toMatchObject({
      key: 'jht-return:2025',
      status: 'done',
    });
    const year = await test.ctx.db
      .selectFrom('jht_return_years')
      .select(['status', 'accounts_done', 'accounts_total'])
      .where('year', '=', 2025)
      .executeTakeFirstOrThrow();
    expect(year).toEqual({ status: 'completed', accounts_done: 2, accounts_total: 2 });
    test.clock.set('2026-08-20T07:00:00Z');
    expect((await enqueueDueJobs(test.ctx)).enqueued).not.toContain('jht-return:2025');
    expect(await jobsOfKind('jht-return')).toMatchObject([
      { job_key: 'jht-return:2025', status: 'done', attempts: 1 },
    ]);
  });
});
