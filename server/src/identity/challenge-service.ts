// One-time-code challenges: 6-digit codes stored as salted HMACs, valid 5 minutes, dead after 5 wrong
// tries, single use. A challenge for an unknown identifier is a decoy with no code: it answers exactly
// like a real one and can never succeed. TOTP challenges check the user's authenticator instead.
import { err, ok, type Result } from '@lumbung/core';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { ChallengePurpose, ChallengesTable, Channel } from '../db/tables/identity-tables';
import type { ServiceContext } from '../services/service-context';
import { codeMatches, hashCode, newChallengeId, newCode } from './secrets';
import { checkTotp } from './totp';

export const CODE_TTL_MS = 5 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

export type ChallengeRow = Selectable<ChallengesTable>;

export interface NewChallenge {
  readonly purpose: ChallengePurpose;
  readonly userId?: number | null;
  readonly personId?: number | null;
  readonly channel?: Channel | null;
  /** False for a decoy or a TOTP-only challenge. */
  readonly withCode: boolean;
  readonly withSecondCode?: boolean;
  readonly requiresTotp?: boolean;
  /** Encrypted before storing. */
  readonly data?: unknown;
}

export interface IssuedChallenge {
  readonly challengeId: string;
  readonly code: string | undefined;
  readonly secondCode: string | undefined;
  readonly expiresAt: Date;
}

export async function createChallenge(
  ctx: ServiceContext,
  db: Kysely<DB>,
  input: NewChallenge,
): Promise<IssuedChallenge> {
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
  // A code is drawn and hashed even for a decoy, so both paths do the same work.
  const code = newCode();
  const codeHash = hashCode(code);
  const secondCode = newCode();
  const secondHash = hashCode(secondCode);
  const challengeId = newChallengeId();
  await db
    .insertInto('challenges')
    .values({
      challenge_id: challengeId,
      purpose: input.purpose,
      user_id: input.userId ?? null,
      person_id: input.personId ?? null,
      code_hash: input.withCode ? codeHash : null,
      second_code_hash: input.withCode && input.withSecondCode ? secondHash : null,
      requires_totp: input.requiresTotp ?? false,
      channel: input.channel ?? null,
      data_cipher: input.data === undefined ? null : ctx.pii.encrypt(JSON.stringify(input.data)),
      max_attempts: MAX_CODE_ATTEMPTS,
      created_at: now,
      expires_at: expiresAt,
      consumed_at: null,
    })
    .execute();
  return {
    challengeId,
    code: input.withCode ? code : undefined,
    secondCode: input.withCode && input.withSecondCode ? secondCode : undefined,
    expiresAt,
  };
}

export type ChallengeFailure = 'otp_invalid' | 'otp_expired' | 'otp_used' | 'otp_locked';

export interface ChallengeAnswer {
  readonly code: string;
  /** Contact change: the code sent to the new contact. */
  readonly secondCode?: string;
}

/**
 * Checks an answer and, when right, consumes the challenge. A wrong answer counts an attempt (in its
 * own write, kept even though the caller gets a failure); the fifth wrong answer kills the challenge.
 */
export async function answerChallenge(
  ctx: ServiceContext,
  challengeId: string,
  purpose: ChallengePurpose,
  answer: ChallengeAnswer,
): Promise<Result<ChallengeRow, ChallengeFailure>> {
  if (challengeId.length > 64) return err('otp_expired');
  const row = await ctx.db
    .selectFrom('challenges')
    .selectAll()
    .where('challenge_id', '=', challengeId)
    .executeTakeFirst();
  if (!row || row.purpose !== purpose) return err('otp_expired');
  if (row.consumed_at !== null) return err('otp_used');
  if (row.attempts >= row.max_attempts) return err('otp_locked');
  const now = ctx.clock.now();
  if (new Date(row.expires_at).getTime() <= now.getTime()) return err('otp_expired');

  let isRight: boolean;
  let totpStep: number | undefined;
  if (row.requires_totp) {
    const user =
      row.user_id === null
        ? undefined
        : await ctx.db.selectFrom('users').selectAll().where('user_id', '=', row.user_id).executeTakeFirst();
    const secret = user?.totp_secret_cipher ? ctx.pii.decrypt(user.totp_secret_cipher) : undefined;
    totpStep = secret ? checkTotp(secret, answer.code, now, user?.totp_last_step ?? null) : undefined;
    isRight = totpStep !== undefined;
  } else {
    const first = codeMatches(row.code_hash, answer.code);
    const second =
      row.second_code_hash === null ? true : codeMatches(row.second_code_hash, answer.secondCode ?? '');
    isRight = first && second;
  }

  if (!isRight) {
    const updated = await ctx.db
      .updateTable('challenges')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('challenge_id', '=', challengeId)
      .returning('attempts')
      .executeTakeFirstOrThrow();
    return err(updated.attempts >= row.max_attempts ? 'otp_locked' : 'otp_invalid');
  }

  // Consume atomically: of two requests racing with the right code, only one wins.
  const consumed = await ctx.db
    .updateTable('challenges')
    .set({ consumed_at: now })
    .where('challenge_id', '=', challengeId)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  if (Number(consumed.numUpdatedRows) !== 1) return err('otp_used');
  if (totpStep !== undefined && row.user_id !== null) {
    await ctx.db
      .updateTable('users')
      .set({ totp_last_step: totpStep })
      .where('user_id', '=', row.user_id)
      .execute();
  }
  return ok(row);
}

export function challengeData<T>(ctx: ServiceContext, row: ChallengeRow): T {
  if (row.data_cipher === null) throw new Error(`challenge ${row.purpose} carries no data`);
  return JSON.parse(ctx.pii.decrypt(row.data_cipher)) as T;
}
