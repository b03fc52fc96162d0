// The monthly run against an employer that skipped April (reported, unpaid) and May (nothing) 2026.
import { defaultRuleBook } from '@lumbung/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context';
import { lastDuePeriod, runContributionAlerts } from './alert-run';
import {
  buildSkippingEmployer,
  expectedContribution,
  payBill,
  reportMay,
  type SkippingEmployer,
} from './alert-test-fixture';

let test: TestContext;
let employer: SkippingEmployer;

beforeAll(async () => {
  test = await createTestContext();
  employer = await buildSkippingEmployer(test, 11);
}, 60_000);
afterAll(async () => test.close());

async function findingsOf(personId: number) {
  return test.ctx.db
    .selectFrom('contribution_findings')
    .select([
      'finding_id',
      'period',
      'kind',
      'status',
      'expected_amount',
      'posted_amount',
      'shortfall_amount',
      'wage_basis',
      'due_on',
    ])
    .where('person_id', '=', personId)
    .orderBy('period')
    .execute();
}

async function notificationsOf(personId: number) {
  return test.ctx.db
    .selectFrom('notifications')
    .select(['notification_id', 'kind', 'params'])
    .where('person_id', '=', personId)
    .orderBy('notification_id')
    .execute();
}

async function outboxCount(): Promise<number> {
  const row = await test.ctx.db
    .selectFrom('dev_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function outboxFor(to: string) {
  return test.ctx.db
    .selectFrom('dev_outbox')
    .select(['channel', 'subject', 'body'])
    .where('to_index', '=', test.ctx.pii.blindIndex(to.includes('@') ? 'email' : 'phone', to))
    .orderBy('message_id')
    .execute();
}

describe('lastDuePeriod', () => {
  it.each([
    ['2026-07-15', '2026-05'],
    ['2026-07-16', '2026-06'],
    ['2026-01-20', '2025-12'],
  ])('on %s the last judged month is %s', (asOf, period) =>
    expect(lastDuePeriod(asOf, defaultRuleBook)).toBe(period),
  );
});

describe('contribution alert run', () => {
  it('refuses an as-of date in the future or malformed', async () => {
    test.clock.set('2026-07-16T03:00:00Z');
    expect(await runContributionAlerts(test.ctx, { asOf: '2026-07-17' })).toMatchObject({
      ok: false,
      code: 'alert_as_of_invalid',
    });
    expect(await runContributionAlerts(test.ctx, { asOf: '16-07-2026' })).toMatchObject({
      ok: false,
      code: 'alert_as_of_invalid',
    });
  });

  it('finds April and May missing for each worker with the right amounts, and can be resumed', async () => {
    test.clock.set('2026-07-16T03:00:00Z');
    // One employment per batch and stop after the first: the run is left half done.
    const partial = await runContributionAlerts(test.ctx, {
      asOf: '2026-07-16',
      batchSize: 1,
      maxBatches: 1,
    });
    expect(partial).toMatchObject({
      ok: true,
      value: { isCompleted: false, employmentsChecked: 1, findingsOpened: 2, throughPeriod: '2026-06' },
    });
    const resumed = await runContributionAlerts(test.ctx, { asOf: '2026-07-16', batchSize: 1 });
    expect(resumed).toMatchObject({
      ok: true,
      value: { isCompleted: true, isResumed: true, employmentsChecked: 1, findingsOpened: 2 },
    });

    // Findings measure what reached the member's JHT and JP: 5.7% + 3% = 8.7% of the wage (below the
    // JP cap), worker and employer parts together. Siti earns 6,000,000, Budi 4,500,000.
    const shareByWage = new Map([
      [6_000_000, 522_000],
      [4_500_000, 391_500],
    ]);
    for (const worker of employer.workers) {
      const findings = await findingsOf(worker.personId);
      const share = shareByWage.get(worker.wage);
      // May was never reported: its expected amount comes from the last reported wage (April's).
      expect(
        findings.map((f) => [
          f.period,
          f.kind,
          f.status,
          f.expected_amount,
          f.posted_amount,
          f.shortfall_amount,
          f.due_on,
        ]),
      ).toEqual([
        ['2026-04', 'missing', 'open', share, 0, share, '2026-05-15'],
        ['2026-05', 'missing', 'open', share, 0, share, '2026-06-15'],
      ]);
      expect(findings.every((f) => f.wage_basis === worker.wage)).toBe(true);
    }
    const siti = employer.workers[0]!;
    const expected = 522_000;
    const notifications = await notificationsOf(siti.personId);
    expect(notifications.map((n) => n.kind)).toEqual(['contribution_alert']);
    expect(notifications[0]!.params).toMatchObject({
      employerName: employer.name,
      kpj: siti.kpj,
      months: [
        { period: '2026-04', kind: 'missing', expectedRupiah: expected, postedRupiah: 0 },
        { period: '2026-05', kind: 'missing', expectedRupiah: expected, postedRupiah: 0 },
      ],
    });
    // Told once through each channel, in Indonesian, with months and amounts.
    const messages = await outboxFor(siti.email);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.subject).toBe('Iuran 2 bulan belum diterima penuh');
    expect(messages[0]!.body).toContain('April 2026: belum dibayar (seharusnya Rp 522.000)');
    expect(messages[0]!.body).toContain('Mei 2026: belum dibayar (seharusnya Rp 522.000)');
    const sms = await outboxFor(siti.phone);
    expect(sms.map((m) => m.channel)).toEqual(['sms']);
    expect(sms[0]!.body).toContain('April 2026 dan Mei 2026');
  });

  it('sends nothing twice when the run is started again, for the same day or a later one', async () => {
    const before = {
      outbox: await outboxCount(),
      notifications: (await notificationsOf(employer.workers[0]!.personId)).length,
    };
    const again = await runContributionAlerts(test.ctx, { asOf: '2026-07-16' });
    expect(again).toMatchObject({
      ok: true,
      value: { isCompleted: true, isResumed: false, findingsOpened: 0, alertsSent: 0 },
    });
    test.clock.set('2026-07-20T03:00:00Z');
    const later = await runContributionAlerts(test.ctx, { asOf: '2026-07-20' });
    expect(later).toMatchObject({
      ok: true,
      value: { findingsOpened: 0, findingsResolved: 0, alertsSent: 0, resolutionsSent: 0 },
    });
    expect(await outboxCount()).toBe(before.outbox);
    expect((await notificationsOf(employer.workers[0]!.personId)).length).toBe(before.notifications);
  });

  it('closes findings once the arrears are paid and tells the member once', async () => {
    const [siti, budi] = employer.workers as [SkippingEmployer['workers'][0], SkippingEmployer['workers'][0]];
    test.clock.set('2026-07-24T03:00:00Z');
    await reportMay(test, employer);
    // April: only Siti's line is covered (lines post whole, in order); May: both.
    await payBill(
      test,
      employer.employerId,
      '2026-04',
      expectedContribution(siti.wage, '2026-04'),
      'BANK-LATE-APR',
    );
    const mayTotal = employer.workers.reduce(
      (sum, worker) => sum + expectedContribution(worker.wage, '2026-05'),
      0,
    );
    await payBill(test, employer.employerId, '2026-05', mayTotal, 'BANK-LATE-MAY');

    test.clock.set('2026-07-25T03:00:00Z');
    const outboxBefore = await outboxCount();
    const run = await runContributionAlerts(test.ctx, { asOf: '2026-07-25' });
    expect(run).toMatchObject({
      ok: true,
      value: { findingsOpened: 0, findingsResolved: 3, alertsSent: 0, resolutionsSent: 2 },
    });

    const sitiFindings = await findingsOf(siti.personId);
    expect(sitiFindings.map((f) => [f.period, f.status, f.posted_amount, f.shortfall_amount])).toEqual([
      ['2026-04', 'resolved', 522_000, 0],
      ['2026-05', 'resolved', 522_000, 0],
    ]);
    const budiFindings = await findingsOf(budi.personId);
    expect(budiFindings.map((f) => [f.period, f.status])).toEqual([
      ['2026-04', 'open'],
      ['2026-05', 'resolved'],
    ]);
    const sitiNotes = await notificationsOf(siti.personId);
    expect(sitiNotes.map((n) => n.kind)).toEqual(['contribution_alert', 'contribution_resolved']);
    expect(sitiNotes[1]!.params).toMatchObject({ months: [{ period: '2026-04' }, { period: '2026-05' }] });
    const resolvedMail = (await outboxFor(siti.email)).at(-1)!;
    expect(resolvedMail.subject).toBe('Iuran April 2026 dan Mei 2026 sudah dibayar');
    // Two members × (SMS + e-mail).
    expect((await outboxCount()) - outboxBefore).toBe(4);

    const rerun = await runContributionAlerts(test.ctx, { asOf: '2026-07-25' });
    expect(rerun).toMatchObject({ ok: true, value: { findingsResolved: 0, resolutionsSent: 0 } });
    expect(await outboxCount()).toBe(outboxBefore + 4);
    expect((await notificationsOf(siti.personId)).length).toBe(2);
  });
});
