// Admin management of staff users: list, create (with a TOTP secret and a one-time password shown once),
// and disable (every session ends at once). Creating and disabling are audited.
import { err, ok, type Result } from '@lumbung/core';
import { randomBytes } from 'node:crypto';
import { normaliseEmail } from '../identity/identifier';
import { revokeAllSessions } from '../identity/session-service';
import { newTotpSecret, totpUri } from '../identity/totp';
import { createStaffUser } from '../identity/user-store';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';

export const STAFF_ROLES = ['agent', 'branch_officer', 'claims_officer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffUserView {
  readonly userId: number;
  readonly role: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly status: 'active' | 'disabled';
  readonly createdAt: string;
}

export interface CreatedStaffUser {
  readonly user: StaffUserView;
  /** Shown once: the new staff member enrols it in an authenticator app. */
  readonly totpSecret: string;
  readonly otpauthUri: string;
  /** Shown once: the first password, to be changed after the first sign-in. */
  readonly initialPassword: string;
}

export async function listStaffUsers(ctx: ServiceContext): Promise<StaffUserView[]> {
  const rows = await ctx.db
    .selectFrom('users')
    .select(['user_id', 'role', 'display_name', 'email_cipher', 'status', 'created_at'])
    .where('role', 'in', [...STAFF_ROLES])
    .orderBy('user_id')
    .limit(1000)
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    role: row.role,
    displayName: row.display_name,
    email: row.email_cipher ? ctx.pii.decrypt(row.email_cipher) : null,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}

export async function addStaffUser(
  ctx: ServiceContext,
  actor: StaffActor,
  input: { email: string; displayName: string; role: string; language?: 'id' | 'en' },
): Promise<
  Result<CreatedStaffUser, 'email_invalid' | 'staff_role_invalid' | 'name_invalid' | 'staff_user_exists'>
> {
  const email = normaliseEmail(input.email);
  if (!email) return err('email_invalid', undefined, 'email');
  const role = STAFF_ROLES.find((candidate) => candidate === input.role);
  if (!role) return err('staff_role_invalid', undefined, 'role');
  const displayName = input.displayName.trim().replace(/\s+/g, ' ');
  if (displayName.length < 2 || displayName.length > 100)
    return err('name_invalid', undefined, 'displayName');
  const existing = await ctx.db
    .selectFrom('users')
    .select('user_id')
    .where('email_index', '=', ctx.pii.blindIndex('email', email))
    .executeTakeFirst();
  if (existing) return err('staff_user_exists', undefined, 'email');
  const totpSecret = newTotpSecret();
  const initialPassword = randomBytes(12).toString('base64url');
  const row = await ctx.db.transaction().execute(async (trx) => {
    // The user and its audit entry commit together: createStaffUser runs on this transaction.
    const created = await createStaffUser(
      { ...ctx, db: trx },
      {
        role,
        email,
        displayName,
        password: initialPassword,
        totpSecret,
        ...(input.language ? { language: input.language } : {}),
      },
    );
    await writeStaffAudit(trx, ctx.clock.now(), actor, {
      action: 'admin.staff_user_create',
      personId: null,
      reason: null,
      details: { userId: created.user_id, role },
    });
    return created;
  });
  return ok({
    user: {
      userId: row.user_id,
      role: row.role,
      displayName: row.display_name,
      email,
      status: row.status,
      createdAt: new Date(row.created_at).toISOString(),
    },
    totpSecret,
    otpauthUri: totpUri(totpSecret, email),
    initialPassword,
  });
}

export async function disableStaffUser(
  ctx: ServiceContext,
  actor: StaffActor,
  userId: number,
): Promise<Result<{ readonly endedSessions: number }, 'not_found' | 'cannot_disable_self'>> {
  if (userId === actor.userId) return err('cannot_disable_self');
  return ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const updated = await trx
      .updateTable('users')
      .set({ status: 'disabled', updated_at: now })
      .where('user_id', '=', userId)
      .where('role', 'in', [...STAFF_ROLES])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return err('not_found');
    const endedSessions = await revokeAllSessions(ctx, trx, userId, 'disabled_by_admin');
    await writeStaffAudit(trx, now, actor, {
      action: 'admin.staff_user_disable',
      personId: null,
      reason: null,
      details: { userId, endedSessions },
    });
    return ok({ endedSessions });
  });
}
