// One-time-code tries under concurrency: many answers racing for one challenge (on PostgreSQL each on
// its own pooled connection) never get more than five judged, and the code is dead afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context';
import { answerChallenge, createChallenge, MAX_CODE_ATTEMPTS } from './challenge-service';

describe('challenge attempts', () => {
  let test: TestContext;

  beforeAll(async () => {
    test = await createTestContext();
  });
  afterAll(async () => {
    await test.close();
  });

  const attemptsOf = async (challengeId: string) =>
    (
      await test.ctx.db
        .selectFrom('challenges')
        .select(['attempts', 'consumed_at'])
        .where('challenge_id', '=', challengeId)
        .executeTakeFirstOrThrow()
    ).attempts;

  it('judges at most five of twenty wrong answers and the right one fired together', async () => {
    const issued = await createChallenge(test.ctx, test.ctx.db, {
      purpose: 'password_reset',
      withCode: true,
    });
    const right = issued.code!;
    const wrong = right === '000000' ? '111111' : '000000';
    const answers = [...Array.from({ length: 20 }, () => wrong), right].map((code) =>
      answerChallenge(test.ctx, issued.challengeId, 'password_reset', { code }),
    );
    const results = await Promise.all(answers);

    expect(await attemptsOf(issued.challengeId)).toBeLessThanOrEqual(MAX_CODE_ATTEMPTS);
    const judged = results.filter((result) => result.ok || result.code !== 'otp_locked');
    expect(judged.length).toBeLessThanOrEqual(MAX_CODE_ATTEMPTS);
    expect(results.filter((result) => result.ok).length).toBeLessThanOrEqual(1);
    // Dead afterwards: locked, or consumed by the right answer when it was among the five judged.
    const again = await answerChallenge(test.ctx, issued.challengeId, 'password_reset', { code: right });
    expect(again.ok).toBe(false);
    expect(['otp_locked', 'otp_used']).toContain(again.ok ? 'accepted' : again.code);
  });

  it('locks on the fifth wrong answer, then refuses the right one; counts a right answer once', async () => {
    const issued = await createChallenge(test.ctx, test.ctx.db, { purpose: 'sign_in', withCode: true });
    const right = issued.code!;
    const wrong = right === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
      const result = await answerChallenge(test.ctx, issued.challengeId, 'sign_in', { code: wrong });
      codes.push(result.ok ? 'ok' : result.code);
    }
    expect(codes).toEqual(['otp_invalid', 'otp_invalid', 'otp_invalid', 'otp_invalid', 'otp_locked']);
    expect(await answerChallenge(test.ctx, issued.challengeId, 'sign_in', { code: right })).toMatchObject({
      ok: false,
      code: 'otp_locked',
    });
    expect(await attemptsOf(issued.challengeId)).toBe(MAX_CODE_ATTEMPTS);

    const fresh = await createChallenge(test.ctx, test.ctx.db, { purpose: 'sign_in', withCode: true });
    const raced = await Promise.all(
      [1, 2, 3].map(() => answerChallenge(test.ctx, fresh.challengeId, 'sign_in', { code: fresh.code! })),
    );
    expect(raced.filter((result) => result.ok)).toHaveLength(1);
    expect(raced.filter((result) => !result.ok).map((result) => !result.ok && result.code)).toEqual([
      'otp_used',
      'otp_used',
    ]);
  });

  it('takes no attempt for another purpose or an expired code', async () => {
    const issued = await createChallenge(test.ctx, test.ctx.db, { purpose: 'registration', withCode: true });
    expect(
      await answerChallenge(test.ctx, issued.challengeId, 'password_reset', { code: issued.code! }),
    ).toMatchObject({ ok: false, code: 'otp_expired' });
    test.clock.advanceMs(5 * 60_000 + 1);
    expect(
      await answerChallenge(test.ctx, issued.challengeId, 'registration', { code: issued.code! }),
    ).toMatchObject({ ok: false, code: 'otp_expired' });
    expect(await attemptsOf(issued.challengeId)).toBe(0);
  });
});
