// Staff actions that lean on other features: reissuing the digital card (portal's card codes) and
// sending a password-reset code to the member's registered contact (identity's reset flow).
import { ok, type Result } from '@lumbung/core';
import { reissueCardCode } from '../card/card-service';
import { startAssistedPasswordReset } from '../identity/password-reset-service';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { checkReason } from './staff-reason';

/** A new card verify code: the old card (screenshot, printout) no longer verifies. */
export async function reissueCard(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  reason: string,
): Promise<Result<{ readonly reissueId: number; readonly issuedAt: string }, 'staff_reason_required'>> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  const now = ctx.clock.now();
  const reissueId = await ctx.db.transaction().execute(async (trx) => {
    await reissueCardCode(trx, personId, now);
    const row = await trx
      .insertInto('card_reissues')
      .values({
        person_id: personId,
        staff_user_id: actor.userId,
        reason: checkedReason.value,
        created_at: now,
      })
      .returning('reissue_id')
      .executeTakeFirstOrThrow();
    await writeStaffAudit(trx, now, actor, {
      action: 'staff.card_reissue',
      personId,
      reason: checkedReason.value,
      details: { reissueId: row.reissue_id },
    });
    return row.reissue_id;
  });
  return ok({ reissueId, issuedAt: now.toISOString() });
}

/**
 * Starts identity's password reset for the member's account: the code and a link to the member's own
 * reset page go to the registered phone or e-mail. Staff get only the channel and the masked
 * destination to tell the member where to look, never the code or the challenge. The challenge and the
 * audit entry commit together; the staff member's own rate-limit bucket applies.
 */
export async function sendPasswordResetCode(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  reason: string,
): Promise<
  Result<
    { readonly channel: 'sms' | 'email'; readonly maskedDestination: string },
    'staff_reason_required' | 'no_registered_contact' | 'rate_limited'
  >
> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  const started = await startAssistedPasswordReset(
    ctx,
    personId,
    { staffUserId: actor.userId },
    (trx, delivery) =>
      writeStaffAudit(trx, ctx.clock.now(), actor, {
        action: 'staff.password_reset_sent',
        personId,
        reason: checkedReason.value,
        details: { channel: delivery.channel },
      }),
  );
  return started.ok
    ? ok({ channel: started.value.channel, maskedDestination: started.value.maskedDestination })
    : started;
}
