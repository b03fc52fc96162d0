// Paying an approved claim: one ledger entry keyed by the claim id, the hold consumed, the claim marked
// paid — all in one transaction under the claim's row lock, so twenty officers (or a bank file and an
// officer) pressing "pay" at once produce exactly one payout. A bank refusal and expiry are handled here too.
import { err, isClaimHolding, ok, type ClaimStatus, type Result } from '@lumbung/core';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { closeHold, postClaimPayout } from './claim-ledger';
import { audit } from './claim-review-service';
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
  return ctx.db.transaction().execute(async (trx): Promise<Result<ClaimPayment>> => {
    const claim = await lockClaim(trx, claimId);
    if (!claim) return err('claim_not_found');
    if (claim.status === 'paid' && claim.payout_entry_id !== null) {
      return ok({ claim: await claimDetail(trx, claim), entryId: claim.payout_entry_id, isDuplicate: true });
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
    return ok({ claim: await claimDetail(trx, moved), entryId: posted.value.entryId, isDuplicate: false });
  });
}

/** The bank could not pay (closed account, name mismatch): the hold stays until paid again or rejected. */
export async function markPaymentFailed(
  ctx: ServiceContext,
  actor: ClaimActor,
  claimId: number,
  note: string | null,
): Promise<Result<{ isChanged: boolean }>> {
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await lockClaim(trx, claimId);
    if (!claim) return err('claim_not_found');
    if (claim.status === 'payment_failed' || claim.status === 'paid') return ok({ isChanged: false });
    if (claim.status !== 'approved') return err('claim_status_invalid', { status: claim.status });
    await moveClaim(ctx, trx, claim, 'payment_failed', actor, { note });
    return ok({ isChanged: true });
  });
}

/** Approved claims not paid within maxDays expire and their holds are released (a job runs this). */
export async function expireApprovedClaims(ctx: ServiceContext, maxDays = 30): Promise<{ expired: number }> {
  const cutoff = new Date(ctx.clock.now().getTime() - maxDays * 86_400_000);
  const stale = await ctx.db
    .selectFrom('claims')
    .select('claim_id')
    .where('status', 'in', ['approved', 'payment_failed'])
    .where('decided_at', '<', cutoff)
    .limit(1_000)
    .execute();
  let expired = 0;
  for (const { claim_id: claimId } of stale) {
    const changed = await ctx.db.transaction().execute(async (trx) => {
      const claim = await lockClaim(trx, claimId);
      if (!claim || !isClaimHolding(claim.status as ClaimStatus)) return false;
      await closeHold(trx, claimId, 'released', ctx.clock.now());
      await moveClaim(ctx, trx, claim, 'expired', SYSTEM_ACTOR, { note: `not paid within ${maxDays} days` });
      return true;
    });
    if (changed) expired += 1;
  }
  return { expired };
}
