// The run on the demo data set, seeded on 22 November 2026 (last seeded month October): only CV Kopi
// Lereng Merapi skipped months — April 2026 reported but not paid, May 2026 not reported (six and five
// months before the last one) — so only its two workers hear about exactly those two months, already
// from the run the seed itself makes. Paying the arrears through the real services closes the findings
// and tells each of them once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBill } from '../employer/bill-service';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import { seedDemoData, type DemoLedger } from '../seed/demo-seed';
import { createTestContext, type TestContext } from '../test/test-context';
import { runContributionAlerts, type AlertRunOutcome } from './alert-run';

let test: TestContext;
let seeded: DemoLedger;
let seedRun: AlertRunOutcome;

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00Z' });
  ({ ledger: seeded, alerts: seedRun } = await seedDemoData(test.ctx));
}, 180_000);
afterAll(async () => test.close());

const member = (name: string) => seeded.members.find((m) => m.fullName === name)!;

async function findings() {
  return test.ctx.db
    .selectFrom('contribution_findings')
    .select([
      'employer_id',
      'person_id',
      'period',
      'kind',
      'status',
      'wage_basis',
      'expected_amount',
      'posted_amount',
      'shortfall_amount',
      'notification_id',
      'resolved_notification_id',
    ])
    .orderBy('person_id')
    .orderBy('period')
    .execute();
}

async function notificationsOf(personId: number) {
  return test.ctx.db
    .selectFrom('notifications')
    .select(['kind', 'params'])
    .where('person_id', '=', personId)
    .orderBy('notification_id')
    .execute();
}

// Demo wages are raised 5% every January, rounded down to Rp1,000: Rina 2,400,000 (2021) → 3,061,000
// in 2026, Joko 2,600,000 → 3,316,000. A finding measures JHT + JP into the member's accounts: 8.7%.
const RINA_WAGE = 3_061_000;
const RINA_SHARE = 266_307; // 61,220 + 113,257 + 30,610 + 61,220
const JOKO_WAGE = 3_316_000;
const JOKO_SHARE = 288_492; // 66,320 + 122,692 + 33,160 + 66,320

describe('contribution alerts on the demo data', () => {
  it('finds April and May 2026 at CV Kopi Lereng Merapi, and no one else, from the seed itself', async () => {
    expect(seeded.lastPeriod).toBe('2026-10');
    expect(seedRun).toMatchObject({
      asOf: '2026-11-22',
      throughPeriod: '2026-10',
      isCompleted: true,
      findingsOpened: 4,
      alertsSent: 2,
      delivery: null,
    });
    const kopi = seeded.employers.find((employer) => employer.name === 'CV Kopi Lereng Merapi')!;
    const rina = member('Rina Wulandari').personId;
    const joko = member('Joko Prasetyo').personId;
    const found = await findings();
    expect(
      found.map((f) => [
        f.employer_id,
        f.person_id,
        f.period,
        f.kind,
        f.status,
        f.wage_basis,
        f.expected_amount,
        f.posted_amount,
        f.shortfall_amount,
      ]),
    ).toEqual([
      [kopi.employerId, rina, '2026-04', 'missing', 'open', RINA_WAGE, RINA_SHARE, 0, RINA_SHARE],
      // May was not reported: judged at the last wage reported before it (April's).
      [kopi.employerId, rina, '2026-05', 'missing', 'open', RINA_WAGE, RINA_SHARE, 0, RINA_SHARE],
      [kopi.employerId, joko, '2026-04', 'missing', 'open', JOKO_WAGE, JOKO_SHARE, 0, JOKO_SHARE],
      [kopi.employerId, joko, '2026-05', 'missing', 'open', JOKO_WAGE, JOKO_SHARE, 0, JOKO_SHARE],
    ]);
    // In the notification centre on first start: one alert each, with both months and amounts.
    expect(await notificationsOf(rina)).toEqual([
      {
        kind: 'contribution_alert',
        params: expect.objectContaining({
          employerName: 'CV Kopi Lereng Merapi',
          months: [
            expect.objectContaining({ period: '2026-04', kind: 'missing', expectedRupiah: RINA_SHARE }),
            expect.objectContaining({ period: '2026-05', kind: 'missing', expectedRupiah: RINA_SHARE }),
          ],
        }),
      },
    ]);
    const told = await test.ctx.db.selectFrom('notifications').select('person_id').distinct().execute();
    expect(told.map((row) => row.person_id).sort()).toEqual([rina, joko].sort());
  });

  it('running the check again opens and tells nothing new, and sends the queued messages once', async () => {
    const again = await runContributionAlerts(test.ctx, { asOf: '2026-11-22' });
    // The seed left SMS and e-mail queued: two members × two channels go out now, once.
    expect(again).toMatchObject({
      ok: true,
      value: { findingsOpened: 0, alertsSent: 0, delivery: { sent: 4, failed: 0, retrying: 0 } },
    });
    const third = await runContributionAlerts(test.ctx, { asOf: '2026-11-22' });
    expect(third).toMatchObject({
      ok: true,
      value: { findingsOpened: 0, alertsSent: 0, delivery: { sent: 0 } },
    });
    expect(await notificationsOf(member('Joko Prasetyo').personId)).toHaveLength(1);
  });

  it('paying the arrears through the real services closes the findings and tells each member once', async () => {
    const kopi = seeded.employers.find((employer) => employer.name === 'CV Kopi Lereng Merapi')!;
    const rina = member('Rina Wulandari');
    const joko = member('Joko Prasetyo');
    test.clock.set('2026-11-23T03:00:00Z');
    // The employer reports the May wages it skipped, then pays both months' bills in full.
    const may = await importWageReport(test.ctx, kopi.employerId, [
      { line: 1, period: '2026-05', kpj: rina.kpj[0]!, wage: RINA_WAGE },
      { line: 2, period: '2026-05', kpj: joko.kpj[0]!, wage: JOKO_WAGE },
    ]);
    expect(may.ok).toBe(true);
    for (const period of ['2026-04', '2026-05']) {
      const bill = await getBill(test.ctx, kopi.employerId, period);
      if (!bill.ok) throw new Error(bill.code);
      const paid = await recordPayment(test.ctx, {
        employerId: kopi.employerId,
        period,
        paymentReference: `DEMO-ARREARS-${period}`,
        amountRupiah: bill.value.totalRupiah,
        paidAt: test.ctx.clock.now(),
        source: 'bank',
      });
      expect(paid).toMatchObject({ ok: true, value: { workersPosted: 2 } });
    }

    test.clock.set('2026-11-24T03:00:00Z');
    const run = await runContributionAlerts(test.ctx, { asOf: '2026-11-24' });
    expect(run).toMatchObject({
      ok: true,
      value: { findingsOpened: 0, findingsResolved: 4, alertsSent: 0, resolutionsSent: 2 },
    });
    const closed = await findings();
    expect(closed.map((f) => [f.person_id, f.period, f.status, f.posted_amount, f.shortfall_amount])).toEqual(
      [
        [rina.personId, '2026-04', 'resolved', RINA_SHARE, 0],
        [rina.personId, '2026-05', 'resolved', RINA_SHARE, 0],
        [joko.personId, '2026-04', 'resolved', JOKO_SHARE, 0],
        [joko.personId, '2026-05', 'resolved', JOKO_SHARE, 0],
      ],
    );
    expect(closed.every((f) => f.resolved_notification_id !== null)).toBe(true);
    const rinaNotes = await notificationsOf(rina.personId);
    expect(rinaNotes.map((n) => n.kind)).toEqual(['contribution_alert', 'contribution_resolved']);
    expect(rinaNotes[1]!.params).toMatchObject({
      months: [
        { period: '2026-04', postedRupiah: RINA_SHARE },
        { period: '2026-05', postedRupiah: RINA_SHARE },
      ],
    });

    const rerun = await runContributionAlerts(test.ctx, { asOf: '2026-11-24' });
    expect(rerun).toMatchObject({ ok: true, value: { findingsResolved: 0, resolutionsSent: 0 } });
    expect(await notificationsOf(rina.personId)).toHaveLength(2);
  });
});
