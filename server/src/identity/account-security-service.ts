// What a signed-in user changes about their own security: password and authenticator app (TOTP).
import { err, ok, type Result } from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';
import { writeAudit } from './audit-log';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password-hashing';
import { allowHits, LIMITS } from './rate-limit';
import { recordSignInEvent, type EventOrigin } from './sign-in-events';
import { revokeAllSessions } from './session-service';
import { checkTotp, newTotpSecret, totpUri } from './totp';
import { getUser, type UserRow } from './user-store';

/** Changes the password after checking the current one; every other session is signed out. */
export async function changePassword(
  ctx: ServiceContext,
  userId: number,
  currentSessionId: number,
  input: { currentPassword: string; newPassword: string },
  origin: EventOrigin,
): Promise<Result<void>> {
  if (!(await allowHits(ctx, [[LIMITS.passwordChangePerUser, String(userId)]]))) return err('rate_limited');
  const user = await getUser(ctx.db, userId);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    return err('current_password_incorrect', undefined, 'currentPassword');
  }
  const policy = checkPasswordPolicy(input.newPassword, 'newPassword');
  if (!policy.ok) return policy;
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: at, updated_at: at })
      .where('user_id', '=', userId)
      .execute();
    const revoked = await revokeAllSessions(ctx, trx, userId, 'password_changed', currentSessionId);
    await recordSignInEvent(ctx, trx, user, 'password_changed', origin);
    await writeAudit(trx, {
      at,
      actorUserId: userId,
      actorRole: user.role,
      action: 'password_changed',
      subjectPersonId: user.person_id,
      details: { otherSessionsRevoked: revoked },
    });
  });
  return ok(undefined);
}

/** Starts authenticator set-up: a new secret, pending until a code from it is entered. */
export async function setupTotp(
  ctx: ServiceContext,
  userId: number,
): Promise<Result<{ secret: string; otpauthUrl: string }>> {
  const user = await getUser(ctx.db, userId);
  if (user.totp_enabled) return err('totp_already_enabled');
  const secret = newTotpSecret();
  await ctx.db
    .updateTable('users')
    .set({ totp_pending_cipher: ctx.pii.encrypt(secret), updated_at: ctx.clock.now() })
    .where('user_id', '=', userId)
    .execute();
  return ok({ secret, otpauthUrl: totpUri(secret, `Lumbung:${user.display_name}`) });
}

async function checkUserTotp(
  ctx: ServiceContext,
  user: UserRow,
  secretCipher: string | null,
  code: string,
): Promise<Result<number>> {
  if (!(await allowHits(ctx, [[LIMITS.totpPerUser, String(user.user_id)]]))) return err('rate_limited');
  if (secretCipher === null) return err('totp_not_set_up');
  const step = checkTotp(ctx.pii.decrypt(secretCipher), code, ctx.clock.now(), user.totp_last_step);
  return step === undefined ? err('totp_invalid', undefined, 'code') : ok(step);
}

export async function enableTotp(ctx: ServiceContext, userId: number, code: string): Promise<Result<void>> {
  const user = await getUser(ctx.db, userId);
  if (user.totp_enabled) return err('totp_already_enabled');
  const step = await checkUserTotp(ctx, user, user.totp_pending_cipher, code);
  if (!step.ok) return step;
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    await trx
      .updateTable('users')
      .set({
        totp_secret_cipher: user.totp_pending_cipher,
        totp_pending_cipher: null,
        totp_enabled: true,
        totp_last_step: step.value,
        updated_at: at,
      })
      .where('user_id', '=', userId)
      .execute();
    await writeAudit(trx, {
      at,
      actorUserId: userId,
      actorRole: user.role,
      action: 'totp_enabled',
      subjectPersonId: user.person_id,
    });
  });
  return ok(undefined);
}

export async function disableTotp(ctx: ServiceContext, userId: number, code: string): Promise<Result<void>> {
  const user = await getUser(ctx.db, userId);
  if (user.role !== 'member') return err('totp_required_for_staff');
  if (!user.totp_enabled) return err('totp_not_set_up');
  const step = await checkUserTotp(ctx, user, user.totp_secret_cipher, code);
  if (!step.ok) return step;
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    await trx
      .updateTable('users')
      .set({
        totp_secret_cipher: null,
        totp_pending_cipher: null,
        totp_enabled: false,
        totp_last_step: step.value,
        updated_at: at,
      })
      .where('user_id', '=', userId)
      .execute();
    await writeAudit(trx, {
      at,
      actorUserId: userId,
      actorRole: user.role,
      action: 'totp_disabled',
      subjectPersonId: user.person_id,
    });
  });
  return ok(undefined);
}
