// The bank payment file: approved claims not yet sent (and claims the bank refused before) go into one
// batch and one CSV — its lines, hash and audit entry written in one transaction, the same bytes on every
// download — and the bank's result CSV is imported once, in one transaction: each line pays or fails its
// claim through the same functions an officer uses; a line that cannot apply (the claim was rejected,
// expired, …) is reported as an exception, never silently counted.
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '@lumbung/core';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { BankResultException } from '../db/tables/claim-tables';
import { writeAudit } from '../identity/audit-log';
import type { ServiceContext } from '../services/service-context';
import { readPayoutAccount } from './claim-payout-account-service';
import { markPaymentFailedIn, payClaimIn } from './claim-payment-service';
import type { ClaimActor } from './claim-store';

const HEADER = 'reference,bank_code,account_number,account_holder,amount_rupiah,description';
const MAX_BATCH_CLAIMS = 5_000;
export const MAX_RESULT_LINES = 5_000;
const MAX_LISTED_BATCHES = 100;

const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

const sha256Of = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface PaymentBatch {
  readonly batchId: number;
  readonly claimCount: number;
  readonly totalRupiah: number;
  readonly sha256: string;
}

/** The CSV of a batch from its lines as exported (claim numbers and amounts never change afterwards). */
async function renderBatch(
  db: Kysely<DB>,
  ctx: Pick<ServiceContext, 'pii'>,
  batchId: number,
): Promise<{ csv: string; total: number; count: number }> {
  const items = await db
    .selectFrom('claim_payment_batch_items')
    .innerJoin('claims', 'claims.claim_id', 'claim_payment_batch_items.claim_id')
    .select(['claims.claim_id', 'claims.number', 'claims.programme', 'claim_payment_batch_items.amount'])
    .where('claim_payment_batch_items.batch_id', '=', batchId)
    .orderBy('claims.claim_id')
    .execute();
  const lines = [HEADER];
  let total = 0;
  for (const item of items) {
    const payout = await readPayoutAccount(db, ctx, item.claim_id);
    if (!payout) throw new Error(`claim ${item.claim_id} in a payment batch without a payout account`);
    total += item.amount;
    lines.push(
      [
        item.number,
        payout.bankCode,
        payout.accountNumber,
        payout.holderName,
        String(item.amount),
        `BPJS ${item.programme} ${item.number}`,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, total, count: items.length };
}

/** Puts every approved or bank-refused claim not in a file yet into a new batch; null when none waits. */
export async function createPaymentBatch(
  ctx: ServiceContext,
  actor: ClaimActor,
): Promise<PaymentBatch | null> {
  return ctx.db.transaction().execute(async (trx) => {
    const claims = await trx
      .selectFrom('claims')
      .select(['claim_id', 'person_id', 'net_amount'])
      .where('status', 'in', ['approved', 'payment_failed'])
      .where('payment_batch_id', 'is', null)
      .where('net_amount', '>', 0)
      .orderBy('claim_id')
      .limit(MAX_BATCH_CLAIMS)
      .forUpdate()
      .execute();
    if (claims.length === 0) return null;
    const now = ctx.clock.now();
    const batch = await trx
      .insertInto('claim_payment_batches')
      .values({
        created_at: now,
        created_by_user_id: actor.userId,
        claim_count: claims.length,
        total_amount: claims.reduce((sum, claim) => sum + claim.net_amount, 0),
        sha256: null,
      })
      .returning('batch_id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('claim_payment_batch_items')
      .values(
        claims.map((claim) => ({
          batch_id: batch.batch_id,
          claim_id: claim.claim_id,
          amount: claim.net_amount,
        })),
      )
      .execute();
    await trx
      .updateTable('claims')
      .set({ payment_batch_id: batch.batch_id, updated_at: now })
      .where(
        'claim_id',
        'in',
        claims.map((claim) => claim.claim_id),
      )
      .execute();
    const rendered = await renderBatch(trx, ctx, batch.batch_id);
    const sha256 = sha256Of(rendered.csv);
    await trx
      .updateTable('claim_payment_batches')
      .set({ sha256 })
      .where('batch_id', '=', batch.batch_id)
      .execute();
    await writeAudit(trx, {
      at: now,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'claims.payment_file_export',
      details: { batchId: batch.batch_id, claimCount: rendered.count, totalRupiah: rendered.total, sha256 },
    });
    return { batchId: batch.batch_id, claimCount: rendered.count, totalRupiah: rendered.total, sha256 };
  });
}

export async function paymentBatchCsv(ctx: ServiceContext, batchId: number): Promise<Result<string>> {
  const batch = await ctx.db
    .selectFrom('claim_payment_batches')
    .select('batch_id')
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  if (!batch) return err('claim_payment_batch_not_found');
  return ok((await renderBatch(ctx.db, ctx, batchId)).csv);
}

export interface PaymentBatchSummary extends PaymentBatch {
  readonly createdAt: string;
  /** Paid while in this file. */
  readonly paidCount: number;
  /** Still waiting for the bank's answer. */
  readonly awaitingCount: number;
  /** Refused by the bank (the claim left the file: a newer file, or a rejection). */
  readonly returnedCount: number;
}

/** The payment files, newest first, with where each file's claims stand. */
export async function listPaymentBatches(ctx: ServiceContext): Promise<PaymentBatchSummary[]> {
  const rows = await sql<{
    batch_id: number;
    created_at: Date;
    claim_count: number;
    total_amount: number | string;
    sha256: string | null;
    paid: number | string;
    awaiting: number | string;
  }>`
    select b.batch_id, b.created_at, b.claim_count, b.total_amount, b.sha256,
      count(*) filter (where c.status = 'paid' and c.payment_batch_id = b.batch_id) as paid,
      count(*) filter (where c.status <> 'paid' and c.payment_batch_id = b.batch_id) as awaiting
    from claim_payment_batches b
      join claim_payment_batch_items i on i.batch_id = b.batch_id
      join claims c on c.claim_id = i.claim_id
    group by b.batch_id
    order by b.batch_id desc
    limit ${MAX_LISTED_BATCHES}
  `.execute(ctx.db);
  return rows.rows.map((row) => {
    const paidCount = Number(row.paid);
    const awaitingCount = Number(row.awaiting);
    return {
      batchId: Number(row.batch_id),
      createdAt: new Date(row.created_at).toISOString(),
      claimCount: row.claim_count,
      totalRupiah: Number(row.total_amount),
      sha256: row.sha256 ?? '',
      paidCount,
      awaitingCount,
      returnedCount: row.claim_count - paidCount - awaitingCount,
    };
  });
}

export interface BankResultImport {
  readonly paid: number;
  readonly failed: number;
  /** Lines that changed nothing because they had already been applied (a claim paid before). */
  readonly unchanged: number;
  /** Lines that could not be applied, each with its reason code: an officer must look at these. */
  readonly exceptions: readonly BankResultException[];
  /** True when these exact bytes were imported before: nothing was done again. */
  readonly isDuplicate: boolean;
}

type ResultLine = { reference: string; status: 'paid' | 'failed'; bankReference: string };

function parseResultFile(text: string): Result<ResultLine[]> {
  const rows = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const header = rows.shift()?.toLowerCase().replace(/\s/g, '');
  if (header !== 'reference,status,bank_reference') {
    return err('claim_payment_file_invalid', { detail: 'header must be reference,status,bank_reference' });
  }
  if (rows.length > MAX_RESULT_LINES) return err('claim_payment_file_invalid', { detail: 'too many lines' });
  const lines: ResultLine[] = [];
  for (const [index, row] of rows.entries()) {
    const [reference, status, bankReference] = row.split(',').map((cell) => cell.trim());
    if (!reference || !/^KL-\d{4}-\d{6,}$/.test(reference) || (status !== 'paid' && status !== 'failed')) {
      return err('claim_payment_file_invalid', { detail: `line ${index + 2}` });
    }
    lines.push({ reference, status, bankReference: (bankReference ?? '').slice(0, 100) });
  }
  return ok(lines);
}

export async function importBankResult(
  ctx: ServiceContext,
  actor: ClaimActor,
  text: string,
): Promise<Result<BankResultImport>> {
  const sha256 = sha256Of(text);
  const parsed = parseResultFile(text);
  if (!parsed.ok) return parsed;
  const lines = parsed.value;
  return ctx.db.transaction().execute(async (trx): Promise<Result<BankResultImport>> => {
    // Every reference must be a claim that was put in a payment file; checked before anything is written.
    const claims = await trx
      .selectFrom('claims')
      .select(['claim_id', 'number'])
      .where('number', 'in', lines.length === 0 ? [''] : lines.map((line) => line.reference))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('claim_payment_batch_items')
            .select('claim_payment_batch_items.claim_id')
            .whereRef('claim_payment_batch_items.claim_id', '=', 'claims.claim_id'),
        ),
      )
      .execute();
    const idByNumber = new Map(claims.map((claim) => [claim.number, claim.claim_id]));
    const unknown = lines.find((line) => !idByNumber.has(line.reference));
    if (unknown)
      return err('claim_payment_file_invalid', { detail: `unknown reference ${unknown.reference}` });
    // The same bytes imported before: the first import's answer (the unique key makes a concurrent
    // second import wait for the first and then land here).
    const first = await trx
      .insertInto('claim_bank_result_files')
      .values({
        sha256,
        imported_at: ctx.clock.now(),
        imported_by_user_id: actor.userId,
        paid_count: 0,
        failed_count: 0,
        unchanged_count: 0,
      })
      .onConflict((conflict) => conflict.column('sha256').doNothing())
      .returning('sha256')
      .executeTakeFirst();
    if (!first) {
      const previous = await trx
        .selectFrom('claim_bank_result_files')
        .selectAll()
        .where('sha256', '=', sha256)
        .executeTakeFirstOrThrow();
      return ok({
        paid: previous.paid_count,
        failed: previous.failed_count,
        unchanged: previous.unchanged_count,
        exceptions: previous.exceptions,
        isDuplicate: true,
      });
    }
    let paid = 0;
    let failed = 0;
    let unchanged = 0;
    const exceptions: BankResultException[] = [];
    for (const line of lines) {
      const claimId = idByNumber.get(line.reference) ?? 0;
      const bankReference = line.bankReference || null;
      if (line.status === 'paid') {
        const result = await payClaimIn(ctx, trx, actor, claimId, bankReference);
        if (!result.ok)
          exceptions.push({ reference: line.reference, status: line.status, code: result.code });
        else if (result.value.isDuplicate) unchanged += 1;
        else paid += 1;
      } else {
        const result = await markPaymentFailedIn(ctx, trx, actor, claimId, bankReference);
        if (!result.ok)
          exceptions.push({ reference: line.reference, status: line.status, code: result.code });
        else if (result.value.isChanged) failed += 1;
        else unchanged += 1;
      }
    }
    await trx
      .updateTable('claim_bank_result_files')
      .set({
        paid_count: paid,
        failed_count: failed,
        unchanged_count: unchanged,
        exceptions: JSON.stringify(exceptions),
      })
      .where('sha256', '=', sha256)
      .execute();
    await writeAudit(trx, {
      at: ctx.clock.now(),
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'claims.bank_result_import',
      details: { sha256, paid, failed, unchanged, exceptions: exceptions.length },
    });
    return ok({ paid, failed, unchanged, exceptions, isDuplicate: false });
  });
}
