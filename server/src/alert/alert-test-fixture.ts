// Test fixture: an employer that skipped months, built through the ledger's own services (enrol,
// report wages, pay) so the alert tests exercise the real pipeline. Jan–Mar and Jun 2026 are reported
// and paid on time; April is reported but not paid; May is neither reported nor paid.
import { defaultRuleBook } from '@lumbung/core';
import { lineAmounts } from '../employer/bill-service';
import { createEmployer } from '../employer/employer-store';
import { enrolWorker } from '../employer/enrolment-service';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import type { TestContext } from '../test/test-context';

export interface FixtureWorker {
  readonly personId: number;
  readonly accountId: number;
  readonly employmentId: number;
  readonly kpj: string;
  readonly wage: number;
  readonly phone: string;
  readonly email: string;
}

export interface SkippingEmployer {
  readonly employerId: number;
  readonly name: string;
  readonly workers: readonly FixtureWorker[];
}

const RISK = 'low' as const;

function must<T>(result: { ok: true; value: T } | { ok: false; code: string }): T {
  if (!result.ok) throw new Error(`fixture step failed: ${result.code}`);
  return result.value;
}

/** The contribution a month's bill carries for a wage, all programmes (the same calculator bills use). */
export function expectedContribution(wage: number, period: string): number {
  return must(lineAmounts(wage, period, RISK, defaultRuleBook)).total;
}

/** What the month should put into the member's own JHT and JP accounts (what findings measure). */
export function expectedMemberContribution(wage: number, period: string): number {
  const line = must(lineAmounts(wage, period, RISK, defaultRuleBook));
  return line.jhtWorker + line.jhtEmployer + line.jpWorker + line.jpEmployer;
}

async function reportAndBill(
  test: TestContext,
  employer: SkippingEmployer | { employerId: number; workers: FixtureWorker[] },
  period: string,
) {
  must(
    await importWageReport(
      test.ctx,
      employer.employerId,
      employer.workers.map((worker, index) => ({
        line: index + 1,
        period,
        kpj: worker.kpj,
        wage: worker.wage,
      })),
    ),
  );
}

export async function payBill(
  test: TestContext,
  employerId: number,
  period: string,
  amountRupiah: number,
  reference: string,
): Promise<void> {
  must(
    await recordPayment(test.ctx, {
      employerId,
      period,
      paymentReference: reference,
      amountRupiah,
      paidAt: test.ctx.clock.now(),
      source: 'bank',
    }),
  );
}

/**
 * Builds the employer and its history; leaves the clock on 2026-07-10 (June paid, April and May not).
 * The two workers earn 6,000,000 and 4,500,000 unless `wages` says otherwise.
 */
export async function buildSkippingEmployer(
  test: TestContext,
  nikSeed: number,
  wages: readonly [number, number] = [6_000_000, 4_500_000],
): Promise<SkippingEmployer> {
  test.clock.set('2026-01-05T03:00:00Z');
  const name = `PT Lompat Bulan ${nikSeed}`;
  const employerId = await createEmployer(test.ctx, { npp: `NPP-ALERT-${nikSeed}`, name, riskClass: RISK });
  const people = [
    {
      nik: `3273015501900${String(nikSeed).padStart(3, '0')}`,
      fullName: 'Siti Aminah',
      wage: wages[0],
      phone: '+6281200000',
    },
    {
      nik: `3273011203850${String(nikSeed + 1).padStart(3, '0')}`,
      fullName: 'Budi Santoso',
      wage: wages[1],
      phone: '+6281300000',
    },
  ];
  const workers: FixtureWorker[] = [];
  for (const [index, person] of people.entries()) {
    const phone = `${person.phone}${String(nikSeed + index).padStart(3, '0')}`;
    const email = `worker${nikSeed + index}@example.com`;
    const enrolled = must(
      await enrolWorker(test.ctx, employerId, {
        nik: person.nik,
        fullName: person.fullName,
        phone,
        email,
        startedOn: '2026-01-02',
      }),
    );
    workers.push({ ...enrolled, wage: person.wage, phone, email });
  }
  const employer = { employerId, name, workers };
  const months: Array<{ period: string; reportOn: string; payOn: string | null }> = [
    { period: '2026-01', reportOn: '2026-02-03', payOn: '2026-02-10' },
    { period: '2026-02', reportOn: '2026-03-03', payOn: '2026-03-10' },
    { period: '2026-03', reportOn: '2026-04-03', payOn: '2026-04-10' },
    { period: '2026-04', reportOn: '2026-05-03', payOn: null },
    { period: '2026-06', reportOn: '2026-07-03', payOn: '2026-07-10' },
  ];
  for (const month of months) {
    test.clock.set(`${month.reportOn}T03:00:00Z`);
    await reportAndBill(test, employer, month.period);
    if (month.payOn) {
      test.clock.set(`${month.payOn}T03:00:00Z`);
      const total = workers.reduce((sum, worker) => sum + expectedContribution(worker.wage, month.period), 0);
      await payBill(test, employerId, month.period, total, `BANK-${nikSeed}-${month.period}`);
    }
  }
  return employer;
}

/** Reports the skipped May wages afterwards (so a bill can be paid). */
export async function reportMay(test: TestContext, employer: SkippingEmployer): Promise<void> {
  await reportAndBill(test, employer, '2026-05');
}
