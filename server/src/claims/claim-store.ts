// Reading and moving claims: the row under a lock, a status change with its timeline event and the
// member's notification, all inside the caller's transaction.
import { assert, canMoveClaim, type ClaimStatus } from '@lumbung/core';
import type { Kysely, Selectable, Updateable } from 'kysely';
import type { DB } from '../db/schema';
import type { ClaimsTable } from '../db/tables/claim-tables';
import { notify } from '../notification/notification-service';
import type { ServiceContext } from '../services/service-context';
import { CLAIM_STATUS_KIND } from './claim-notifications';

export type ClaimRow = Selectable<ClaimsTable>;

/** Who acts: the member (role 'member'), a staff member, or the system (bank import, expiry job). */
export interface ClaimActor {
  readonly userId: number | null;
  readonly role: string;
}

export const SYSTEM_ACTOR: ClaimActor = { userId: null, role: 'system' };

/** The claim row locked for update (FOR UPDATE): concurrent decisions on one claim run one at a time. */
export async function lockClaim(trx: Kysely<DB>, claimId: number): Promise<ClaimRow | undefined> {
  return trx.selectFrom('claims').selectAll().where('claim_id', '=', claimId).forUpdate().executeTakeFirst();
}

export async function findClaim(db: Kysely<DB>, claimId: number): Promise<ClaimRow | undefined> {
  return db.selectFrom('claims').selectAll().where('claim_id', '=', claimId).executeTakeFirst();
}

export interface MoveOptions {
  readonly reasonCode?: string | null;
  readonly note?: string | null;
  readonly set?: Updateable<ClaimsTable>;
}

/** Moves a locked claim along the state machine, records the event and tells the member. */
export async function moveClaim(
  ctx: ServiceContext,
  trx: Kysely<DB>,
  claim: ClaimRow,
  to: ClaimStatus,
  actor: ClaimActor,
  options: MoveOptions = {},
): Promise<ClaimRow> {
  const from = claim.status as ClaimStatus;
  assert(canMoveClaim(from, to), `claim ${claim.claim_id} cannot move from ${from} to ${to}`);
  const now = ctx.clock.now();
  const updated = await trx
    .updateTable('claims')
    .set({ ...(options.set ?? {}), status: to, updated_at: now })
    .where('claim_id', '=', claim.claim_id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordClaimEvent(ctx, trx, updated, from, actor, options);
  return updated;
}

export async function recordClaimEvent(
  ctx: ServiceContext,
  trx: Kysely<DB>,
  claim: ClaimRow,
  from: ClaimStatus | null,
  actor: ClaimActor,
  options: MoveOptions = {},
): Promise<void> {
  const event = await trx
    .insertInto('claim_status_events')
    .values({
      claim_id: claim.claim_id,
      person_id: claim.person_id,
      from_status: from,
      to_status: claim.status,
      at: ctx.clock.now(),
      actor_user_id: actor.userId,
      actor_role: actor.role,
      reason_code: options.reasonCode ?? null,
      note: options.note ?? null,
    })
    .returning('event_id')
    .executeTakeFirstOrThrow();
  if (claim.status === 'draft') return;
  await notify(
    { ...ctx, db: trx },
    {
      personId: claim.claimant_person_id ?? claim.person_id,
      kind: CLAIM_STATUS_KIND,
      params: {
        claimNumber: claim.number,
        programme: claim.programme,
        status: claim.status,
        netRupiah: claim.net_amount,
        ...(options.reasonCode ? { reasonCode: options.reasonCode } : {}),
      },
      dedupeKey: `claim:${claim.claim_id}:event:${event.event_id}`,
    },
  );
}

/** Who reads a claim: its claimant (member or heir) or an officer. */
export type ClaimAudience = 'claimant' | 'staff';

export interface ClaimEventView {
  readonly status: string;
  readonly fromStatus: string | null;
  readonly at: string;
  readonly by: 'member' | 'staff' | 'system';
  readonly reasonCode: string | null;
  /** The officer's note or the bank's reference: for staff only, null for the claimant. */
  readonly note: string | null;
}

/**
 * The status events, oldest first. The claimant sees the status, when, by whom and the reason code (whose
 * text is in CLAIM_REJECTION_REASONS); officers' notes and bank references are internal.
 */
export async function claimTimeline(
  db: Kysely<DB>,
  claimId: number,
  audience: ClaimAudience,
): Promise<ClaimEventView[]> {
  const rows = await db
    .selectFrom('claim_status_events')
    .selectAll()
    .where('claim_id', '=', claimId)
    .orderBy('event_id')
    .execute();
  return rows.map((row) => ({
    status: row.to_status,
    fromStatus: row.from_status,
    at: new Date(row.at).toISOString(),
    by: row.actor_role === 'member' ? 'member' : row.actor_role === 'system' ? 'system' : 'staff',
    reasonCode: row.reason_code,
    note: audience === 'staff' ? row.note : null,
  }));
}
