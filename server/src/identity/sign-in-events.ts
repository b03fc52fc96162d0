// Sign-in history: what the member's security page lists (sign-ins, wrong passwords, codes sent).
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { SignInOutcome } from '../db/tables/identity-tables';
import type { ServiceContext } from '../services/service-context';

export interface EventOrigin {
  readonly deviceLabel: string;
  readonly ip: string | null;
}

export async function recordSignInEvent(
  ctx: ServiceContext,
  db: Kysely<DB>,
  user: { user_id: number; person_id: number | null },
  outcome: SignInOutcome,
  origin: EventOrigin,
): Promise<void> {
  await db
    .insertInto('sign_in_events')
    .values({
      user_id: user.user_id,
      person_id: user.person_id,
      at: ctx.clock.now(),
      outcome,
      device_label: origin.deviceLabel.slice(0, 120),
      ip: origin.ip,
    })
    .execute();
}

export interface SignInHistoryEntry {
  readonly at: string;
  readonly outcome: SignInOutcome;
  readonly deviceLabel: string | null;
  readonly ip: string | null;
}

export async function signInHistory(
  ctx: ServiceContext,
  userId: number,
  limit = 50,
): Promise<SignInHistoryEntry[]> {
  const rows = await ctx.db
    .selectFrom('sign_in_events')
    .select(['at', 'outcome', 'device_label', 'ip'])
    .where('user_id', '=', userId)
    .orderBy('at', 'desc')
    .orderBy('event_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    outcome: row.outcome,
    deviceLabel: row.device_label,
    ip: row.ip,
  }));
}
