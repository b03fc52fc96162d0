// Forgot password: a code to the member's phone or e-mail, then a new password; every session and
// remembered device of the user is revoked. Known and unknown identifiers get the same answer.
import { err, ok, type Result } from '@lumbung/core';
import type { Channel } from '../db/tables/identity-tables';
import type { ServiceContext } from '../services/service-context';
import { writeAudit } from './audit-log';
import { answerChallenge, createChallenge, type ChallengeFailure } from './challenge-service';
import { sendCode } from './code-messages';
import { forgetAllDevices } from './device-service';
import { identifierKey, readIdentifier } from './identifier';
import { checkPasswordPolicy, hashPassword, type PasswordPolicyCode } from './password-hashing';
import { allowHits, clearFailures, LIMITS } from './rate-limit';
import { recordSignInEvent, type EventOrigin } from './sign-in-events';
import { revokeAllSessions } from './session-service';
import { codeDestination } from './sign-in-service';
import { findUserByIdentifier, getUser, userContacts } from './user-store';

export async function startPasswordReset(
  ctx: ServiceContext,
  input: { identifier: string },
  origin: { ip: string | null },
): Promise<Result<{ challengeId: string }>> {
  const key = identifierKey(ctx.pii, input.identifier);
  const allowed = await allowHits(ctx, [
    [LIMITS.forgotPerIp, origin.ip ?? 'unknown'],
    [LIMITS.forgotPerIdentifier, key],
  ]);
  if (!allowed) return err('rate_limited');
  const user = await findUserByIdentifier(ctx, input.identifier);
  const usable = user && user.status === 'active' ? user : undefined;
  let channel: Channel | null = null;
  let to: string | undefined;
  if (usable) {
    // The code goes to what was typed when that was a phone or e-mail; for a KPJ, the preferred contact.
    const typed = readIdentifier(input.identifier)[0];
    const contacts = userContacts(ctx, usable);
    if (typed?.kind === 'phone' && contacts.phone === typed.value) [channel, to] = ['sms', contacts.phone];
    else if (typed?.kind === 'email' && contacts.email === typed.value)
      [channel, to] = ['email', contacts.email];
    else {
      const destination = codeDestination(ctx, usable);
      [channel, to] = [destination.channel, destination.to];
    }
  }
  const challenge = await createChallenge(ctx, ctx.db, {
    purpose: 'password_reset',
    userId: usable?.user_id ?? null,
    personId: usable?.person_id ?? null,
    channel,
    withCode: usable !== undefined,
  });
  if (usable && channel && to && challenge.code)
    sendCode(ctx, channel, to, 'password_reset', challenge.code, usable.language);
  return ok({ challengeId: challenge.challengeId });
}

export async function completePasswordReset(
  ctx: ServiceContext,
  input: { challengeId: string; code: string; newPassword: string },
  origin: EventOrigin,
): Promise<Result<void, ChallengeFailure | PasswordPolicyCode | 'rate_limited'>> {
  const policy = checkPasswordPolicy(input.newPassword, 'newPassword');
  if (!policy.ok) return policy;
  if (!(await allowHits(ctx, [[LIMITS.codePerIp, origin.ip ?? 'unknown']]))) return err('rate_limited');
  const answered = await answerChallenge(ctx, input.challengeId, 'password_reset', { code: input.code });
  if (!answered.ok) return answered;
  const passwordHash = await hashPassword(input.newPassword);
  const user = await getUser(ctx.db, answered.value.user_id ?? -1);
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
      .where('user_id', '=', user.user_id)
      .execute();
    const revoked = await revokeAllSessions(ctx, trx, user.user_id, 'password_reset');
    await forgetAllDevices(ctx, trx, user.user_id);
    await recordSignInEvent(ctx, trx, user, 'password_reset', origin);
    await writeAudit(trx, {
      at,
      actorUserId: user.user_id,
      actorRole: user.role,
      action: 'password_reset',
      subjectPersonId: user.person_id,
      details: { sessionsRevoked: revoked },
    });
  });
  // A successful reset lifts the sign-in lock on every identifier of this user.
  const contacts = userContacts(ctx, user);
  for (const identifier of [contacts.phone, contacts.email]) {
    if (identifier) await clearFailures(ctx, `sign_in:${identifierKey(ctx.pii, identifier)}`);
  }
  return ok(undefined);
}
