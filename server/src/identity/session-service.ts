// Sessions: a 32-byte random token (cookie or bearer) stored only as its SHA-256 hash; revocable,
// with an absolute lifetime and an idle timeout, shorter for staff.
import { err, ok, type Result } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { UserRole } from '../db/tables/identity-tables';
import type { ServiceContext } from '../services/service-context';
import { csrfTokenFor, hashToken, newToken } from './secrets';
import type { UserRow } from './user-store';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Writing last_seen on every request would turn reads into writes; once per interval is enough. */
const LAST_SEEN_INTERVAL_MS = 5 * 60_000;

export function sessionLifetime(role: UserRole): { absoluteMs: number; idleMs: number } {
  return role === 'member'
    ? { absoluteMs: 30 * DAY_MS, idleMs: 7 * DAY_MS }
    : { absoluteMs: 12 * HOUR_MS, idleMs: 2 * HOUR_MS };
}

export interface NewSession {
  readonly token: string;
  readonly sessionId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface SessionOrigin {
  readonly deviceLabel: string;
  readonly ip: string | null;
  readonly deviceId?: number | null;
}

export async function createSession(
  ctx: ServiceContext,
  db: Kysely<DB>,
  user: UserRow,
  origin: SessionOrigin,
): Promise<NewSession> {
  const token = newToken();
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + sessionLifetime(user.role).absoluteMs);
  const row = await db
    .insertInto('sessions')
    .values({
      user_id: user.user_id,
      person_id: user.person_id,
      token_hash: hashToken(token),
      device_label: origin.deviceLabel.slice(0, 120),
      device_id: origin.deviceId ?? null,
      ip: origin.ip,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      revoked_at: null,
      revoked_reason: null,
    })
    .returning('session_id')
    .executeTakeFirstOrThrow();
  return { token, sessionId: row.session_id, csrfToken: csrfTokenFor(token), expiresAt };
}

export interface ActiveSession {
  readonly sessionId: number;
  readonly user: UserRow;
}

/** The live session a token names, or undefined (unknown, revoked, expired or idle too long). */
export async function findActiveSession(
  ctx: ServiceContext,
  token: string,
): Promise<ActiveSession | undefined> {
  if (token.length < 20 || token.length > 100) return undefined;
  const tokenHash = hashToken(token);
  const cache = ctx.readCache;
  const cached = cache?.get<SessionRow>('sessions', tokenHash);
  if (cached) {
    const checked = await checkSession(ctx, cached);
    if (checked) {
      if (checked.row !== cached)
        cache?.set('sessions', tokenHash, checked.row, cache.generation('sessions'));
      return checked.session;
    }
    // Another node may have touched last_seen since this was cached: ask the database before refusing.
    cache?.delete('sessions', tokenHash);
  }
  const generation = cache?.generation('sessions') ?? 0;
  const row = await readSession(ctx, tokenHash);
  if (!row) return undefined;
  const checked = await checkSession(ctx, row);
  // Only a live session is cached: an unknown or refused token always goes to the database.
  if (checked) cache?.set('sessions', tokenHash, checked.row, generation);
  return checked?.session;
}

type SessionRow = NonNullable<Awaited<ReturnType<typeof readSession>>>;

async function readSession(ctx: ServiceContext, tokenHash: string) {
  // One round trip: the session and its user together.
  return ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.user_id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.session_id',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at as session_revoked_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** The session a row shows, if it is live, and the row as it now stands (last_seen touched or not). */
async function checkSession(
  ctx: ServiceContext,
  row: SessionRow,
): Promise<{ session: ActiveSession; row: SessionRow } | undefined> {
  if (row.session_revoked_at !== null) return undefined;
  const { session_id: sessionId, last_seen_at, expires_at, session_revoked_at: _revoked, ...user } = row;
  const now = ctx.clock.now().getTime();
  if (new Date(expires_at).getTime() <= now) return undefined;
  if (user.status !== 'active') return undefined;
  const lastSeen = new Date(last_seen_at).getTime();
  if (now - lastSeen > sessionLifetime(user.role).idleMs) return undefined;
  if (now - lastSeen > LAST_SEEN_INTERVAL_MS) {
    const seenAt = ctx.clock.now();
    await ctx.db
      .updateTable('sessions')
      .set({ last_seen_at: seenAt })
      .where('session_id', '=', sessionId)
      .execute();
    // A cached row is a shared snapshot: replace it rather than edit it.
    return { session: { sessionId, user }, row: { ...row, last_seen_at: seenAt } };
  }
  return { session: { sessionId, user }, row };
}

export async function revokeSessionById(
  ctx: ServiceContext,
  userId: number,
  sessionId: number,
  reason: string,
): Promise<Result<void>> {
  const result = await ctx.db
    .updateTable('sessions')
    .set({ revoked_at: ctx.clock.now(), revoked_reason: reason })
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? ok(undefined) : err('session_not_found');
}

/** Revokes every live session of a user, except one (the caller's own, on a password change). */
export async function revokeAllSessions(
  ctx: ServiceContext,
  db: Kysely<DB>,
  userId: number,
  reason: string,
  exceptSessionId?: number,
): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: ctx.clock.now(), revoked_reason: reason })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId !== undefined) query = query.where('session_id', '<>', exceptSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface SessionListing {
  readonly id: number;
  readonly deviceLabel: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  readonly isCurrent: boolean;
}

export async function listSessions(
  ctx: ServiceContext,
  userId: number,
  currentSessionId: number,
): Promise<SessionListing[]> {
  const rows = await ctx.db
    .selectFrom('sessions')
    .select(['session_id', 'device_label', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', ctx.clock.now())
    .orderBy('last_seen_at', 'desc')
    .limit(100)
    .execute();
  return rows.map((row) => ({
    id: row.session_id,
    deviceLabel: row.device_label,
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: new Date(row.last_seen_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    isCurrent: row.session_id === currentSessionId,
  }));
}
