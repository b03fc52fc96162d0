// A member opens a claim (a draft with its number and amounts from the core, idempotent by the client's
// key), adds documents and a payout account, then submits it: to the officer queue, or first to a branch
// verification when the amount is above the online-only limit. A desk officer may open the draft on the
// member's behalf through the same function (claim-staff-open-service.ts).
import {
  assessClaim,
  canMoveClaim,
  err,
  isCalendarDate,
  isHeirOnlyClaimReason,
  missingClaimDocuments,
  ok,
  OPEN_CLAIM_STATUSES,
  type ClaimAssessment,
  type ClaimProgramme,
  type ClaimReason,
  type ClaimStatus,
  type JpSurvivor,
  type Result,
} from '@lumbung/core';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { findClaimAccount, gatherClaimFacts, type ClaimAccountRow } from './claim-facts-service';
import { isClaimant, resolveDeceased, type ClaimOwner, type DeceasedMember } from './claim-heir-service';
import {
  lockClaim,
  moveClaim,
  recordClaimEvent,
  type ClaimActor,
  type ClaimAudience,
  type ClaimRow,
} from './claim-store';
import { claimDetail, type ClaimDetail } from './claim-views';

export interface ClaimRequest {
  readonly kpj: string;
  readonly programme: ClaimProgramme;
  readonly reason: string;
  readonly eventDate?: string;
  readonly requestedRupiah?: number;
  readonly incapacityMonths?: number;
  /** An heir's claim for a deceased member: that member's KPJ (the same as kpj) and NIK. */
  readonly deceased?: DeceasedMember;
}

/**
 * The person whose account the claim is on: the member, or the deceased member an heir claims for. A
 * death reason is only ever an heir's claim: on one's own account it is refused (claim_heirs_only), so
 * a living member cannot draw a death benefit.
 */
async function ownerOf(
  ctx: ServiceContext,
  personId: number,
  request: ClaimRequest,
): Promise<Result<ClaimOwner>> {
  const isHeirOnly = isHeirOnlyClaimReason(request.programme, request.reason);
  if (!request.deceased) return isHeirOnly ? err('claim_heirs_only', undefined, 'reason') : ok({ personId });
  if (!isHeirOnly) return err('claim_reason_invalid', undefined, 'reason');
  if (request.deceased.kpj !== request.kpj)
    return err('validation_failed', { field: 'deceased.kpj' }, 'deceased.kpj');
  return resolveDeceased(ctx, personId, request.deceased);
}

type AssessedRequest = ClaimRequest & { readonly jpSurvivor?: JpSurvivor };

/**
 * The core's answer for a request on a known account, as of today. Submit and approval call it again on
 * the stored claim (the claimant was checked when it was opened).
 */
export async function reassessClaim(
  ctx: ServiceContext,
  db: Kysely<DB>,
  account: ClaimAccountRow,
  request: AssessedRequest,
  exceptClaimId?: number,
): Promise<Result<ClaimAssessment>> {
  if (request.eventDate !== undefined && !isCalendarDate(request.eventDate)) {
    return err('date_invalid', undefined, 'eventDate');
  }
  const claimDate = todayInJakarta(ctx.clock);
  const rules = ctx.rules.current;
  const facts = await gatherClaimFacts(
    db,
    account,
    { ...request, claimDate, ...(exceptClaimId === undefined ? {} : { exceptClaimId }) },
    rules,
  );
  return assessClaim(facts, rules) as Result<ClaimAssessment>;
}

/** The core's answer for one claim request, without opening anything (the wizard's pre-check). */
export async function checkClaim(
  ctx: ServiceContext,
  personId: number,
  request: ClaimRequest,
): Promise<Result<ClaimAssessment>> {
  const owner = await ownerOf(ctx, personId, request);
  if (!owner.ok) return owner;
  const account = await findClaimAccount(ctx.db, owner.value.personId, request.kpj);
  if (!account) return err('not_found');
  return reassessClaim(ctx, ctx.db, account, withSurvivor(request, owner.value));
}

const withSurvivor = (request: ClaimRequest, owner: ClaimOwner): AssessedRequest =>
  owner.jpSurvivor === undefined ? request : { ...request, jpSurvivor: owner.jpSurvivor };

export interface OpenedClaim {
  readonly claim: ClaimDetail;
  /** False when the idempotency key had already opened this claim. */
  readonly isNew: boolean;
}

export interface OpenOptions {
  /** Written in the opening transaction (a staff opening's audit entry). */
  readonly onOpened?: (trx: Kysely<DB>, claim: ClaimRow) => Promise<void>;
  readonly audience?: ClaimAudience;
}

/** Opens a draft claim. The same key again returns the same claim; a second open claim is refused. */
export async function openClaim(
  ctx: ServiceContext,
  personId: number,
  actor: ClaimActor,
  request: ClaimRequest & { readonly idempotencyKey: string },
  options: OpenOptions = {},
): Promise<Result<OpenedClaim>> {
  const audience = options.audience ?? 'claimant';
  const owner = await ownerOf(ctx, personId, request);
  if (!owner.ok) return owner;
  const ownerId = owner.value.personId;
  const existing = await byKey(ctx.db, ownerId, request.idempotencyKey);
  if (existing) return sameRequest(ctx.db, existing, request, audience);
  return ctx.db.transaction().execute(async (trx): Promise<Result<OpenedClaim>> => {
    const account = await findClaimAccount(trx, ownerId, request.kpj, { isLocked: true });
    if (!account) return err('not_found');
    const assessed = await reassessClaim(ctx, trx, account, withSurvivor(request, owner.value));
    if (!assessed.ok) return assessed;
    const value = assessed.value;
    const now = ctx.clock.now();
    const seq = await sql<{ n: number }>`select nextval('claim_number_seq') as n`.execute(trx);
    const number = `KL-${todayInJakarta(ctx.clock).slice(0, 4)}-${String(seq.rows[0]?.n).padStart(6, '0')}`;
    const inserted = await trx
      .insertInto('claims')
      .values({
        person_id: ownerId,
        account_id: account.accountId,
        claimant_person_id: ownerId === personId ? null : personId,
        jp_survivor: owner.value.jpSurvivor ?? null,
        number,
        programme: request.programme,
        reason: value.reason,
        idempotency_key: request.idempotencyKey,
        event_date: request.eventDate ?? null,
        requested_amount: request.requestedRupiah ?? null,
        incapacity_months: request.incapacityMonths ?? null,
        ...amountColumns(value),
        required_documents: [...value.requiredDocuments],
        created_at: now,
        updated_at: now,
      })
      .onConflict((conflict) => conflict.doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!inserted) return refusedOpen(trx, ownerId, personId, account.accountId, request, audience);
    await recordClaimEvent(ctx, trx, inserted, null, actor);
    await options.onOpened?.(trx, inserted);
    return ok({ claim: await claimDetail(trx, inserted, audience), isNew: true });
  });
}

function amountColumns(value: ClaimAssessment) {
  return {
    pay_from: value.payFrom,
    gross_amount: value.grossRupiah,
    tax_amount: value.taxRupiah,
    net_amount: value.netRupiah,
    monthly_amount: value.monthlyRupiah,
    schedule: JSON.stringify(value.schedule),
    online_limit_amount: value.onlineLimitRupiah,
    needs_branch_verification: value.isBranchVerificationRequired,
    regulation: JSON.stringify(value.regulation),
  };
}

async function byKey(db: Kysely<DB>, personId: number, key: string): Promise<ClaimRow | undefined> {
  return db
    .selectFrom('claims')
    .selectAll()
    .where('person_id', '=', personId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

async function sameRequest(
  db: Kysely<DB>,
  existing: ClaimRow,
  request: ClaimRequest,
  audience: ClaimAudience,
): Promise<Result<OpenedClaim>> {
  const detail = await claimDetail(db, existing, audience);
  if (
    detail.kpj !== request.kpj ||
    existing.programme !== request.programme ||
    existing.reason !== request.reason
  ) {
    return err('claim_idempotency_conflict', undefined, 'idempotencyKey');
  }
  return ok({ claim: detail, isNew: false });
}

/**
 * Nothing was inserted: the same key won a race, another claim is open, or the partial was taken. The
 * open claim's number is named only to its own claimant (an heir must not learn another's claim number).
 */
async function refusedOpen(
  trx: Kysely<DB>,
  ownerId: number,
  callerPersonId: number,
  accountId: number,
  request: ClaimRequest & { readonly idempotencyKey: string },
  audience: ClaimAudience,
): Promise<Result<OpenedClaim>> {
  const raced = await byKey(trx, ownerId, request.idempotencyKey);
  if (raced) return sameRequest(trx, raced, request, audience);
  const open = await trx
    .selectFrom('claims')
    .select(['number', 'programme', 'person_id', 'claimant_person_id'])
    .where('account_id', '=', accountId)
    .where('programme', '=', request.programme)
    .where('status', 'in', OPEN_CLAIM_STATUSES)
    .executeTakeFirst();
  if (open) {
    return err('claim_already_open', {
      programme: open.programme,
      ...(isClaimant(open, callerPersonId) ? { claimNumber: open.number } : {}),
    });
  }
  return err('jht_partial_already_taken');
}

/** Submits a draft: documents complete, payout account given, amounts decided again as of today. */
export async function submitClaim(
  ctx: ServiceContext,
  personId: number,
  claimId: number,
  actor: ClaimActor,
): Promise<Result<ClaimDetail>> {
  return ctx.db.transaction().execute(async (trx): Promise<Result<ClaimDetail>> => {
    const claim = await lockClaim(trx, claimId);
    if (!claim || !isClaimant(claim, personId)) return err('not_found');
    if (claim.status === 'submitted' || claim.status === 'branch_verification') {
      return ok(await claimDetail(trx, claim, 'claimant'));
    }
    if (claim.status !== 'draft') return err('claim_status_invalid', { status: claim.status });
    const documents = await trx
      .selectFrom('claim_documents')
      .select('doc_type')
      .where('claim_id', '=', claimId)
      .where('replaced_at', 'is', null)
      .execute();
    const missing = missingClaimDocuments(
      claim.programme,
      claim.reason as ClaimReason,
      documents.map((row) => row.doc_type),
    );
    if (missing.length > 0) return err('claim_documents_missing', { documents: missing.join(', ') });
    const payout = await trx
      .selectFrom('claim_payout_accounts')
      .select('claim_id')
      .where('claim_id', '=', claimId)
      .executeTakeFirst();
    if (!payout) return err('claim_bank_account_required');
    const account = await claimAccountOf(trx, claim);
    if (!account) return err('not_found');
    const assessed = await reassessClaim(ctx, trx, account, requestOf(claim, account.kpj), claimId);
    if (!assessed.ok) return assessed;
    const next = assessed.value.isBranchVerificationRequired ? 'branch_verification' : 'submitted';
    const moved = await moveClaim(ctx, trx, claim, next, actor, {
      set: { ...amountColumns(assessed.value), submitted_at: ctx.clock.now() },
    });
    return ok(await claimDetail(trx, moved, 'claimant'));
  });
}

/** The KPJ a stored claim is on, as the core sees it. */
export async function claimAccountOf(db: Kysely<DB>, claim: ClaimRow): Promise<ClaimAccountRow | undefined> {
  const account = await db
    .selectFrom('member_accounts')
    .select('kpj')
    .where('account_id', '=', claim.account_id)
    .executeTakeFirstOrThrow();
  return findClaimAccount(db, claim.person_id, account.kpj);
}

/** The request a stored claim was opened with (to decide it again). */
export function requestOf(claim: ClaimRow, kpj: string): AssessedRequest {
  return {
    kpj,
    programme: claim.programme,
    reason: claim.reason,
    ...(claim.event_date === null ? {} : { eventDate: claim.event_date }),
    ...(claim.requested_amount === null ? {} : { requestedRupiah: claim.requested_amount }),
    ...(claim.incapacity_months === null ? {} : { incapacityMonths: claim.incapacity_months }),
    ...(claim.jp_survivor === null ? {} : { jpSurvivor: claim.jp_survivor }),
  };
}

/** The claimant withdraws a claim that no one has decided yet. */
export async function cancelClaim(
  ctx: ServiceContext,
  personId: number,
  claimId: number,
  actor: ClaimActor,
): Promise<Result<ClaimDetail>> {
  return ctx.db.transaction().execute(async (trx): Promise<Result<ClaimDetail>> => {
    const claim = await lockClaim(trx, claimId);
    if (!claim || !isClaimant(claim, personId)) return err('not_found');
    if (claim.status === 'cancelled') return ok(await claimDetail(trx, claim, 'claimant'));
    if (!canMoveClaim(claim.status as ClaimStatus, 'cancelled')) {
      return err('claim_status_invalid', { status: claim.status });
    }
    return ok(await claimDetail(trx, await moveClaim(ctx, trx, claim, 'cancelled', actor), 'claimant'));
  });
}
