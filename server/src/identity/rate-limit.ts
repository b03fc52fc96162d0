// Rate limits and progressive lockout in the database, so every API process counts together.
// Buckets are keyed by IP or by a blind index of what was typed, never by a plaintext identifier, and
// are counted before any lookup so that a limit reached says nothing about whether an account exists.
import { sql } from 'kysely';
import type { ServiceContext } from '../services/service-context';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface Limit {
  readonly name: string;
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Every limit, by path. A "destination" is the phone or e-mail a code is sent to (its blind index):
 * whatever was typed, one phone receives at most so many codes of a kind per window. docs/security.md
 * shows this table; rate-limit.test.ts trips each entry.
 */
export const LIMITS = {
  signInPerIp: { name: 'sign_in_ip', max: 30, windowMs: 15 * MINUTE_MS },
  signInCodePerDestination: { name: 'sign_in_code_dest', max: 10, windowMs: HOUR_MS },
  registerPerIp: { name: 'register_ip', max: 10, windowMs: HOUR_MS },
  registerPerDestination: { name: 'register_dest', max: 5, windowMs: HOUR_MS },
  registerPerNik: { name: 'register_nik', max: 5, windowMs: HOUR_MS },
  codePerIp: { name: 'code_ip', max: 60, windowMs: 15 * MINUTE_MS },
  forgotPerIp: { name: 'forgot_ip', max: 10, windowMs: HOUR_MS },
  forgotPerIdentifier: { name: 'forgot_id', max: 5, windowMs: HOUR_MS },
  forgotPerDestination: { name: 'forgot_dest', max: 5, windowMs: HOUR_MS },
  staffResetPerStaff: { name: 'reset_staff', max: 20, windowMs: HOUR_MS },
  contactPerUser: { name: 'contact_user', max: 5, windowMs: HOUR_MS },
  contactPerDestination: { name: 'contact_dest', max: 5, windowMs: HOUR_MS },
  contactVerifyPerIp: { name: 'contact_verify_ip', max: 30, windowMs: 15 * MINUTE_MS },
  passwordChangePerUser: { name: 'password_user', max: 10, windowMs: HOUR_MS },
  totpPerUser: { name: 'totp_user', max: 10, windowMs: 15 * MINUTE_MS },
} as const satisfies Record<string, Limit>;

/** Counts one hit; false when the bucket is already over its limit for this window. */
export async function allowHit(ctx: ServiceContext, limit: Limit, subject: string): Promise<boolean> {
  const now = ctx.clock.now().getTime();
  const windowStart = new Date(now - (now % limit.windowMs));
  const row = await ctx.db
    .insertInto('rate_limit_counters')
    .values({ bucket_key: `${limit.name}:${subject}`, window_start: windowStart, hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket_key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_counters.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits <= limit.max;
}

/** Counts a hit in every bucket (all are counted even when one is already over). */
export async function allowHits(
  ctx: ServiceContext,
  hits: ReadonlyArray<readonly [Limit, string]>,
): Promise<boolean> {
  let allowed = true;
  for (const [limit, subject] of hits) {
    if (!(await allowHit(ctx, limit, subject))) allowed = false;
  }
  return allowed;
}

/** Deletes windows older than a day; run by a periodic job or the CLI. */
export async function pruneRateLimits(ctx: ServiceContext): Promise<void> {
  const before = new Date(ctx.clock.now().getTime() - 24 * HOUR_MS);
  await ctx.db.deleteFrom('rate_limit_counters').where('window_start', '<', before).execute();
}

/** Failures allowed before the first lock; each failure after doubles the lock, up to an hour. */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = MINUTE_MS;
const MAX_LOCK_MS = HOUR_MS;

export function lockDurationMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES), MAX_LOCK_MS);
}

/** Milliseconds until the key may try again; 0 when it is not locked. */
export async function lockRemainingMs(ctx: ServiceContext, lockKey: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('lockouts')
    .select('locked_until')
    .where('lock_key', '=', lockKey)
    .executeTakeFirst();
  if (!row?.locked_until) return 0;
  return Math.max(0, new Date(row.locked_until).getTime() - ctx.clock.now().getTime());
}

export async function recordFailure(ctx: ServiceContext, lockKey: string): Promise<void> {
  const now = ctx.clock.now();
  const row = await ctx.db
    .insertInto('lockouts')
    .values({ lock_key: lockKey, failures: 1, locked_until: null, updated_at: now })
    .onConflict((oc) =>
      oc.column('lock_key').doUpdateSet({ failures: sql`lockouts.failures + 1`, updated_at: now }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  const lockMs = lockDurationMs(row.failures);
  if (lockMs > 0) {
    await ctx.db
      .updateTable('lockouts')
      .set({ locked_until: new Date(now.getTime() + lockMs) })
      .where('lock_key', '=', lockKey)
      .execute();
  }
}

export async function clearFailures(ctx: ServiceContext, lockKey: string): Promise<void> {
  await ctx.db.deleteFrom('lockouts').where('lock_key', '=', lockKey).execute();
}
