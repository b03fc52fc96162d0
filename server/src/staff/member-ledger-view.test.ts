// Staff see the same contribution gaps the member sees: the core's month status (compliance.ts) decides
// both, so a month reported but unpaid and the months never reported after it are gaps at the desk too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBill } from '../employer/bill-service';
import { createEmployer } from '../employer/employer-store';
import { enrolWorker } from '../employer/enrolment-service';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import { getContributionMonths } from '../portal/contribution-service';
import { createTestContext, type TestContext } from '../test/test-context';
import { memberContributions } from './member-ledger-view';

const PAID_ON: Record<string, string | null> = {
  '2025-01': '2025-02-10',
  '2025-02': '2025-03-10',
  '2025-03': null,
};

describe('staff contribution gaps', () => {
  let test: TestContext;
  let personId = 0;
  let kpj = '';

  beforeAll(async () => {
    test = await createTestContext({ now: '2025-01-03T03:00:00Z' });
    const employerId = await createEmployer(test.ctx, {
      npp: 'NPP-GAP-1',
      name: 'PT Celah Iuran',
      riskClass: 'low',
    });
    const enrolled = await enrolWorker(test.ctx, employerId, {
      nik: '3273015501900031',
      fullName: 'Maya Sari',
      startedOn: '2025-01-01',
    });
    if (!enrolled.ok) throw new Error(enrolled.code);
    personId = enrolled.value.personId;
    kpj = enrolled.value.kpj;
    for (const [period, paidOn] of Object.entries(PAID_ON)) {
      test.clock.set(`2025-${String(Number(period.slice(5)) + 1).padStart(2, '0')}-05T03:00:00Z`);
      const imported = await importWageReport(test.ctx, employerId, [
        { line: 1, period, kpj, wage: 5_000_000 },
      ]);
      if (!('ok' in imported) || !imported.ok) throw new Error(`wage report ${period}`);
      if (paidOn === null) continue;
      const bill = await getBill(test.ctx, employerId, period);
      if (!bill.ok) throw new Error('no bill');
      test.clock.set(`${paidOn}T05:00:00Z`);
      const paid = await recordPayment(test.ctx, {
        employerId,
        period,
        paymentReference: `GAP-${period}`,
        amountRupiah: bill.value.totalRupiah,
        paidAt: new Date(`${paidOn}T04:00:00Z`),
        source: 'bank',
      });
      if (!paid.ok) throw new Error(paid.code);
    }
    test.clock.set('2025-08-20T03:00:00Z');
  }, 120_000);
  afterAll(async () => {
    await test.close();
  });

  it('flags the unpaid month and the unreported months after the last payment, as the portal does', async () => {
    const staff = await memberContributions(test.ctx, personId);
    // On 20 August: March was reported but never paid; April–July were never reported and their
    // deadlines (the 15th of the next month) have passed; August is not due yet.
    expect(staff.gaps.map((gap) => gap.period)).toEqual([
      '2025-07',
      '2025-06',
      '2025-05',
      '2025-04',
      '2025-03',
    ]);
    expect(staff.gaps.every((gap) => gap.kpj === kpj)).toBe(true);
    const portal = (await getContributionMonths(test.ctx, personId)) ?? [];
    expect(staff.gaps).toEqual(
      portal
        .filter((month) => month.status === 'missing')
        .map((month) => ({ kpj: month.kpj, period: month.period })),
    );
    expect(staff.months.map((month) => [month.period, month.isPosted])).toEqual([
      ['2025-03', false],
      ['2025-02', true],
      ['2025-01', true],
    ]);
  });
});
