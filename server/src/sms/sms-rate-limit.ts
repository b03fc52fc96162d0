// Per-number limits for the short code, counted in the shared rate_limit_counters table (fixed windows,
// keyed by blind indexes, never by a plaintext number or KPJ).
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface SmsLimit {
  readonly name: string;
  readonly max: number;
  readonly windowMs: number;
}

export const SMS_LIMITS = {
  /** Any message from one number. */
  messagesPerPhone: { name: 'sms_phone', max: 10, windowMs: HOUR_MS },
  /** DAFTAR attempts from one number; after that the lockout reply until the next day. */
  registerPerPhone: { name: 'sms_daftar_phone', max: 5, windowMs: DAY_MS },
  /**
   * Failed DAFTAR attempts naming one KPJ from any number: guessing a NIK with many SIM cards stops here.
   * Past the limit every DAFTAR for that KPJ gets the same "does not match" reply.
   */
  registerFailuresPerKpj: { name: 'sms_daftar_kpj', max: 10, windowMs: DAY_MS },
} as const satisfies Record<string, SmsLimit>;

function windowStart(ctx: ServiceContext, limit: SmsLimit): Date {
  const now = ctx.clock.now().getTime();
  return new Date(now - (now % limit.windowMs));
}

/** Counts one hit and returns the count in this window (1 for the first). */
export async function countHit(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  limit: SmsLimit,
  subject: string,
): Promise<number> {
  const row = await trx
    .insertInto('rate_limit_counters')
    .values({ bucket_key: `${limit.name}:${subject}`, window_start: windowStart(ctx, limit), hits: 1 })
    .onConflict((oc) =>
      oc.columns(['bucket_key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_counters.hits + 1` }),
    )
    .returning('hits')
    .executeTakeFirstOrThrow();
  return row.hits;
}

/** The count in this window without adding a hit. */
export async function peekHits(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  limit: SmsLimit,
  subject: string,
): Promise<number> {
  const row = await trx
    .selectFrom('rate_limit_counters')
    .select('hits')
    .where('bucket_key', '=', `${limit.name}:${subject}`)
    .where('window_start', '=', windowStart(ctx, limit))
    .executeTakeFirst();
  return row?.hits ?? 0;
}
