// Sign-in with e-mail, mobile number or KPJ plus password; a device not seen before needs a one-time
// code, an authenticator (always for staff, by choice for members) needs its code. Unknown identifier
// and wrong password give the same answer after the same work.
import { err, maskPhone, ok, type Result } from '@lumbung/core';
import type { Channel } from '../db/tables/identity-tables';
import { dispatchInBackground } from '../delivery/delivery-port';
import type { ServiceContext } from '../services/service-context';
import { answerChallenge, createChallenge, type ChallengeFailure } from './challenge-service';
import { maskEmail, sendCode } from './code-messages';
import { findKnownDevice, rememberDevice } from './device-service';
import { identifierKey } from './identifier';
import { verifyPassword } from './password-hashing';
import { allowHits, clearFailures, lockRemainingMs, LIMITS, recordFailure } from './rate-limit';
import { recordSignInEvent } from './sign-in-events';
import { createSession, type NewSession, type SessionOrigin } from './session-service';
import {
  findUserByIdentifier,
  getUser,
  publicUser,
  userContacts,
  type PublicUser,
  type UserRow,
} from './user-store';

export type SignInResult =
  | {
      readonly status: 'signed_in';
      readonly user: PublicUser;
      readonly session: NewSession;
      readonly deviceId?: string;
    }
  | {
      readonly status: 'code_required';
      readonly challengeId: string;
      readonly channel: Channel;
      readonly maskedDestination: string;
    }
  | { readonly status: 'totp_required'; readonly challengeId: string };

export interface SignInInput {
  readonly identifier: string;
  readonly password: string;
  readonly deviceId?: string;
}

export async function signIn(
  ctx: ServiceContext,
  input: SignInInput,
  origin: SessionOrigin,
): Promise<Result<SignInResult>> {
  if (!(await allowHits(ctx, [[LIMITS.signInPerIp, origin.ip ?? 'unknown']]))) return err('rate_limited');
  const lockKey = `sign_in:${identifierKey(ctx.pii, input.identifier)}`;
  const lockedMs = await lockRemainingMs(ctx, lockKey);
  if (lockedMs > 0) return err('sign_in_locked', { minutes: Math.ceil(lockedMs / 60_000) });

  const user = await findUserByIdentifier(ctx, input.identifier);
  const isPasswordRight = await verifyPassword(user?.password_hash, input.password);
  if (!user || !isPasswordRight || user.status !== 'active') {
    await recordFailure(ctx, lockKey);
    if (user) dispatchInBackground(ctx, () => recordSignInEvent(ctx, ctx.db, user, 'wrong_password', origin));
    return err('invalid_credentials');
  }
  await clearFailures(ctx, lockKey);
  // Wrong second-factor codes lock the account itself: the password alone must not buy endless guesses.
  const codeLockedMs = await lockRemainingMs(ctx, codeLockKey(user.user_id));
  if (codeLockedMs > 0) return err('sign_in_locked', { minutes: Math.ceil(codeLockedMs / 60_000) });

  if (user.role !== 'member' || user.totp_enabled) {
    const challenge = await createChallenge(ctx, ctx.db, {
      purpose: 'sign_in',
      userId: user.user_id,
      personId: user.person_id,
      withCode: false,
      requiresTotp: true,
    });
    await recordSignInEvent(ctx, ctx.db, user, 'totp_requested', origin);
    return ok({ status: 'totp_required', challengeId: challenge.challengeId });
  }

  const knownDeviceId = await findKnownDevice(ctx, user.user_id, input.deviceId);
  if (knownDeviceId !== undefined) {
    const session = await ctx.db.transaction().execute(async (trx) => {
      const created = await createSession(ctx, trx, user, { ...origin, deviceId: knownDeviceId });
      await recordSignInEvent(ctx, trx, user, 'signed_in', origin);
      return created;
    });
    return ok({ status: 'signed_in', user: publicUser(user), session });
  }

  const destination = codeDestination(ctx, user);
  // The password was right, so a limit reached here says nothing new; it keeps a phone from being
  // flooded with new-device codes by someone who holds the password.
  const destinationKey = ctx.pii.blindIndex(
    destination.channel === 'sms' ? 'phone' : 'email',
    destination.to,
  );
  if (!(await allowHits(ctx, [[LIMITS.signInCodePerDestination, destinationKey]])))
    return err('rate_limited');
  const challenge = await createChallenge(ctx, ctx.db, {
    purpose: 'sign_in',
    userId: user.user_id,
    personId: user.person_id,
    channel: destination.channel,
    withCode: true,
  });
  if (challenge.code)
    sendCode(ctx, destination.channel, destination.to, 'sign_in', challenge.code, user.language);
  await recordSignInEvent(ctx, ctx.db, user, 'code_sent', origin);
  return ok({
    status: 'code_required',
    challengeId: challenge.challengeId,
    channel: destination.channel,
    maskedDestination: destination.masked,
  });
}

function codeLockKey(userId: number): string {
  return `sign_in_code:${userId}`;
}

/** Where a member's codes go: the preferred channel, or the other one when that contact is missing. */
export function codeDestination(
  ctx: ServiceContext,
  user: UserRow,
): { channel: Channel; to: string; masked: string } {
  const { phone, email } = userContacts(ctx, user);
  const usePhone = phone !== null && (user.preferred_channel === 'sms' || email === null);
  if (usePhone) return { channel: 'sms', to: phone, masked: maskPhone(phone) };
  if (email === null) throw new Error(`user ${user.user_id} has no contact to send a code to`);
  return { channel: 'email', to: email, masked: maskEmail(email) };
}

export interface SignInVerifyInput {
  readonly challengeId: string;
  readonly code: string;
  readonly rememberDevice: boolean;
}

export async function verifySignIn(
  ctx: ServiceContext,
  input: SignInVerifyInput,
  origin: SessionOrigin,
): Promise<Result<Extract<SignInResult, { status: 'signed_in' }>, ChallengeFailure | 'rate_limited'>> {
  if (!(await allowHits(ctx, [[LIMITS.codePerIp, origin.ip ?? 'unknown']]))) return err('rate_limited');
  const answered = await answerChallenge(ctx, input.challengeId, 'sign_in', { code: input.code });
  if (!answered.ok) {
    const userId = await ctx.db
      .selectFrom('challenges')
      .select(['user_id', 'person_id'])
      .where('challenge_id', '=', input.challengeId.slice(0, 64))
      .executeTakeFirst();
    if (userId?.user_id) {
      const isWrongCode = answered.code === 'otp_invalid' || answered.code === 'otp_locked';
      if (isWrongCode) await recordFailure(ctx, codeLockKey(userId.user_id));
      await recordSignInEvent(
        ctx,
        ctx.db,
        { user_id: userId.user_id, person_id: userId.person_id },
        'wrong_code',
        origin,
      );
    }
    return answered;
  }
  const user = await getUser(ctx.db, answered.value.user_id ?? -1);
  await clearFailures(ctx, codeLockKey(user.user_id));
  return ctx.db.transaction().execute(async (trx) => {
    const device =
      input.rememberDevice && user.role === 'member'
        ? await rememberDevice(ctx, trx, user, origin.deviceLabel)
        : undefined;
    const session = await createSession(ctx, trx, user, { ...origin, deviceId: device?.deviceId ?? null });
    await recordSignInEvent(ctx, trx, user, 'signed_in', origin);
    return ok({
      status: 'signed_in' as const,
      user: publicUser(user),
      session,
      ...(device ? { deviceId: device.deviceToken } : {}),
    });
  });
}
