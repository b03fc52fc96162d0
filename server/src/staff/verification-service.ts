// Identity verification at the counter or on the phone: the staff member records the channel's
// checklist, the server judges it against the record (core rules), and a passed verification opens the
// member's data to that staff session for a limited time. Outcome and reason go to the audit log.
import { err, ok, type Result } from '@lumbung/core';
import {
  evaluateChecklist,
  FAILED_VERIFICATION_WINDOW_MINUTES,
  isChecklistComplete,
  MAX_FAILED_VERIFICATIONS,
  VERIFICATION_VALIDITY_MINUTES,
  type ChecklistInput,
  type ItemResult,
  type VerificationChannel,
} from '@lumbung/core/staff/verification-checklist';
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

async function employerNamesNewestFirst(ctx: ServiceContext, personId: number): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('employments')
    .innerJoin('employers', 'employers.employer_id', 'employments.employer_id')
    .select('employers.name')
    .where('employments.person_id', '=', personId)
    .orderBy('employments.started_on', 'desc')
    .orderBy('employments.employment_id', 'desc')
    .execute();
  return rows.map((row) => row.name);
}

async function registeredPhone(
  ctx: ServiceContext,
  personId: number,
  personPhone: string | null,
): Promise<string | null> {
  if (personPhone) return personPhone;
  const user = await ctx.db
    .selectFrom('users')
    .select('phone_cipher')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return user?.phone_cipher ? ctx.pii.decrypt(user.phone_cipher) : null;
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
  if (!isChecklistComplete(channel, input)) return err('verification_checklist_incomplete', { channel });
  const now = ctx.clock.now();
  const recentFailures = await ctx.db
    .selectFrom('identity_verifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('person_id', '=', personId)
    .where('outcome', '=', 'failed')
    .where('created_at', '>', new Date(now.getTime() - minutesMs(FAILED_VERIFICATION_WINDOW_MINUTES)))
    .executeTakeFirstOrThrow();
  if (Number(recentFailures.count) >= MAX_FAILED_VERIFICATIONS) return err('verification_attempts_exceeded');

  const person = await getPerson(ctx.db, ctx.pii, personId);
  const outcome = evaluateChecklist(channel, input, {
    nik: person.nik,
    birthDate: person.birthDate,
    motherMaidenName: person.motherMaidenName,
    employerNames: await employerNamesNewestFirst(ctx, personId),
    phone: await registeredPhone(ctx, personId, person.phone),
  });
  const expiresAt = new Date(now.getTime() + minutesMs(VERIFICATION_VALIDITY_MINUTES));
  const verificationId = await ctx.db.transaction().execute(async (trx) => {
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
    return row.verification_id;
  });
  return ok({
    verificationId,
    outcome: outcome.outcome,
    items: outcome.items,
    validUntil: outcome.outcome === 'passed' ? expiresAt.toISOString() : null,
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
