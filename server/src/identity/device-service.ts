// Remembered devices: after a one-time code, a member may keep the device; its random token (the
// `deviceId` the client stores) is kept only as a hash and lets later sign-ins skip the code.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import { hashToken, newToken } from './secrets';
import type { UserRow } from './user-store';

const DEVICE_LIFETIME_MS = 180 * 24 * 3_600_000;

export async function rememberDevice(
  ctx: ServiceContext,
  db: Kysely<DB>,
  user: UserRow,
  label: string,
): Promise<{ deviceId: number; deviceToken: string }> {
  const token = newToken();
  const now = ctx.clock.now();
  const row = await db
    .insertInto('devices')
    .values({
      user_id: user.user_id,
      person_id: user.person_id,
      token_hash: hashToken(token),
      label: label.slice(0, 120),
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(now.getTime() + DEVICE_LIFETIME_MS),
      revoked_at: null,
    })
    .returning('device_id')
    .executeTakeFirstOrThrow();
  return { deviceId: row.device_id, deviceToken: token };
}

/** The remembered device of this user that the token names, if it is still valid. */
export async function findKnownDevice(
  ctx: ServiceContext,
  userId: number,
  deviceToken: string | undefined,
): Promise<number | undefined> {
  if (!deviceToken || deviceToken.length > 100) return undefined;
  const row = await ctx.db
    .selectFrom('devices')
    .select('device_id')
    .where('token_hash', '=', hashToken(deviceToken))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', ctx.clock.now())
    .executeTakeFirst();
  if (!row) return undefined;
  await ctx.db
    .updateTable('devices')
    .set({ last_seen_at: ctx.clock.now() })
    .where('device_id', '=', row.device_id)
    .execute();
  return row.device_id;
}

export async function forgetAllDevices(ctx: ServiceContext, db: Kysely<DB>, userId: number): Promise<void> {
  await db
    .updateTable('devices')
    .set({ revoked_at: ctx.clock.now() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** A short human label from a User-Agent ('Chrome on Android'); the raw header is not stored. */
export function deviceLabel(userAgent: string | undefined): string {
  if (!userAgent) return 'API client';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : undefined;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : undefined;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}
