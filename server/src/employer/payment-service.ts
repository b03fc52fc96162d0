// Records an employer's payment (bank callback or staff) against a period's bill, idempotent by payment
// reference, and applies it: contributions first, whole worker lines in line order; then the late
// penalty; anything left stays as the employer's unapplied credit. All in one transaction.
import {
  calculateLatePenalty,
  calendarDateAt,
  err,
  normaliseNpp,
  ok,
  type ErrorCode,
  type Result,
} from '@lumbung/core';
import { sql } from 'kysely';
import type { BillStatus } from '../db/tables/ledger-tables';
import {
  employerUnappliedCode,
  ensureEmployerLedgerAccount,
  FUND_ACCOUNT_IDS,
} from '../ledger/ledger-accounts';
import { postEntries, type EntryInput } from '../ledger/posting-engine';
import type { ServiceContext } from '../services/service-context';
import { buildLineEntries, markLinesPosted, type CoveredLine } from './contribution-posting';

export interface RecordPaymentInput {
  readonly employerId?: number;
  readonly npp?: string;
  readonly period: string;
  readonly paymentReference: string;
  readonly amountRupiah: number;
  readonly paidAt: Date;
  readonly source: 'bank' | 'staff';
  readonly recordedByUserId?: number | null;
}

export interface PaymentOutcome {
  readonly paymentId: number;
  readonly billId: number;
  readonly employerId: number;
  readonly period: string;
  /** True when this payment reference was already recorded: nothing changed. */
  readonly isDuplicate: boolean;
  readonly appliedToContributionRupiah: number;
  readonly penaltyChargedRupiah: number;
  readonly appliedToPenaltyRupiah: number;
  readonly billStatus: BillStatus;
  readonly workersPosted: number;
}

/** A bank's clock may run a little ahead of ours; a payment time further in the future is refused. */
const CLOCK_SKEW_MS = 10 * 60_000;

function normalisedNpp(npp: string | undefined): string {
  const parsed = normaliseNpp(npp ?? '');
  return parsed.ok ? parsed.value : '';
}

export async function recordPayment(
  ctx: ServiceContext,
  input: RecordPaymentInput,
): Promise<Result<PaymentOutcome, ErrorCode>> {
  if (!Number.isSafeInteger(input.amountRupiah) || input.amountRupiah <= 0) {
    return err('payment_amount_invalid', undefined, 'amountRupiah');
  }
  const reference = input.paymentReference.trim();
  if (!/^[A-Za-z0-9._:/-]{4,80}$/.test(reference))
    return err('validation_failed', undefined, 'paymentReference');
  if (
    Number.isNaN(input.paidAt.getTime()) ||
    input.paidAt.getTime() > ctx.clock.now().getTime() + CLOCK_SKEW_MS
  ) {
    return err('payment_date_invalid', undefined, 'paidAt');
  }
  const bookedAt = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx): Promise<Result<PaymentOutcome, ErrorCode>> => {
    let employerId = input.employerId;
    if (employerId === undefined) {
      const employer = await trx
        .selectFrom('employers')
        .select('employer_id')
        .where('npp', '=', normalisedNpp(input.npp))
        .executeTakeFirst();
      if (!employer) return err('employer_not_found');
      employerId = employer.employer_id;
    }
    const unappliedCode = employerUnappliedCode(employerId);
    const bill = await trx
      .selectFrom('bills')
      .selectAll()
      .select((eb) =>
        eb
          .selectFrom('ledger_accounts')
          .select('ledger_account_id')
          .where('code', '=', unappliedCode)
          .as('unapplied_ledger_account_id'),
      )
      .where('employer_id', '=', employerId)
      .where('period', '=', input.period)
      .forUpdate()
      .executeTakeFirst();
    if (!bill) return err('bill_not_found', undefined, 'period');

    const inserted = await trx
      .insertInto('payments')
      .values({
        employer_id: employerId,
        bill_id: bill.bill_id,
        payment_reference: reference,
        amount: input.amountRupiah,
        paid_at: input.paidAt,
        source: input.source,
        recorded_by_user_id: input.recordedByUserId ?? null,
      })
      .onConflict((oc) => oc.column('payment_reference').doNothing())
      .returning('payment_id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('payments')
        .select(['payment_id', 'bill_id', 'amount'])
        .where('payment_reference', '=', reference)
        .executeTakeFirstOrThrow();
      if (existing.bill_id !== bill.bill_id || existing.amount !== input.amountRupiah) {
        return err('payment_reference_conflict', { reference }, 'paymentReference');
      }
      return ok({
        paymentId: existing.payment_id,
        billId: bill.bill_id,
        employerId,
        period: bill.period,
        isDuplicate: true,
        appliedToContributionRupiah: 0,
        penaltyChargedRupiah: 0,
        appliedToPenaltyRupiah: 0,
        billStatus: bill.status,
        workersPosted: 0,
      });
    }

    const unapplied =
      bill.unapplied_ledger_account_id ?? (await ensureEmployerLedgerAccount(trx, employerId));
    const funds = FUND_ACCOUNT_IDS;
    const paidTotal = bill.paid_amount + input.amountRupiah;
    const available = paidTotal - bill.contribution_paid_amount - bill.penalty_paid_amount;
    const toContribution = Math.min(available, bill.total_amount - bill.contribution_paid_amount);
    const paidDate = calendarDateAt(input.paidAt.getTime());
    let penaltyCharged = 0;
    if (toContribution > 0) {
      const penalty = calculateLatePenalty(
        { period: bill.period, segment: 'PU', amountRupiah: toContribution, paidDate, dueDate: bill.due_on },
        ctx.rules.current,
      );
      if (penalty.ok) penaltyCharged = penalty.value.penaltyRupiah;
    }
    const penaltyAmount = bill.penalty_amount + penaltyCharged;
    const toPenalty = Math.min(available - toContribution, penaltyAmount - bill.penalty_paid_amount);
    const contributionPaid = bill.contribution_paid_amount + toContribution;
    // Whole lines, in line order, as far as the contributions paid so far reach.
    const covered = await sql<CoveredLine>`
      select * from (
        select bill_line_id, period, account_id, person_id, jht_worker_amount, jht_employer_amount,
          jp_worker_amount, jp_employer_amount, jkk_amount, jkm_amount, jkp_allocation_amount, total_amount,
          is_posted, sum(total_amount) over (order by bill_line_id) as cumulative
        from bill_lines where bill_id = ${bill.bill_id}
      ) l where not is_posted and cumulative <= ${contributionPaid}
      order by bill_line_id
    `.execute(trx);
    const lineEntries = await buildLineEntries(trx, covered.rows, {
      employerId,
      unappliedLedgerAccountId: unapplied,
      bookedAt,
    });

    const entries: EntryInput[] = [
      {
        idempotencyKey: `payment:${reference}`,
        source: 'payment',
        period: bill.period,
        bookedAt,
        employerId,
        description: `${input.source} payment ${reference}`,
        postings: [
          { ledgerAccountId: funds['fund:bank'], amountRupiah: -input.amountRupiah },
          { ledgerAccountId: unapplied, amountRupiah: input.amountRupiah },
        ],
      },
    ];
    if (toPenalty > 0) {
      entries.push({
        idempotencyKey: `penalty:${reference}`,
        source: 'penalty',
        period: bill.period,
        bookedAt,
        employerId,
        postings: [
          { ledgerAccountId: unapplied, amountRupiah: -toPenalty },
          { ledgerAccountId: funds['fund:penalty_income'], amountRupiah: toPenalty },
        ],
      });
    }
    // One batched statement: the payment, the penalty and every covered worker's contribution.
    const posted = await postEntries(trx, [...entries, ...lineEntries.entries]);
    const entryIdByLine = new Map(
      lineEntries.lineIds.map((lineId, index) => [lineId, posted[entries.length + index]!.entryId]),
    );
    await markLinesPosted(trx, covered.rows, entryIdByLine, bookedAt);

    const penaltyPaid = bill.penalty_paid_amount + toPenalty;
    const isPaid = contributionPaid === bill.total_amount && penaltyPaid === penaltyAmount;
    const status: BillStatus = isPaid ? 'paid' : 'partially_paid';
    await trx
      .updateTable('bills')
      .set({
        paid_amount: paidTotal,
        contribution_paid_amount: contributionPaid,
        penalty_amount: penaltyAmount,
        penalty_paid_amount: penaltyPaid,
        status,
        paid_on: isPaid ? (bill.paid_on ?? paidDate) : null,
        updated_at: bookedAt,
      })
      .where('bill_id', '=', bill.bill_id)
      .execute();
    return ok({
      paymentId: inserted.payment_id,
      billId: bill.bill_id,
      employerId,
      period: bill.period,
      isDuplicate: false,
      appliedToContributionRupiah: toContribution,
      penaltyChargedRupiah: penaltyCharged,
      appliedToPenaltyRupiah: toPenalty,
      billStatus: status,
      workersPosted: covered.rows.length,
    });
  });
}
