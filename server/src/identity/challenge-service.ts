// One-time-code challenges: 6-digit codes stored as salted HMACs, valid 5 minutes, 5 tries (counted
// atomically, even under concurrent answers), single use. A challenge for an unknown identifier is a
// decoy with no code: it answers exactly like a real one and can never succeed. TOTP challenges check
// the user's authenticator instead.
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
 * Checks an answer and, when right, consumes the challenge. The attempt is counted first, in one
 * conditional UPDATE (only while the challenge is open, unexpired and under its limit), and only an
 * answer that got a counted attempt is compared: however many requests race, at most max_attempts of
 * them are ever judged. The answer that reaches the limit without being right answers 'otp_locked'.
 */
export async function answerChallenge(
  ctx: ServiceContext,
  challengeId: string,
  purpose: ChallengePurpose,
  answer: ChallengeAnswer,
): Promise<Result<ChallengeRow, ChallengeFailure>> {
  if (challengeId.length > 64) return err('otp_expired');
  const now = ctx.clock.now();
  const row = await ctx.db
    .updateTable('challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('challenge_id', '=', challengeId)
    .where('purpose', '=', purpose)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', now)
    .where((eb) => eb('attempts', '<', eb.ref('max_attempts')))
    .returningAll()
    .executeTakeFirst();
  if (!row) return err(await whyClosed(ctx, challengeId, purpose));

  const isRight = row.requires_totp
    ? await claimTotpStep(ctx, row, answer.code, now)
    : codeMatches(row.code_hash, answer.code) &&
      (row.second_code_hash === null || codeMatches(row.second_code_hash, answer.secondCode ?? ''));
  if (!isRight) return err(row.attempts >= row.max_attempts ? 'otp_locked' : 'otp_invalid');

  // Consume atomically: of two requests racing with the right code, only one wins.
  const consumed = await ctx.db
    .updateTable('challenges')
    .set({ consumed_at: now })
    .where('challenge_id', '=', challengeId)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  if (Number(consumed.numUpdatedRows) !== 1) return err('otp_used');
  return ok({ ...row, consumed_at: now });
}

/** Why a challenge took no attempt: unknown or other purpose and expired look alike. */
async function whyClosed(
  ctx: ServiceContext,
  challengeId: string,
  purpose: ChallengePurpose,
): Promise<ChallengeFailure> {
  const row = await ctx.db
    .selectFrom('challenges')
    .select(['purpose', 'consumed_at', 'attempts', 'max_attempts'])
    .where('challenge_id', '=', challengeId)
    .executeTakeFirst();
  if (!row || row.purpose !== purpose) return 'otp_expired';
  if (row.consumed_at !== null) return 'otp_used';
  if (row.attempts >= row.max_attempts) return 'otp_locked';
  return 'otp_expired';
}

/**
 * A TOTP answer is right when the code is valid and its time step is newer than the last one the user
 * used; the step is claimed with a conditional UPDATE so one code cannot open two challenges at once.
 */
async function claimTotpStep(
  ctx: ServiceContext,
  row: ChallengeRow,
  code: string,
  now: Date,
): Promise<boolean> {
  if (row.user_id === null) return false;
  const user = await ctx.db
    .selectFrom('users')
    .select(['totp_secret_cipher', 'totp_last_step'])
    .where('user_id', '=', row.user_id)
    .executeTakeFirst();
  const secret = user?.totp_secret_cipher ? ctx.pii.decrypt(user.totp_secret_cipher) : undefined;
  const step = secret ? checkTotp(secret, code, now, user?.totp_last_step ?? null) : undefined;
  if (step === undefined) return false;
  const claimed = await ctx.db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('user_id', '=', row.user_id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export function challengeData<T>(ctx: ServiceContext, row: ChallengeRow): T {
  if (row.data_cipher === null) throw new Error(`challenge ${row.purpose} carries no data`);
  return JSON.parse(ctx.pii.decrypt(row.data_cipher)) as T;
}
