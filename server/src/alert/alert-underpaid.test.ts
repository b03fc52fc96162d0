// Under-paid through the real pipeline: an employer reports a worker at 6,000,000, then at 4,000,000,
// and pays every bill in full. The member's JHT and JP got what the lower report billed; the drop month
// is judged at the wage reported before it (core wageBasisFor), so it is under-paid by the difference.
// A month paid only in part posts no line at all: it is missing, the money waits as employer credit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmployer } from '../employer/employer-store';
import { enrolWorker } from '../employer/enrolment-service';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import { createTestContext, type TestContext } from '../test/test-context';
import { runContributionAlerts } from './alert-run';

let test: TestContext;
let employerId: number;
let worker: { personId: number; kpj: string };

function must<T>(result: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!result.ok) throw new Error(`step failed: ${result.code}`);
  return result.value;
}

async function reportAndPay(
  period: string,
  wage: number,
  reportOn: string,
  pay: { on: string; amount: number },
) {
  test.clock.set(`${reportOn}T03:00:00Z`);
  must(await importWageReport(test.ctx, employerId, [{ line: 1, period, kpj: worker.kpj, wage }]));
  test.clock.set(`${pay.on}T03:00:00Z`);
  must(
    await recordPayment(test.ctx, {
      employerId,
      period,
      paymentReference: `BANK-DROP-${period}`,
      amountRupiah: pay.amount,
      paidAt: test.ctx.clock.now(),
      source: 'bank',
    }),
  );
}

beforeAll(async () => {
  test = await createTestContext({ now: '2026-01-05T03:00:00Z' });
  employerId = await createEmployer(test.ctx, {
    npp: 'NPP-DROP-1',
    name: 'PT Upah Turun',
    riskClass: 'low',
  });
  worker = must(
    await enrolWorker(test.ctx, employerId, {
      nik: '3273015501900201',
      fullName: 'Wulan Sari',
      phone: '+6281200000201',
      email: 'wulan.sari@example.com',
      startedOn: '2026-01-02',
    }),
  );
  // Risk class low, 2026: the bill is 9.54% of the wage (JHT 5.7, JP 3, JKK 0.54, JKM 0.3).
  await reportAndPay('2026-01', 6_000_000, '2026-02-03', { on: '2026-02-10', amount: 572_400 });
  await reportAndPay('2026-02', 4_000_000, '2026-03-03', { on: '2026-03-10', amount: 381_600 });
  // March at the same lower wage, but only 100,000 of its 381,600 paid.
  await reportAndPay('2026-03', 4_000_000, '2026-04-03', { on: '2026-04-10', amount: 100_000 });
}, 60_000);
afterAll(async () => test.close());

describe('an under-paid month', () => {
  it('is found against the wage reported before the drop, with literal amounts', async () => {
    test.clock.set('2026-04-16T03:00:00Z');
    const run = await runContributionAlerts(test.ctx, { asOf: '2026-04-16' });
    expect(run).toMatchObject({ ok: true, value: { throughPeriod: '2026-03', findingsOpened: 2 } });
    const findings = await test.ctx.db
      .selectFrom('contribution_findings')
      .select([
        'period',
        'kind',
        'status',
        'wage_basis',
        'expected_amount',
        'posted_amount',
        'shortfall_amount',
        'penalty_amount',
        'due_on',
      ])
      .where('person_id', '=', worker.personId)
      .orderBy('period')
      .execute();
    expect(findings).toEqual([
      {
        // JHT + JP = 8.7%: 522,000 on 6,000,000 expected, 348,000 on 4,000,000 posted.
        period: '2026-02',
        kind: 'underpaid',
        status: 'open',
        wage_basis: 6_000_000,
        expected_amount: 522_000,
        posted_amount: 348_000,
        shortfall_amount: 174_000,
        penalty_amount: 6_960, // 2% × 2 started months (15 Mar → 16 Apr) × 174,000
        due_on: '2026-03-15',
      },
      {
        // March reported at 4,000,000 again: judged at its own wage. Nothing posted: missing.
        period: '2026-03',
        kind: 'missing',
        status: 'open',
        wage_basis: 4_000_000,
        expected_amount: 348_000,
        posted_amount: 0,
        shortfall_amount: 348_000,
        penalty_amount: 6_960, // 2% × 1 × 348,000
        due_on: '2026-04-15',
      },
    ]);
    const [alert] = await test.ctx.db
      .selectFrom('notifications')
      .select(['kind', 'params'])
      .where('person_id', '=', worker.personId)
      .execute();
    expect(alert).toMatchObject({
      kind: 'contribution_alert',
      params: {
        months: [
          {
            period: '2026-02',
            kind: 'underpaid',
            expectedRupiah: 522_000,
            postedRupiah: 348_000,
            shortfallRupiah: 174_000,
          },
          { period: '2026-03', kind: 'missing', expectedRupiah: 348_000, postedRupiah: 0 },
        ],
      },
    });
  });
});
