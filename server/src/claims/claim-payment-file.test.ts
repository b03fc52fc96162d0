// The bank payment file and the bank's result: a claim in an exported file cannot be rejected or expired
// under the bank, a refused claim goes into the next file, a result line for a claim that is no longer
// payable is an exception (never "unchanged"), and the file's lines, hash and audit entry are one
// transaction — a failure leaves no half-made batch.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMemberBalances } from '../ledger/balance-queries';
import { verifyLedger } from '../ledger/ledger-verify';
import { createTestContext, type TestContext } from '../test/test-context';
import { createClaimMember } from './claim-fixtures';
import {
  createPaymentBatch,
  importBankResult,
  listPaymentBatches,
  paymentBatchCsv,
} from './claim-payment-file';
import { expireApprovedClaims } from './claim-payment-service';
import { approveClaim, rejectClaim } from './claim-review-service';
import { FULL_CHECKLIST, staffActor, submittedClaim } from './claim-test-support';

let test: TestContext;
let officer: Awaited<ReturnType<typeof staffActor>>;

beforeAll(async () => {
  test = await createTestContext();
  officer = await staffActor(test.ctx);
});
afterAll(async () => {
  await test.close();
});

async function approvedClaim(): Promise<{ claimId: number; number: string; personId: number }> {
  const member = await createClaimMember(test.ctx, {
    exit: { exitedOn: '2026-10-01', reason: 'resignation' },
  });
  const claimId = await submittedClaim(test.ctx, member.personId, {
    kpj: member.kpj,
    programme: 'JHT',
    reason: 'resignation',
  });
  expect(await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null)).toMatchObject({ ok: true });
  const row = await test.ctx.db
    .selectFrom('claims')
    .select('number')
    .where('claim_id', '=', claimId)
    .executeTakeFirstOrThrow();
  return { claimId, number: row.number, personId: member.personId };
}

const result = (lines: string[]) => `reference,status,bank_reference\n${lines.join('\n')}\n`;
const auditCount = async (action: string) =>
  (await test.ctx.db.selectFrom('audit_log').select('audit_id').where('action', '=', action).execute())
    .length;

describe('bank payment files', () => {
  it('creates nothing when the file cannot be written (lines, hash and audit are one transaction)', async () => {
    const broken = await approvedClaim();
    const payout = await test.ctx.db
      .selectFrom('claim_payout_accounts')
      .selectAll()
      .where('claim_id', '=', broken.claimId)
      .executeTakeFirstOrThrow();
    await test.ctx.db.deleteFrom('claim_payout_accounts').where('claim_id', '=', broken.claimId).execute();
    await expect(createPaymentBatch(test.ctx, officer)).rejects.toThrow(/without a payout account/);
    expect(await test.ctx.db.selectFrom('claim_payment_batches').select('batch_id').execute()).toEqual([]);
    const claim = await test.ctx.db
      .selectFrom('claims')
      .select('payment_batch_id')
      .where('claim_id', '=', broken.claimId)
      .executeTakeFirstOrThrow();
    expect(claim.payment_batch_id).toBeNull();
    expect(await auditCount('claims.payment_file_export')).toBe(0);
    await test.ctx.db.insertInto('claim_payout_accounts').values(payout).execute();
    expect(await rejectClaim(test.ctx, officer, broken.claimId, 'other', null)).toMatchObject({ ok: true });
  });

  it('keeps a claim under the bank until it answers, re-sends a refused one, and reports stale lines', async () => {
    const first = await approvedClaim();
    const second = await approvedClaim();
    const batch = await createPaymentBatch(test.ctx, officer);
    expect(batch).toMatchObject({ claimCount: 2, totalRupiah: 1_140_000 });
    const csv = await paymentBatchCsv(test.ctx, batch?.batchId ?? 0);
    const sha256 = createHash('sha256')
      .update(csv.ok ? csv.value : '')
      .digest('hex');
    expect(batch?.sha256).toBe(sha256);
    const stored = await test.ctx.db
      .selectFrom('claim_payment_batches')
      .select('sha256')
      .where('batch_id', '=', batch?.batchId ?? 0)
      .executeTakeFirstOrThrow();
    expect(stored.sha256).toBe(sha256);
    expect(await auditCount('claims.payment_file_export')).toBe(1);

    // In the bank's hands: neither a rejection nor the expiry job may pull the money back.
    expect(await rejectClaim(test.ctx, officer, first.claimId, 'not_eligible', null)).toEqual({
      ok: false,
      code: 'claim_in_payment_batch',
      params: { batchId: batch?.batchId },
    });
    test.clock.advanceMs(31 * 86_400_000);
    expect(await expireApprovedClaims(test.ctx, 30)).toEqual({ expired: 0, awaitingBank: 2 });

    const answer = result([`${first.number},failed,closed account`, `${second.number},paid,BRI-1`]);
    expect(await importBankResult(test.ctx, officer, answer)).toEqual({
      ok: true,
      value: { paid: 1, failed: 1, unchanged: 0, exceptions: [], isDuplicate: false },
    });
    expect(await auditCount('claims.bank_result_import')).toBe(1);

    // The refused claim goes into the next file; the paid one does not.
    const next = await createPaymentBatch(test.ctx, officer);
    expect(next).toMatchObject({ claimCount: 1, totalRupiah: 570_000 });
    expect(await listPaymentBatches(test.ctx)).toEqual([
      expect.objectContaining({ batchId: next?.batchId, paidCount: 0, awaitingCount: 1, returnedCount: 0 }),
      expect.objectContaining({ batchId: batch?.batchId, paidCount: 1, awaitingCount: 0, returnedCount: 1 }),
    ]);

    // Refused again, then rejected by the officer: a late "paid" line for it is an exception.
    expect(
      await importBankResult(test.ctx, officer, result([`${first.number},failed,name mismatch`])),
    ).toMatchObject({ ok: true, value: { failed: 1, exceptions: [] } });
    expect(await rejectClaim(test.ctx, officer, first.claimId, 'bank_account_invalid', null)).toMatchObject({
      ok: true,
      value: { status: 'rejected' },
    });
    const late = result([`${first.number},paid,BRI-LATE`, `${second.number},paid,BRI-1`]);
    const imported = await importBankResult(test.ctx, officer, late);
    expect(imported).toEqual({
      ok: true,
      value: {
        paid: 0,
        failed: 0,
        unchanged: 1,
        exceptions: [{ reference: first.number, status: 'paid', code: 'claim_status_invalid' }],
        isDuplicate: false,
      },
    });
    expect(await importBankResult(test.ctx, officer, late)).toEqual({
      ok: true,
      value: { ...(imported.ok ? imported.value : {}), isDuplicate: true },
    });
    const rejected = await test.ctx.db
      .selectFrom('claims')
      .select(['status', 'payout_entry_id'])
      .where('claim_id', '=', first.claimId)
      .executeTakeFirstOrThrow();
    expect(rejected).toEqual({ status: 'rejected', payout_entry_id: null });
    expect((await getMemberBalances(test.ctx.db, first.personId)).total.JHT.amountRupiah).toBe(570_000);
    expect((await getMemberBalances(test.ctx.db, second.personId)).total.JHT.amountRupiah).toBe(0);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });
});
