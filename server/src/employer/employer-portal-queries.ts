// Read-only views the employer portal needs beside the employer API: who the employer is (NPP, the
// number a bank payment quotes), the wage reports already sent per period, and one bill's worker lines
// and the payments recorded against it. Every query is scoped to one employer_id.
import { err, ok, type ErrorCode, type Result, type RiskClass } from '@lumbung/core';
import { sql } from 'kysely';
import type { ServiceContext } from '../services/service-context';

export interface EmployerProfile {
  readonly employerId: number;
  readonly npp: string;
  readonly name: string;
  readonly riskClass: RiskClass;
  readonly address: string | null;
}

export async function findEmployerProfile(
  ctx: ServiceContext,
  employerId: number,
): Promise<EmployerProfile | undefined> {
  const row = await ctx.db
    .selectFrom('employers')
    .select(['employer_id', 'npp', 'name', 'jkk_risk_class', 'address'])
    .where('employer_id', '=', employerId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    employerId: row.employer_id,
    npp: row.npp,
    name: row.name,
    riskClass: row.jkk_risk_class,
    address: row.address,
  };
}

export interface WageReportPeriod {
  readonly period: string;
  readonly lineCount: number;
  readonly wageTotalRupiah: number;
  /** When the last lines for this period arrived (a period may be reported in several files). */
  readonly lastReportedAt: string;
}

/** The periods reported so far, newest first. */
export async function listWageReportPeriods(
  ctx: ServiceContext,
  employerId: number,
  limit = 36,
): Promise<WageReportPeriod[]> {
  const rows = await ctx.db
    .selectFrom('wage_reports')
    .select((eb) => [
      'period',
      // Cast back to int8 so both backends hand the sum to the one integer parser.
      sql<number>`count(*)::int8`.as('line_count'),
      sql<number>`sum(wage)::int8`.as('wage_total'),
      eb.fn.max('reported_at').as('last_reported_at'),
    ])
    .where('employer_id', '=', employerId)
    .groupBy('period')
    .orderBy('period', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    period: row.period,
    lineCount: row.line_count,
    wageTotalRupiah: row.wage_total,
    lastReportedAt: new Date(row.last_reported_at).toISOString(),
  }));
}

export interface BillLineView {
  readonly kpj: string;
  readonly fullName: string;
  readonly wageRupiah: number;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  /** Part of this line's JKK and JKM that funds JKP (PP 37/2021): inside the total, not on top. */
  readonly jkpAllocationRupiah: number;
  readonly totalRupiah: number;
  readonly isPosted: boolean;
}

export interface BillPaymentView {
  readonly paymentReference: string;
  readonly amountRupiah: number;
  readonly paidAt: string;
  readonly source: 'bank' | 'staff';
}

export interface BillDetails {
  readonly period: string;
  readonly jkpAllocationRupiah: number;
  readonly lines: BillLineView[];
  readonly payments: BillPaymentView[];
}

/** Bounds one answer; the bill's totals always cover every line. */
export const MAX_BILL_DETAIL_LINES = 5_000;

export async function getBillDetails(
  ctx: ServiceContext,
  employerId: number,
  period: string,
): Promise<Result<BillDetails, ErrorCode>> {
  const bill = await ctx.db
    .selectFrom('bills')
    .select(['bill_id', 'period'])
    .where('employer_id', '=', employerId)
    .where('period', '=', period)
    .executeTakeFirst();
  if (!bill) return err('bill_not_found');
  const lines = await ctx.db
    .selectFrom('bill_lines as l')
    .innerJoin('member_accounts as a', 'a.account_id', 'l.account_id')
    .innerJoin('persons as p', 'p.person_id', 'l.person_id')
    .select([
      'a.kpj',
      'p.full_name',
      'l.wage',
      'l.jht_worker_amount',
      'l.jht_employer_amount',
      'l.jp_worker_amount',
      'l.jp_employer_amount',
      'l.jkk_amount',
      'l.jkm_amount',
      'l.jkp_allocation_amount',
      'l.total_amount',
      'l.is_posted',
    ])
    .where('l.bill_id', '=', bill.bill_id)
    .where('l.employer_id', '=', employerId)
    .orderBy('p.full_name')
    .orderBy('a.kpj')
    .limit(MAX_BILL_DETAIL_LINES)
    .execute();
  const jkp = await ctx.db
    .selectFrom('bill_lines')
    .select(sql<number>`coalesce(sum(jkp_allocation_amount), 0)::int8`.as('total'))
    .where('bill_id', '=', bill.bill_id)
    .where('employer_id', '=', employerId)
    .executeTakeFirstOrThrow();
  const payments = await ctx.db
    .selectFrom('payments')
    .select(['payment_reference', 'amount', 'paid_at', 'source'])
    .where('bill_id', '=', bill.bill_id)
    .where('employer_id', '=', employerId)
    .orderBy('paid_at')
    .orderBy('payment_id')
    .limit(200)
    .execute();
  return ok({
    period: bill.period,
    jkpAllocationRupiah: jkp.total,
    lines: lines.map((line) => ({
      kpj: line.kpj,
      fullName: line.full_name,
      wageRupiah: line.wage,
      // JKK and JKM are the employer's alone (PP 44/2015); JHT and JP are split.
      workerRupiah: line.jht_worker_amount + line.jp_worker_amount,
      employerRupiah: line.jht_employer_amount + line.jp_employer_amount + line.jkk_amount + line.jkm_amount,
      jkpAllocationRupiah: line.jkp_allocation_amount,
      totalRupiah: line.total_amount,
      isPosted: line.is_posted,
    })),
    payments: payments.map((payment) => ({
      paymentReference: payment.payment_reference,
      amountRupiah: payment.amount,
      paidAt: new Date(payment.paid_at).toISOString(),
      source: payment.source,
    })),
  });
}
