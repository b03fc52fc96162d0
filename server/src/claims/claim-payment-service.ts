// Paying an approved claim: one ledger entry keyed by the claim id, the hold consumed, the claim marked
// paid — all in one transaction under the claim's row lock, so twenty officers (or a bank file and an
// officer) pressing "pay" at once produce exactly one payout. A bank refusal and expiry are handled here too.
import { err, isClaimHolding, ok, type ClaimStatus, type Result } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { closeHold, postClaimPayout } from './claim-ledger';
import { audit, isAwaitingBank } from './claim-review-service';
import { lockClaim, moveClaim, SYSTEM_ACTOR, type ClaimActor } from './claim-store';
import { claimDetail, type ClaimDetail } from './claim-views';

export interface ClaimPayment {
  readonly claim: ClaimDetail;
  readonly entryId: number;
  /** True when the claim had already been paid: nothing changed. */
  readonly isDuplicate: boolean;
}

export async function payClaim(
  ctx: ServiceContext,
  actor: ClaimActor,
  claimId: number,
  bankReference: string | null,
): Promise<Result<ClaimPayment>> {
  return ctx.db.transaction().execute((trx) => payClaimIn(ctx, trx, actor, claimId, bankReference));
}

/** payClaim inside the caller's transaction (the bank result import pays every line in one). */
export async function payClaimIn(
  ctx: ServiceContext,
  trx: Kysely<DB>,
  actor: ClaimActor,
  claimId: number,
  bankReference: string | null,
): Promise<Result<ClaimPayment>> {
  const claim = await lockClaim(trx, claimId);
  if (!claim) return err('claim_not_found');
  if (claim.status === 'paid' && claim.payout_entry_id !== null) {
    return ok({
      claim: await claimDetail(trx, claim, 'staff'),
      entryId: claim.payout_entry_id,
      isDuplicate: true,
    });
  }
  if (claim.status !== 'approved' && claim.status !== 'payment_failed') {
    return err('claim_status_invalid', { status: claim.status });
  }
  const now = ctx.clock.now();
  const posted = await postClaimPayout(trx, claim, now, todayInJakarta(ctx.clock).slice(0, 7));
  if (!posted.ok) return posted;
  const moved = await moveClaim(ctx, trx, claim, 'paid', actor, {
    note: bankReference,
    set: { payout_entry_id: posted.value.entryId, paid_at: now, bank_reference: bankReference },
  });
  await audit({ ...ctx, db: trx }, actor, claim, 'claims.pay', null, {
    entryId: posted.value.entryId,
    bankReference,
  });
  return ok({
    claim: await claimDetail(trx, moved, 'staff'),
    entryId: posted.value.entryId,
    isDuplicate: false,
  });
}

/**
 * The bank could not pay (closed account, name mismatch): the hold stays until paid again or rejected,
 * and the claim leaves its payment file, so the next file can carry it again (or an officer rejects it).
 */
export async function markPaymentFailedIn(
  ctx: ServiceContext,
  trx: Kysely<DB>,
  actor: ClaimActor,
  claimId: number,
  note: string | null,
): Promise<Result<{ isChanged: boolean }>> {
  const claim = await lockClaim(trx, claimId);
  if (!claim) return err('claim_not_found');
  if (claim.status === 'paid') return ok({ isChanged: false });
  if (claim.status === 'payment_failed') {
    // Refused again after it went into a new file: out of that file too; the status stays.
    if (claim.payment_batch_id === null) return ok({ isChanged: false });
    await trx
      .updateTable('claims')
      .set({ payment_batch_id: null, updated_at: ctx.clock.now() })
      .where('claim_id', '=', claimId)
      .execute();
    return ok({ isChanged: true });
  }
  if (claim.status !== 'approved') return err('claim_status_invalid', { status: claim.status });
  await moveClaim(ctx, trx, claim, 'payment_failed', actor, { note, set: { payment_batch_id: null } });
  return ok({ isChanged: true });
}

export const DEFAULT_EXPIRY_DAYS = 30;
const EXPIRY_BATCH = 1_000;

export interface ExpiryRun {
  readonly expired: number;
  /** Stale but in a bank payment file not answered yet: left alone until the bank's result arrives. */
  readonly awaitingBank: number;
}

/**
 * Approved claims not paid within maxDays of the decision expire and their holds are released
 * (`lumbung claims:expire`, run daily). A claim waiting in an exported bank file is not expired: the
 * bank may still pay it, and its result line must find the claim payable.
 */
export async function expireApprovedClaims(
  ctx: ServiceContext,
  maxDays = DEFAULT_EXPIRY_DAYS,
): Promise<ExpiryRun> {
  const cutoff = new Date(ctx.clock.now().getTime() - maxDays * 86_400_000);
  const staleClaims = () =>
    ctx.db
      .selectFrom('claims')
      .where('status', 'in', ['approved', 'payment_failed'])
      .where('decided_at', '<', cutoff);
  const stale = await staleClaims()
    .select('claim_id')
    .where('payment_batch_id', 'is', null)
    .orderBy('claim_id')
    .limit(EXPIRY_BATCH)
    .execute();
  const waiting = await staleClaims()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('payment_batch_id', 'is not', null)
    .executeTakeFirst();
  let expired = 0;
  let awaitingBank = Number(waiting?.n ?? 0);
  for (const { claim_id: claimId } of stale) {
    const outcome = await ctx.db.transaction().execute(async (trx) => {
      const claim = await lockClaim(trx, claimId);
      if (!claim || !isClaimHolding(claim.status as ClaimStatus)) return 'unchanged' as const;
      if (isAwaitingBank(claim)) return 'awaiting_bank' as const;
      await closeHold(trx, claimId, 'released', ctx.clock.now());
      await moveClaim(ctx, trx, claim, 'expired', SYSTEM_ACTOR, { note: `not paid within ${maxDays} days` });
      return 'expired' as const;
    });
    if (outcome === 'expired') expired += 1;
    if (outcome === 'awaiting_bank') awaitingBank += 1;
  }
  return { expired, awaitingBank };
}
