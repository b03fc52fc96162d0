// Bills: one per employer and period, one line per reported worker, amounts from the core's contribution
// calculator; totals per programme are the sums of the lines (kept by the wage report import).
import {
  assert,
  calculateContribution,
  paymentDeadline,
  findProgramme,
  err,
  ok,
  type ErrorCode,
  type Period,
  type Result,
  type RiskClass,
  type RuleBook,
} from '@lumbung/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { BillStatus } from '../db/tables/ledger-tables';
import type { ServiceContext } from '../services/service-context';

export interface LineAmounts {
  readonly jhtWorker: number;
  readonly jhtEmployer: number;
  readonly jpWorker: number;
  readonly jpEmployer: number;
  readonly jkk: number;
  readonly jkm: number;
  /** The part of JKK/JKM recomposed into JKP (PP 37/2021, PP 6/2025): not billed on top. */
  readonly jkpFromJkk: number;
  readonly jkpFromJkm: number;
  readonly total: number;
}

export function lineAmounts(
  wageRupiah: number,
  period: Period,
  riskClass: RiskClass,
  rules: RuleBook,
): Result<LineAmounts, ErrorCode> {
  const breakdown = calculateContribution(
    { wageMonthlyRupiah: wageRupiah, period, segment: 'PU', riskClass },
    rules,
  );
  if (!breakdown.ok) return breakdown;
  const jht = findProgramme(breakdown.value, 'JHT');
  const jp = findProgramme(breakdown.value, 'JP');
  const jkk = findProgramme(breakdown.value, 'JKK')?.totalRupiah ?? 0;
  const jkm = findProgramme(breakdown.value, 'JKM')?.totalRupiah ?? 0;
  const jkp = breakdown.value.jkp;
  return ok({
    jhtWorker: jht?.workerRupiah ?? 0,
    jhtEmployer: jht?.employerRupiah ?? 0,
    jpWorker: jp?.workerRupiah ?? 0,
    jpEmployer: jp?.employerRupiah ?? 0,
    jkk,
    jkm,
    jkpFromJkk: Math.min(jkp?.fromJkkRupiah ?? 0, jkk),
    jkpFromJkm: Math.min(jkp?.fromJkmRupiah ?? 0, jkm),
    total: breakdown.value.totalRupiah,
  });
}

/**
 * Creates the period's bill or adds to it: a later report for the same period (other workers) adds its
 * lines' amounts to the open bill. Returns the bill id.
 */
export async function addToBill(
  trx: Transaction<DB>,
  employerId: number,
  period: Period,
  lines: readonly LineAmounts[],
  reportedAt: string,
  rules: RuleBook,
): Promise<number> {
  const due = paymentDeadline(period, 'PU', rules);
  assert(due.ok, `no payment deadline for ${period}`);
  const sum = (pick: (a: LineAmounts) => number): number => lines.reduce((total, a) => total + pick(a), 0);
  const totals = {
    jht_worker_amount: sum((a) => a.jhtWorker),
    jht_employer_amount: sum((a) => a.jhtEmployer),
    jp_worker_amount: sum((a) => a.jpWorker),
    jp_employer_amount: sum((a) => a.jpEmployer),
    jkk_amount: sum((a) => a.jkk),
    jkm_amount: sum((a) => a.jkm),
    total_amount: sum((a) => a.total),
  };
  const bill = await trx
    .insertInto('bills')
    .values({ employer_id: employerId, period, due_on: due.value, ...totals })
    .onConflict((oc) =>
      oc.columns(['employer_id', 'period']).doUpdateSet((eb) => ({
        jht_worker_amount: eb('bills.jht_worker_amount', '+', eb.ref('excluded.jht_worker_amount')),
        jht_employer_amount: eb('bills.jht_employer_amount', '+', eb.ref('excluded.jht_employer_amount')),
        jp_worker_amount: eb('bills.jp_worker_amount', '+', eb.ref('excluded.jp_worker_amount')),
        jp_employer_amount: eb('bills.jp_employer_amount', '+', eb.ref('excluded.jp_employer_amount')),
        jkk_amount: eb('bills.jkk_amount', '+', eb.ref('excluded.jkk_amount')),
        jkm_amount: eb('bills.jkm_amount', '+', eb.ref('excluded.jkm_amount')),
        total_amount: eb('bills.total_amount', '+', eb.ref('excluded.total_amount')),
        updated_at: reportedAt,
      })),
    )
    .returning('bill_id')
    .executeTakeFirstOrThrow();
  return bill.bill_id;
}

export interface BillView {
  readonly billId: number;
  readonly employerId: number;
  readonly period: string;
  readonly dueOn: string;
  readonly status: BillStatus;
  readonly programmes: {
    readonly JHT: {
      readonly workerRupiah: number;
      readonly employerRupiah: number;
      readonly totalRupiah: number;
    };
    readonly JP: {
      readonly workerRupiah: number;
      readonly employerRupiah: number;
      readonly totalRupiah: number;
    };
    readonly JKK: { readonly totalRupiah: number };
    readonly JKM: { readonly totalRupiah: number };
  };
  readonly totalRupiah: number;
  readonly contributionPaidRupiah: number;
  readonly penaltyRupiah: number;
  readonly penaltyPaidRupiah: number;
  /** Contributions and penalty still owed. */
  readonly outstandingRupiah: number;
  readonly paidOn: string | null;
  readonly workerCount: number;
  readonly postedWorkerCount: number;
}

type BillRow = {
  bill_id: number;
  employer_id: number;
  period: string;
  due_on: string;
  status: BillStatus;
  jht_worker_amount: number;
  jht_employer_amount: number;
  jp_worker_amount: number;
  jp_employer_amount: number;
  jkk_amount: number;
  jkm_amount: number;
  total_amount: number;
  contribution_paid_amount: number;
  penalty_amount: number;
  penalty_paid_amount: number;
  paid_on: string | null;
  workers: number;
  posted: number;
};

function toView(row: BillRow): BillView {
  return {
    billId: row.bill_id,
    employerId: row.employer_id,
    period: row.period,
    dueOn: row.due_on,
    status: row.status,
    programmes: {
      JHT: {
        workerRupiah: row.jht_worker_amount,
        employerRupiah: row.jht_employer_amount,
        totalRupiah: row.jht_worker_amount + row.jht_employer_amount,
      },
      JP: {
        workerRupiah: row.jp_worker_amount,
        employerRupiah: row.jp_employer_amount,
        totalRupiah: row.jp_worker_amount + row.jp_employer_amount,
      },
      JKK: { totalRupiah: row.jkk_amount },
      JKM: { totalRupiah: row.jkm_amount },
    },
    totalRupiah: row.total_amount,
    contributionPaidRupiah: row.contribution_paid_amount,
    penaltyRupiah: row.penalty_amount,
    penaltyPaidRupiah: row.penalty_paid_amount,
    outstandingRupiah:
      row.total_amount - row.contribution_paid_amount + row.penalty_amount - row.penalty_paid_amount,
    paidOn: row.paid_on,
    workerCount: Number(row.workers),
    postedWorkerCount: Number(row.posted),
  };
}

function billQuery(ctx: ServiceContext, employerId: number) {
  return ctx.db
    .selectFrom('bills')
    .selectAll('bills')
    .select((eb) => [
      eb
        .selectFrom('bill_lines')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('bill_lines.bill_id', '=', 'bills.bill_id')
        .as('workers'),
      eb
        .selectFrom('bill_lines')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('bill_lines.bill_id', '=', 'bills.bill_id')
        .where('bill_lines.is_posted', '=', true)
        .as('posted'),
    ])
    .where('bills.employer_id', '=', employerId);
}

export async function getBill(
  ctx: ServiceContext,
  employerId: number,
  period: string,
): Promise<Result<BillView, ErrorCode>> {
  const row = await billQuery(ctx, employerId).where('bills.period', '=', period).executeTakeFirst();
  if (!row) return err('bill_not_found');
  return ok(toView(row as BillRow));
}

export async function listBills(ctx: ServiceContext, employerId: number, limit = 36): Promise<BillView[]> {
  const rows = await billQuery(ctx, employerId).orderBy('bills.period', 'desc').limit(limit).execute();
  return rows.map((row) => toView(row as BillRow));
}
