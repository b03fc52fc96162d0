// Forgotten passwords through the auth API: the same answer for known and unknown identifiers, a reset
// that revokes every session and lifts the sign-in lock of every identifier (KPJ included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushDeliveries } from '../delivery/delivery-port';
import { readOutbox } from '../delivery/outbox-adapter';
import { lastCodeSentTo } from '../identity/test-support';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';
import { authClient, PASSWORD, type TestApp } from './auth-routes-test-support';

describe('auth API: forgotten password', () => {
  let test: TestApp;
  const { post, registeredMember, signInWithCode } = authClient(() => test);

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  describe('forgotten password', () => {
    it('answers known and unknown identifiers alike, and a reset revokes every session', async () => {
      const member = await registeredMember();
      const known = await post('/api/v1/auth/password/forgot', { identifier: member.email });
      const unknown = await post('/api/v1/auth/password/forgot', { identifier: 'siapa.saja@contoh.id' });
      expect(known.statusCode).toBe(202);
      expect(unknown.statusCode).toBe(202);
      expect(Object.keys(known.json())).toEqual(['challengeId']);
      expect(Object.keys(unknown.json())).toEqual(['challengeId']);
      expect(known.json().challengeId).toHaveLength(unknown.json().challengeId.length);
      expect(await lastCodeSentTo(test.ctx, 'siapa.saja@contoh.id')).toBeUndefined();

      const { cookie } = await signInWithCode(member.kpj, member.phone);
      const emailCode = await lastCodeSentTo(test.ctx, member.email);
      expect(emailCode).toMatch(/^\d{6}$/);
      const weak = await post('/api/v1/auth/password/reset', {
        challengeId: known.json().challengeId,
        code: emailCode,
        newPassword: 'password123',
      });
      expect(weak.json().code).toBe('password_too_common');
      const reset = await post('/api/v1/auth/password/reset', {
        challengeId: known.json().challengeId,
        code: emailCode,
        newPassword: 'sawah-hijau-di-ubud',
      });
      expect(reset.statusCode).toBe(204);
      expect(
        (await test.app.inject({ url: '/api/v1/auth/session', cookies: { lumbung_session: cookie } }))
          .statusCode,
      ).toBe(401);
      expect(
        (await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: PASSWORD })).json().code,
      ).toBe('invalid_credentials');
      expect(
        (
          await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: 'sawah-hijau-di-ubud' })
        ).json().status,
      ).toBe('code_required');
      const decoy = await post('/api/v1/auth/password/reset', {
        challengeId: unknown.json().challengeId,
        code: '123456',
        newPassword: 'sawah-hijau-di-ubud',
      });
      expect(decoy.json().code).toBe('otp_invalid');
    });
  });
  it('lifts the lock of the KPJ too: a locked KPJ signs in right after a reset', async () => {
    const member = await registeredMember();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: 'salah-salah-salah' });
    }
    const locked = await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: PASSWORD });
    expect(locked.json().code).toBe('sign_in_locked');
    const forgot = await post('/api/v1/auth/password/forgot', { identifier: member.phone });
    const reset = await post('/api/v1/auth/password/reset', {
      challengeId: forgot.json().challengeId,
      code: await lastCodeSentTo(test.ctx, member.phone),
      newPassword: 'sawah-hijau-di-ubud',
    });
    expect(reset.statusCode).toBe(204);
    const after = await post('/api/v1/auth/sign-in', {
      identifier: member.kpj,
      password: 'sawah-hijau-di-ubud',
    });
    expect(after.json().status).toBe('code_required');
  });

  it('a reset started at the desk: staff see only where it went, the member finishes from the link', async () => {
    const member = await registeredMember();
    const { cookie } = await signInWithCode(member.email, member.phone);
    const officer = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'branch_officer' })}` };
    const desk = (path: string, payload: object) =>
      test.app.inject({
        method: 'POST',
        url: `/api/v1/staff/members/${member.personId}${path}`,
        headers: officer,
        payload,
      });
    const verified = await desk('/verifications', {
      channel: 'branch',
      idCardSeen: true,
      photoMatches: true,
      nik: member.nik,
      reason: 'member at the counter, forgot password',
    });
    expect(verified.json().outcome).toBe('passed');

    const started = await desk('/password-reset', { reason: 'member forgot password' });
    expect(started.statusCode).toBe(200);
    expect(started.json()).toEqual({
      channel: 'sms',
      maskedDestination: expect.stringMatching(/^\+62 812\*+\d{4}$/),
    });
    expect(started.body).not.toMatch(/\b\d{6}\b/);

    await flushDeliveries();
    const [message] = await readOutbox(test.ctx, member.phone);
    const link = /https?:\/\/\S+\/lupa-kata-sandi\?c=([A-Za-z0-9_-]+)/.exec(message?.text ?? '');
    const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
    expect(link, message?.text).not.toBeNull();
    expect(code).toMatch(/^\d{6}$/);
    expect(started.body).not.toContain(link![1]);

    const reset = await post('/api/v1/auth/password/reset', {
      challengeId: link![1],
      code,
      newPassword: 'sawah-hijau-di-ubud',
    });
    expect(reset.statusCode).toBe(204);
    const session = await test.app.inject({
      url: '/api/v1/auth/session',
      cookies: { lumbung_session: cookie },
    });
    expect(session.statusCode).toBe(401);
    expect(
      (
        await post('/api/v1/auth/sign-in', { identifier: member.email, password: 'sawah-hijau-di-ubud' })
      ).json().status,
    ).toBe('code_required');
    const audit = await test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'details'])
      .where('subject_person_id', '=', member.personId)
      .where('action', 'in', ['staff.password_reset_sent', 'password_reset'])
      .orderBy('audit_id')
      .execute();
    expect(audit.map((entry) => [entry.action, entry.reason])).toEqual([
      ['staff.password_reset_sent', 'member forgot password'],
      ['password_reset', null],
    ]);
    expect(JSON.stringify(audit)).not.toContain(link![1]);
  });
});
