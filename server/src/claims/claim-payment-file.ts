// The bank payment file: approved claims not yet sent go into one batch and one CSV (the same file on
// every download), and the bank's result CSV is imported once — each line pays or fails its claim
// through the same idempotent functions an officer uses, so a repeated file changes nothing.
import { createHash } from 'node:crypto';
import { err, ok, type Result } from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';
import { readPayoutAccount } from './claim-payout-account-service';
import { markPaymentFailed, payClaim } from './claim-payment-service';
import type { ClaimActor } from './claim-store';

const HEADER = 'reference,bank_code,account_number,account_holder,amount_rupiah,description';
const MAX_BATCH_CLAIMS = 5_000;
export const MAX_RESULT_LINES = 5_000;

const csvCell = (value: string): string =>
  /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;

export interface PaymentBatch {
  readonly batchId: number;
  readonly claimCount: number;
  readonly totalRupiah: number;
  readonly sha256: string;
}

async function renderBatch(
  ctx: ServiceContext,
  batchId: number,
): Promise<{ csv: string; total: number; count: number }> {
  const claims = await ctx.db
    .selectFrom('claims')
    .select(['claim_id', 'number', 'programme', 'net_amount'])
    .where('payment_batch_id', '=', batchId)
    .orderBy('claim_id')
    .execute();
  const lines = [HEADER];
  let total = 0;
  for (const claim of claims) {
    const payout = await readPayoutAccount(ctx.db, ctx, claim.claim_id);
    if (!payout) throw new Error(`claim ${claim.claim_id} in a payment batch without a payout account`);
    total += claim.net_amount;
    lines.push(
      [
        claim.number,
        payout.bankCode,
        payout.accountNumber,
        payout.holderName,
        String(claim.net_amount),
        `BPJS ${claim.programme} ${claim.number}`,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { csv: `${lines.join('\r\n')}\r\n`, total, count: claims.length };
}

/** Puts every approved, unsent claim into a new batch; null when there is nothing to send. */
export async function createPaymentBatch(
  ctx: ServiceContext,
  actor: ClaimActor,
): Promise<PaymentBatch | null> {
  const batchId = await ctx.db.transaction().execute(async (trx) => {
    const claims = await trx
      .selectFrom('claims')
      .select(['claim_id', 'net_amount'])
      .where('status', '=', 'approved')
      .where('payment_batch_id', 'is', null)
      .where('net_amount', '>', 0)
      .orderBy('claim_id')
      .limit(MAX_BATCH_CLAIMS)
      .forUpdate()
      .execute();
    if (claims.length === 0) return null;
    const batch = await trx
      .insertInto('claim_payment_batches')
      .values({
        created_at: ctx.clock.now(),
        created_by_user_id: actor.userId,
        claim_count: claims.length,
        total_amount: claims.reduce((sum, claim) => sum + claim.net_amount, 0),
        sha256: '',
      })
      .returning('batch_id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('claims')
      .set({ payment_batch_id: batch.batch_id })
      .where(
        'claim_id',
        'in',
        claims.map((claim) => claim.claim_id),
      )
      .execute();
    return batch.batch_id;
  });
  if (batchId === null) return null;
  const rendered = await renderBatch(ctx, batchId);
  const sha256 = createHash('sha256').update(rendered.csv).digest('hex');
  await ctx.db.updateTable('claim_payment_batches').set({ sha256 }).where('batch_id', '=', batchId).execute();
  return { batchId, claimCount: rendered.count, totalRupiah: rendered.total, sha256 };
}

export async function paymentBatchCsv(ctx: ServiceContext, batchId: number): Promise<Result<string>> {
  const batch = await ctx.db
    .selectFrom('claim_payment_batches')
    .select('batch_id')
    .where('batch_id', '=', batchId)
    .executeTakeFirst();
  if (!batch) return err('claim_payment_batch_not_found');
  return ok((await renderBatch(ctx, batchId)).csv);
}

export interface BankResultImport {
  readonly paid: number;
  readonly failed: number;
  readonly unchanged: number;
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
  const sha256 = createHash('sha256').update(text).digest('hex');
  const previous = await ctx.db
    .selectFrom('claim_bank_result_files')
    .selectAll()
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (previous) {
    return ok({
      paid: previous.paid_count,
      failed: previous.failed_count,
      unchanged: previous.unchanged_count,
      isDuplicate: true,
    });
  }
  const parsed = parseResultFile(text);
  if (!parsed.ok) return parsed;
  const claims = await ctx.db
    .selectFrom('claims')
    .select(['claim_id', 'number'])
    .where('number', 'in', parsed.value.length === 0 ? [''] : parsed.value.map((line) => line.reference))
    .where('payment_batch_id', 'is not', null)
    .execute();
  const idByNumber = new Map(claims.map((claim) => [claim.number, claim.claim_id]));
  const unknown = parsed.value.find((line) => !idByNumber.has(line.reference));
  if (unknown) return err('claim_payment_file_invalid', { detail: `unknown reference ${unknown.reference}` });
  let paid = 0;
  let failed = 0;
  let unchanged = 0;
  for (const line of parsed.value) {
    const claimId = idByNumber.get(line.reference) ?? 0;
    if (line.status === 'paid') {
      const result = await payClaim(ctx, actor, claimId, line.bankReference || null);
      if (result.ok && !result.value.isDuplicate) paid += 1;
      else unchanged += 1;
    } else {
      const result = await markPaymentFailed(ctx, actor, claimId, line.bankReference || null);
      if (result.ok && result.value.isChanged) failed += 1;
      else unchanged += 1;
    }
  }
  await ctx.db
    .insertInto('claim_bank_result_files')
    .values({
      sha256,
      imported_at: ctx.clock.now(),
      imported_by_user_id: actor.userId,
      paid_count: paid,
      failed_count: failed,
      unchanged_count: unchanged,
    })
    .onConflict((conflict) => conflict.column('sha256').doNothing())
    .execute();
  return ok({ paid, failed, unchanged, isDuplicate: false });
}
