// The claims officer's side: the queue with ageing against the 5-working-day service level, a claim with
// its documents and payout account, branch verification, approval (checklist complete, amounts decided
// again, ledger hold) and rejection with a reason code the member sees (hold released).
import {
  canMoveClaim,
  CLAIM_CHECKLIST_ITEMS,
  CLAIM_QUEUE_STATUSES,
  CLAIM_REJECTION_REASON_CODES,
  claimAgeing,
  err,
  isClaimHolding,
  ok,
  type ClaimAgeing,
  type ClaimChecklist,
  type ClaimStatus,
  type Result,
} from '@lumbung/core';
import { claimStaffActions, type ClaimStaffActions } from '@lumbung/core/claims/claim-staff-routes';
import type { RoleName } from '@lumbung/core/staff/staff-access-table';
import { writeAudit } from '../identity/audit-log';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { closeHold, placeHold } from './claim-ledger';
import { readPayoutAccount } from './claim-payout-account-service';
import { lockClaim, moveClaim, type ClaimActor, type ClaimRow } from './claim-store';
import { claimAccountOf, reassessClaim, requestOf } from './claim-submit-service';
import { claimDetail, claimSummary, type ClaimDetail, type ClaimSummary } from './claim-views';

export const QUEUE_STATUSES = CLAIM_QUEUE_STATUSES;

/** In an exported bank payment file the bank has not answered yet: the bank may be paying it right now. */
export const isAwaitingBank = (claim: Pick<ClaimRow, 'status' | 'payment_batch_id'>): boolean =>
  isClaimHolding(claim.status as ClaimStatus) && claim.payment_batch_id !== null;

export interface QueueItem extends ClaimSummary {
  readonly memberName: string;
  readonly ageing: ClaimAgeing | null;
}

const dateInJakarta = (at: Date): string =>
  new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Claims waiting for someone, oldest first, each with its working-day ageing. */
export async function claimQueue(
  ctx: ServiceContext,
  options: { status?: (typeof QUEUE_STATUSES)[number]; limit?: number } = {},
): Promise<QueueItem[]> {
  const today = todayInJakarta(ctx.clock);
  const rows = await ctx.db
    .selectFrom('claims')
    .innerJoin('member_accounts', 'member_accounts.account_id', 'claims.account_id')
    .innerJoin('persons', 'persons.person_id', 'claims.person_id')
    .selectAll('claims')
    .select(['member_accounts.kpj', 'persons.full_name'])
    .where('claims.status', 'in', options.status ? [options.status] : [...QUEUE_STATUSES])
    .orderBy('claims.submitted_at')
    .orderBy('claims.claim_id')
    .limit(Math.min(Math.max(options.limit ?? 200, 1), 500))
    .execute();
  return rows.map((row) => ({
    ...claimSummary(row, row.kpj, 'staff'),
    memberName: row.full_name,
    ageing: row.submitted_at === null ? null : claimAgeing(dateInJakarta(row.submitted_at), today),
  }));
}

export interface StaffClaimView extends ClaimDetail {
  readonly memberName: string;
  readonly personId: number;
  readonly payoutHolderName: string | null;
  readonly checklist: unknown;
  readonly ageing: ClaimAgeing | null;
  /** The bank payment file the claim waits in, if any. */
  readonly paymentBatchId: number | null;
  /** What this officer may do with the claim now (their role and the claim's status). */
  readonly actions: ClaimStaffActions;
}

/** One claim for the officer; the read is audited like every staff read of a member. */
export async function getClaimForStaff(
  ctx: ServiceContext,
  actor: ClaimActor,
  claimId: number,
): Promise<Result<StaffClaimView>> {
  const claim = await ctx.db
    .selectFrom('claims')
    .selectAll()
    .where('claim_id', '=', claimId)
    .executeTakeFirst();
  if (!claim) return err('claim_not_found');
  const person = await ctx.db
    .selectFrom('persons')
    .select('full_name')
    .where('person_id', '=', claim.person_id)
    .executeTakeFirstOrThrow();
  const payout = await readPayoutAccount(ctx.db, ctx, claimId);
  await audit(ctx, actor, claim, 'claims.view', null);
  return ok({
    ...(await claimDetail(ctx.db, claim, 'staff')),
    memberName: person.full_name,
    personId: claim.person_id,
    payoutHolderName: payout?.holderName ?? null,
    checklist: claim.checklist,
    paymentBatchId: claim.payment_batch_id,
    actions: claimStaffActions(actor.role as RoleName, claim.status as ClaimStatus, isAwaitingBank(claim)),
    ageing:
      claim.submitted_at === null
        ? null
        : claimAgeing(dateInJakarta(claim.submitted_at), todayInJakarta(ctx.clock)),
  });
}

export async function audit(
  ctx: ServiceContext,
  actor: ClaimActor,
  claim: ClaimRow,
  action: string,
  reason: string | null,
  details: Readonly<Record<string, unknown>> = {},
): Promise<void> {
  await writeAudit(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: actor.userId,
    actorRole: actor.role,
    action,
    subjectPersonId: claim.person_id,
    reason,
    details: { claimId: claim.claim_id, claimNumber: claim.number, ...details },
  });
}

/** The member came to a branch (or a video call) and the officer checked the originals. */
export async function recordBranchVerification(
  ctx: ServiceContext,
  actor: ClaimActor,
  claimId: number,
  note: string | null,
): Promise<Result<ClaimDetail>> {
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await lockClaim(trx, claimId);
    if (!claim) return err('claim_not_found');
    if (claim.status !== 'branch_verification') return err('claim_status_invalid', { status: claim.status });
    const moved = await moveClaim(ctx, trx, claim, 'submitted', actor, {
      note,
      set: { branch_verified_at: ctx.clock.now() },
    });
    await audit({ ...ctx, db: trx }, actor, claim, 'claims.branch_verify', note);
    return ok(await claimDetail(trx, moved, 'staff'));
  });
}

/** Approves a submitted claim: every checklist item confirmed, amounts decided again, the money held. */
export async function approveClaim(
  ctx: ServiceContext,
  actor: ClaimActor,
  claimId: number,
  checklist: ClaimChecklist,
  note: string | null,
): Promise<Result<ClaimDetail>> {
  const unchecked = CLAIM_CHECKLIST_ITEMS.filter((item) => checklist[item] !== true);
  if (unchecked.length > 0) return err('claim_checklist_incomplete', { items: unchecked.join(', ') });
  return ctx.db.transaction().execute(async (trx): Promise<Result<ClaimDetail>> => {
    const claim = await lockClaim(trx, claimId);
    if (!claim) return err('claim_not_found');
    if (claim.status !== 'submitted') return err('claim_status_invalid', { status: claim.status });
    const account = await claimAccountOf(trx, claim);
    if (!account) return err('claim_not_found');
    const trxCtx = { ...ctx, db: trx };
    const assessed = await reassessClaim(trxCtx, trx, account, requestOf(claim, account.kpj), claimId);
    if (!assessed.ok) return assessed;
    const value = assessed.value;
    const now = ctx.clock.now();
    const decided = {
      ...claim,
      gross_amount: value.grossRupiah,
      tax_amount: value.taxRupiah,
      net_amount: value.netRupiah,
      monthly_amount: value.monthlyRupiah,
    };
    const held = await placeHold(trx, decided, now);
    if (!held.ok) return held;
    const moved = await moveClaim(ctx, trx, claim, 'approved', actor, {
      note,
      set: {
        gross_amount: value.grossRupiah,
        tax_amount: value.taxRupiah,
        net_amount: value.netRupiah,
        monthly_amount: value.monthlyRupiah,
        checklist: JSON.stringify(checklist),
        decided_by_user_id: actor.userId,
        decided_at: now,
      },
    });
    await audit(trxCtx, actor, claim, 'claims.approve', note, { grossRupiah: value.grossRupiah });
    return ok(await claimDetail(trx, moved, 'staff'));
  });
}

/**
 * Rejects with a reason code the member sees; an approved claim's hold is released. A claim exported to
 * the bank and not answered yet is refused (claim_in_payment_batch): the bank may pay it meanwhile, and a
 * "paid" line for a rejected claim would be money out with no claim behind it.
 */
export async function rejectClaim(
  ctx: ServiceContext,
  actor: ClaimActor,
  claimId: number,
  reasonCode: string,
  note: string | null,
): Promise<Result<ClaimDetail>> {
  if (!(CLAIM_REJECTION_REASON_CODES as string[]).includes(reasonCode)) {
    return err('claim_rejection_reason_invalid', undefined, 'reasonCode');
  }
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await lockClaim(trx, claimId);
    if (!claim) return err('claim_not_found');
    if (!canMoveClaim(claim.status as ClaimStatus, 'rejected')) {
      return err('claim_status_invalid', { status: claim.status });
    }
    if (isAwaitingBank(claim)) return err('claim_in_payment_batch', { batchId: claim.payment_batch_id ?? 0 });
    const now = ctx.clock.now();
    if (isClaimHolding(claim.status as ClaimStatus)) await closeHold(trx, claimId, 'released', now);
    const moved = await moveClaim(ctx, trx, claim, 'rejected', actor, {
      reasonCode,
      note,
      set: {
        rejection_reason: reasonCode,
        rejection_note: note,
        decided_by_user_id: actor.userId,
        decided_at: now,
      },
    });
    await audit({ ...ctx, db: trx }, actor, claim, 'claims.reject', note, { reasonCode });
    return ok(await claimDetail(trx, moved, 'staff'));
  });
}
