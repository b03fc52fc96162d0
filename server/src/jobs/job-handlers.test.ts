// The built-in handlers against the services they call: claim expiry, the notification sweep as the
// retry of a failed send, and a JHT return stopped between batches and resumed without paying twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimMember, type ClaimMember } from '../claims/claim-fixtures';
import { approveClaim } from '../claims/claim-review-service';
import { FULL_CHECKLIST, staffActor, submittedClaim } from '../claims/claim-test-support';
import { flushDeliveries, useDeliveryAdapter, type DeliveryAdapter } from '../delivery/delivery-port';
import { outboxAdapter } from '../delivery/outbox-adapter';
import { declareJhtReturn } from '../jht-return/jht-return-service';
import { notify } from '../notification/notification-service';
import { dispatchNotifications } from '../notification/notification-dispatch';
import { createTestContext, type TestContext } from '../test/test-context';
import { jobHandlers, JobInterruptedError } from './job-handlers';
import { enqueueJob } from './job-queue';
import { runDueJobs } from './job-worker';

let test: TestContext;
let member: ClaimMember;

beforeAll(async () => {
  test = await createTestContext({ now: '2025-06-05T03:00:00.000Z' });
  // Paid in 2025, so the 2025 JHT return credits this account something.
  await createClaimMember(test.ctx, { periods: ['2025-05'] });
  test.clock.set('2026-11-02T03:00:00.000Z');
  member = await createClaimMember(test.ctx, {
    email: 'rina.jobs@example.com',
    exit: { exitedOn: '2026-10-01', reason: 'layoff' },
  });
}, 60_000);
afterAll(async () => test.close());

describe('claim expiry', () => {
  it('expires an approved claim left unpaid for 30 days, on the next daily job', async () => {
    const officer = await staffActor(test.ctx);
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'layoff',
    });
    expect(await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null)).toMatchObject({ ok: true });
    const statusOf = async () =>
      (
        await test.ctx.db
          .selectFrom('claims')
          .select('status')
          .where('claim_id', '=', claimId)
          .executeTakeFirstOrThrow()
      ).status;

    test.clock.set('2026-11-20T03:00:00Z');
    const early = await runDueJobs(test.ctx);
    expect(early.find((outcome) => outcome.key === 'claims-expire:2026-11-20')?.status).toBe('done');
    expect(await statusOf()).toBe('approved');

    test.clock.set('2026-12-03T03:00:00Z');
    await runDueJobs(test.ctx);
    expect(await statusOf()).toBe('expired');
    const job = await test.ctx.db
      .selectFrom('jobs')
      .select(['status', 'result'])
      .where('job_key', '=', 'claims-expire:2026-12-03')
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ status: 'done', result: { expired: 1, awaitingBank: 0 } });
  });
});

describe('the notification sweep', () => {
  it('sends what a failed send after a request left in the queue', async () => {
    let isGatewayDown = true;
    const flaky: DeliveryAdapter = {
      name: 'flaky',
      sendSms: (ctx, message) =>
        isGatewayDown ? Promise.reject(new Error('gateway down')) : outboxAdapter.sendSms(ctx, message),
      sendEmail: (ctx, message) =>
        isGatewayDown ? Promise.reject(new Error('smtp down')) : outboxAdapter.sendEmail(ctx, message),
    };
    useDeliveryAdapter(test.ctx, flaky);
    try {
      const told = await notify(test.ctx, {
        personId: member.personId,
        kind: 'contribution_resolved',
        params: { employerName: 'PT Uji', months: [{ period: '2026-09' }] },
        dedupeKey: 'jobs-test:sweep',
      });
      expect(told.isNew).toBe(true);
      dispatchNotifications(test.ctx);
      await flushDeliveries();
      const queued = await test.ctx.db
        .selectFrom('notification_deliveries')
        .select(['channel', 'status', 'attempts'])
        .where('notification_id', '=', told.notificationId)
        .orderBy('delivery_id')
        .execute();
      // The member has no phone, so only the e-mail waits; the SMS row is skipped.
      expect(queued).toEqual([
        { channel: 'sms', status: 'skipped', attempts: 1 },
        { channel: 'email', status: 'pending', attempts: 1 },
      ]);

      isGatewayDown = false;
      test.clock.set('2026-12-03T04:00:30Z');
      const outcomes = await runDueJobs(test.ctx);
      const sweep = outcomes.find((outcome) => outcome.key === 'notifications-send:2026-12-03T04:00Z');
      expect(sweep?.status).toBe('done');
      const sent = await test.ctx.db
        .selectFrom('notification_deliveries')
        .select(['status', 'attempts'])
        .where('notification_id', '=', told.notificationId)
        .where('channel', '=', 'email')
        .execute();
      expect(sent).toEqual([{ status: 'sent', attempts: 2 }]);
      const job = await test.ctx.db
        .selectFrom('jobs')
        .select('result')
        .where('job_key', '=', 'notifications-send:2026-12-03T04:00Z')
        .executeTakeFirstOrThrow();
      expect(job.result).toMatchObject({ sent: 1 });
    } finally {
      useDeliveryAdapter(test.ctx, outboxAdapter);
    }
  });
});

describe('the JHT return job', () => {
  it('stops between batches when the worker stops, and a later run finishes without crediting twice', async () => {
    test.clock.set('2026-12-03T05:00:00Z');
    expect(
      await declareJhtReturn(test.ctx, {
        year: 2025,
        rateBasisPoints: 580,
        declaredBy: 'test',
        isIllustrative: true,
      }),
    ).toMatchObject({ ok: true });
    const stopped = new AbortController();
    stopped.abort();
    await expect(
      jobHandlers['jht-return'](test.ctx, {
        key: 'jht-return:2025',
        kind: 'jht-return',
        payload: { year: 2025 },
        attempts: 1,
        signal: stopped.signal,
      }),
    ).rejects.toBeInstanceOf(JobInterruptedError);
    const progress = () =>
      test.ctx.db
        .selectFrom('jht_return_years')
        .select(['status', 'accounts_done', 'amount_credited'])
        .where('year', '=', 2025)
        .executeTakeFirstOrThrow();
    const interrupted = await progress();
    expect(interrupted.status).toBe('running');
    expect(interrupted.amount_credited).toBeGreaterThan(0);

    await enqueueJob(test.ctx, { kind: 'jht-return', key: 'jht-return:2025', payload: { year: 2025 } });
    const outcomes = await runDueJobs(test.ctx);
    expect(outcomes.find((outcome) => outcome.kind === 'jht-return')).toMatchObject({
      key: 'jht-return:2025',
      status: 'done',
    });
    const finished = await progress();
    expect(finished).toEqual({
      status: 'completed',
      accounts_done: interrupted.accounts_done,
      amount_credited: interrupted.amount_credited,
    });
    const credits = await test.ctx.db
      .selectFrom('journal_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source', '=', 'jht_return')
      .executeTakeFirstOrThrow();
    // One entry: only the account paid in 2025 earned a return, and it was credited once.
    expect(Number(credits.n)).toBe(1);
  });
});
