// Identity verification at the counter or on the phone: the staff member records the checklist of a
// channel their role may use (core rules: agents by phone, branch officers at the counter or by phone),
// the server judges it against the record, and a passed verification opens the member's data to that
// staff session for a limited time. Outcome, refusals and reason go to the audit log.
import { err, ok, type Result } from '@lumbung/core';
import {
  evaluateChecklist,
  FAILED_VERIFICATION_WINDOW_MINUTES,
  isChecklistComplete,
  MAX_FAILED_VERIFICATIONS,
  mayVerifyThrough,
  VERIFICATION_VALIDITY_MINUTES,
  type ChecklistInput,
  type ChecklistTruth,
  type ItemResult,
  type VerificationChannel,
} from '@lumbung/core/staff/verification-checklist';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { readMemberContact } from '../identity/member-contact-store';
import { getPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { checkReason } from './staff-reason';

export interface VerificationResult {
  readonly verificationId: number;
  readonly outcome: 'passed' | 'failed';
  readonly items: Readonly<Record<string, ItemResult>>;
  /** ISO time until which the member's data is open to this session; null when the outcome failed. */
  readonly validUntil: string | null;
}

export interface VerificationState {
  readonly isVerified: boolean;
  readonly validUntil: string | null;
  readonly channel: VerificationChannel | null;
  /** The reason given when verifying; later reads in the session are audited with it. */
  readonly reason: string | null;
}

type VerifyError =
  | 'not_found'
  | 'staff_reason_required'
  | 'verification_channel_not_allowed'
  | 'verification_checklist_incomplete'
  | 'verification_attempts_exceeded';

const minutesMs = (minutes: number): number => minutes * 60_000;

export async function personExists(ctx: ServiceContext, personId: number): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('persons')
    .select('person_id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

async function employerNamesNewestFirst(db: Kysely<DB>, personId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('employments')
    .innerJoin('employers', 'employers.employer_id', 'employments.employer_id')
    .select('employers.name')
    .where('employments.person_id', '=', personId)
    .orderBy('employments.started_on', 'desc')
    .orderBy('employments.employment_id', 'desc')
    .execute();
  return rows.map((row) => row.name);
}

/** What the record says, read on the verification's transaction. */
async function checklistTruth(
  ctx: ServiceContext,
  db: Kysely<DB>,
  personId: number,
): Promise<ChecklistTruth> {
  const person = await getPerson(db, ctx.pii, personId);
  return {
    nik: person.nik,
    birthDate: person.birthDate,
    motherMaidenName: person.motherMaidenName,
    employerNames: await employerNamesNewestFirst(db, personId),
    phone: (await readMemberContact(ctx, db, personId)).phone,
  };
}

export async function recordVerification(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  channel: VerificationChannel,
  input: ChecklistInput,
  reason: string,
): Promise<Result<VerificationResult, VerifyError>> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  if (!(await personExists(ctx, personId))) return err('not_found');
  const now = ctx.clock.now();
  const refusal = (trx: Kysely<DB>, refused: 'channel_not_allowed' | 'attempts_exceeded') =>
    writeStaffAudit(trx, now, actor, {
      action: 'staff.verification_refused',
      personId,
      reason: checkedReason.value,
      details: { channel, refused },
    });
  // A role refused a channel is audited even before the checklist is looked at: it is the bypass try.
  if (!mayVerifyThrough(actor.role, channel)) {
    await ctx.db.transaction().execute((trx) => refusal(trx, 'channel_not_allowed'));
    return err('verification_channel_not_allowed', { channel });
  }
  if (!isChecklistComplete(channel, input)) return err('verification_checklist_incomplete', { channel });

  const expiresAt = new Date(now.getTime() + minutesMs(VERIFICATION_VALIDITY_MINUTES));
  return ctx.db.transaction().execute(async (trx) => {
    // The member's row is locked so that parallel attempts count each other's failures: without it,
    // N simultaneous wrong checklists would all see "fewer than three failures" and all be judged.
    await trx
      .selectFrom('persons')
      .select('person_id')
      .where('person_id', '=', personId)
      .forUpdate()
      .execute();
    const recentFailures = await trx
      .selectFrom('identity_verifications')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('person_id', '=', personId)
      .where('outcome', '=', 'failed')
      .where('created_at', '>', new Date(now.getTime() - minutesMs(FAILED_VERIFICATION_WINDOW_MINUTES)))
      .executeTakeFirstOrThrow();
    if (Number(recentFailures.count) >= MAX_FAILED_VERIFICATIONS) {
      await refusal(trx, 'attempts_exceeded');
      return err('verification_attempts_exceeded');
    }
    const outcome = evaluateChecklist(channel, input, await checklistTruth(ctx, trx, personId));
    const row = await trx
      .insertInto('identity_verifications')
      .values({
        person_id: personId,
        staff_user_id: actor.userId,
        session_id: actor.sessionId,
        channel,
        checklist: JSON.stringify(outcome.items),
        outcome: outcome.outcome,
        reason: checkedReason.value,
        created_at: now,
        expires_at: outcome.outcome === 'passed' ? expiresAt : now,
      })
      .returning('verification_id')
      .executeTakeFirstOrThrow();
    await writeStaffAudit(trx, now, actor, {
      action: 'staff.identity_verification',
      personId,
      reason: checkedReason.value,
      details: {
        channel,
        outcome: outcome.outcome,
        items: outcome.items,
        verificationId: row.verification_id,
      },
    });
    return ok({
      verificationId: row.verification_id,
      outcome: outcome.outcome,
      items: outcome.items,
      validUntil: outcome.outcome === 'passed' ? expiresAt.toISOString() : null,
    });
  });
}

export async function verificationState(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
): Promise<VerificationState> {
  const row = await ctx.db
    .selectFrom('identity_verifications')
    .select(['expires_at', 'channel', 'reason'])
    .where('session_id', '=', actor.sessionId)
    .where('staff_user_id', '=', actor.userId)
    .where('person_id', '=', personId)
    .where('outcome', '=', 'passed')
    .where('expires_at', '>', ctx.clock.now())
    .orderBy('expires_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        isVerified: true,
        validUntil: new Date(row.expires_at).toISOString(),
        channel: row.channel,
        reason: row.reason,
      }
    : { isVerified: false, validUntil: null, channel: null, reason: null };
}

/** Refuses until this staff session has a passed, unexpired verification of the member. */
export async function requireVerified(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
): Promise<Result<VerificationState, 'identity_not_verified' | 'not_found'>> {
  if (!(await personExists(ctx, personId))) return err('not_found');
  const state = await verificationState(ctx, actor, personId);
  return state.isVerified ? ok(state) : err('identity_not_verified');
}
