// Staff actions that lean on other features: reissuing the digital card (portal's card codes) and
// sending a password-reset code to the member's registered contact (identity's reset flow).
import { err, ok, type Result } from '@lumbung/core';
import { reissueCardCode } from '../card/card-service';
import { startPasswordReset } from '../identity/password-reset-service';
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
 * Starts identity's password reset for the member's account: the code goes to the registered phone or
 * e-mail (never shown to staff); the member finishes on the portal's reset page with the challenge id.
 */
export async function sendPasswordResetCode(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  reason: string,
): Promise<
  Result<
    { readonly challengeId: string; readonly channel: 'sms' | 'email' },
    'staff_reason_required' | 'no_registered_contact' | 'rate_limited'
  >
> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  const user = await ctx.db
    .selectFrom('users')
    .select(['phone_cipher', 'email_cipher', 'preferred_channel', 'status'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const phone = user?.phone_cipher ? ctx.pii.decrypt(user.phone_cipher) : null;
  const email = user?.email_cipher ? ctx.pii.decrypt(user.email_cipher) : null;
  if (!user || user.status !== 'active' || (!phone && !email)) return err('no_registered_contact');
  const channel = (user.preferred_channel === 'email' && email) || !phone ? 'email' : 'sms';
  const identifier = channel === 'email' ? email : phone;
  if (!identifier) return err('no_registered_contact');
  const started = await startPasswordReset(ctx, { identifier }, { ip: null });
  if (!started.ok)
    return started.code === 'rate_limited' ? err('rate_limited') : err('no_registered_contact');
  await writeStaffAudit(ctx.db, ctx.clock.now(), actor, {
    action: 'staff.password_reset_sent',
    personId,
    reason: checkedReason.value,
    details: { channel },
  });
  return ok({ challengeId: started.value.challengeId, channel });
}
