// Forgot password: a code to the member's phone or e-mail, then a new password; every session and
// remembered device of the user is revoked and the sign-in lock of each of its identifiers lifted.
// Known and unknown identifiers get the same answer. Staff at the desk can start the same reset for a
// verified member: the message then carries a link to the member's own reset page, and staff never see
// the code or the link.
import { err, maskPhone, ok, type Result } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Channel } from '../db/tables/identity-tables';
import type { ServiceContext } from '../services/service-context';
import { writeAudit } from './audit-log';
import { answerChallenge, createChallenge, type ChallengeFailure } from './challenge-service';
import { maskEmail, sendCode } from './code-messages';
import { forgetAllDevices } from './device-service';
import { identifierKey, readIdentifier } from './identifier';
import { readMemberContact } from './member-contact-store';
import { checkPasswordPolicy, hashPassword, type PasswordPolicyCode } from './password-hashing';
import { allowHits, clearFailures, LIMITS } from './rate-limit';
import { recordSignInEvent, type EventOrigin } from './sign-in-events';
import { revokeAllSessions } from './session-service';
import { codeDestination } from './sign-in-service';
import { findUserByIdentifier, getUser, userContacts, type UserRow } from './user-store';

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
  // A destination that already had its codes this hour gets no more, but the answer stays the same
  // (a challenge that can never succeed), so the limit reveals nothing about the account.
  const isDestinationAllowed =
    channel !== null && to !== undefined
      ? await allowHits(ctx, [
          [LIMITS.forgotPerDestination, ctx.pii.blindIndex(channel === 'sms' ? 'phone' : 'email', to)],
        ])
      : false;
  const challenge = await createChallenge(ctx, ctx.db, {
    purpose: 'password_reset',
    userId: usable?.user_id ?? null,
    personId: usable?.person_id ?? null,
    channel,
    withCode: usable !== undefined && isDestinationAllowed,
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
  await clearSignInLocks(ctx, user);
  return ok(undefined);
}

/**
 * A successful reset lifts the password lock of every identifier the user signs in with: phone, e-mail
 * and each KPJ of the person (locks are keyed by what was typed, so each has its own).
 */
async function clearSignInLocks(ctx: ServiceContext, user: UserRow): Promise<void> {
  const contacts = userContacts(ctx, user);
  const kpjs =
    user.person_id === null
      ? []
      : await ctx.db
          .selectFrom('member_accounts')
          .select('kpj')
          .where('person_id', '=', user.person_id)
          .execute();
  const identifiers = [contacts.phone, contacts.email, ...kpjs.map((row) => row.kpj)];
  for (const identifier of identifiers) {
    if (identifier) await clearFailures(ctx, `sign_in:${identifierKey(ctx.pii, identifier)}`);
  }
}

export interface AssistedReset {
  readonly channel: Channel;
  readonly maskedDestination: string;
}

/** The member's link to finish a reset someone else started: the page asks only for the code. */
export function resetPageLink(ctx: ServiceContext, challengeId: string): string {
  return `${ctx.config.publicUrl}/lupa-kata-sandi?c=${encodeURIComponent(challengeId)}`;
}

/**
 * Starts a reset of a member's account that staff asked for at the desk. The code goes to the member's
 * contact (the preferred channel first) with a link to the member's own reset page; nothing that could
 * finish the reset is returned. `audit` runs on the transaction that creates the challenge, so the
 * challenge and the caller's audit entry commit together; the message is sent after the commit.
 */
export async function startAssistedPasswordReset(
  ctx: ServiceContext,
  personId: number,
  requestedBy: { readonly staffUserId: number },
  audit: (trx: Kysely<DB>, delivery: AssistedReset) => Promise<void>,
): Promise<Result<AssistedReset, 'no_registered_contact' | 'rate_limited'>> {
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('person_id', '=', personId)
    .where('role', '=', 'member')
    .executeTakeFirst();
  const contact = await readMemberContact(ctx, ctx.db, personId);
  if (!user || user.status !== 'active' || (!contact.phone && !contact.email)) {
    return err('no_registered_contact');
  }
  const usePhone = contact.phone !== null && (user.preferred_channel === 'sms' || contact.email === null);
  const [channel, to] = usePhone ? (['sms', contact.phone] as const) : (['email', contact.email] as const);
  if (to === null) return err('no_registered_contact');
  // Staff requests have their own bucket per staff member; the member's destination is limited as on
  // the member's own forgot-password page, so neither path can flood a phone.
  const allowed = await allowHits(ctx, [
    [LIMITS.staffResetPerStaff, String(requestedBy.staffUserId)],
    [LIMITS.forgotPerDestination, ctx.pii.blindIndex(channel === 'sms' ? 'phone' : 'email', to)],
  ]);
  if (!allowed) return err('rate_limited');
  const delivery: AssistedReset = {
    channel,
    maskedDestination: channel === 'sms' ? maskPhone(to) : maskEmail(to),
  };
  const challenge = await ctx.db.transaction().execute(async (trx) => {
    const issued = await createChallenge(ctx, trx, {
      purpose: 'password_reset',
      userId: user.user_id,
      personId,
      channel,
      withCode: true,
    });
    await audit(trx, delivery);
    return issued;
  });
  if (challenge.code) {
    sendCode(ctx, channel, to, 'password_reset', challenge.code, user.language, {
      link: resetPageLink(ctx, challenge.challengeId),
    });
  }
  return ok(delivery);
}
