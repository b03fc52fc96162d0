// Test and browser-test fixtures for claims: a member built through the real services (employer
// enrolment, wage reports, payments, exit), so balances come from the ledger as in production.
import { assert } from '@lumbung/core';
import { createEmployer } from '../employer/employer-store';
import { enrolWorker } from '../employer/enrolment-service';
import { reportWorkerExit } from '../employer/exit-service';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import { getBill } from '../employer/bill-service';
import type { ServiceContext } from '../services/service-context';

let serial = 0;

export interface ClaimMemberOptions {
  readonly nik?: string;
  readonly fullName?: string;
  readonly email?: string;
  readonly startedOn?: string;
  readonly wageRupiah?: number;
  /** Contribution months reported and paid, e.g. ['2026-08', '2026-09']. */
  readonly periods?: readonly string[];
  /** When given, the employer reports the exit. */
  readonly exit?: { readonly exitedOn: string; readonly reason: 'resignation' | 'layoff' | 'contract_end' };
}

export interface ClaimMember {
  readonly personId: number;
  readonly accountId: number;
  readonly kpj: string;
  readonly employerId: number;
}

export async function createClaimMember(
  ctx: ServiceContext,
  options: ClaimMemberOptions = {},
): Promise<ClaimMember> {
  serial += 1;
  const tag = `${process.pid % 1000}${String(serial).padStart(3, '0')}`;
  const employerId = await createEmployer(ctx, {
    npp: `KLM${tag}`,
    name: `PT Uji Klaim ${tag}`,
    riskClass: 'low',
  });
  const enrolled = await enrolWorker(ctx, employerId, {
    nik:
      options.nik ??
      `3273011501${String(90 + (serial % 9)).padStart(2, '0')}${String(serial + 5000).padStart(4, '0')}`,
    fullName: options.fullName ?? 'Rina Wulandari',
    ...(options.email ? { email: options.email } : {}),
    startedOn: options.startedOn ?? '2014-01-06',
  });
  assert(enrolled.ok, `enrolment failed: ${JSON.stringify(enrolled)}`);
  const { personId, accountId, kpj } = enrolled.value;
  for (const period of options.periods ?? ['2026-08', '2026-09']) {
    const report = await importWageReport(ctx, employerId, [
      { line: 1, period, kpj, wage: String(options.wageRupiah ?? 5_000_000) },
    ]);
    assert(report.ok, `wage report failed: ${JSON.stringify(report)}`);
    const bill = await getBill(ctx, employerId, period);
    assert(bill.ok, 'bill missing');
    const paid = await recordPayment(ctx, {
      employerId,
      period,
      paymentReference: `KLM-${tag}-${period}`,
      amountRupiah: bill.value.totalRupiah,
      paidAt: ctx.clock.now(),
      source: 'bank',
    });
    assert(paid.ok, `payment failed: ${JSON.stringify(paid)}`);
  }
  if (options.exit) {
    const exit = await reportWorkerExit(ctx, employerId, { kpj, ...options.exit });
    assert(exit.ok, `exit failed: ${JSON.stringify(exit)}`);
  }
  return { personId, accountId, kpj, employerId };
}

/** A minimal valid PDF and PNG for document uploads. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const SAMPLE_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c6300010000050001',
  'hex',
);
