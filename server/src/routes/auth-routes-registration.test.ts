// Registration and its one-time codes through the auth API: identity matched against the registry,
// mismatches answered exactly like matches, password policy, and codes that die, expire and are used once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastCodeSentTo, registryMember } from '../identity/test-support';
import { createTestApp } from '../test/test-context';
import { authClient, PASSWORD, type TestApp } from './auth-routes-test-support';

describe('auth API: registration', () => {
  let test: TestApp;
  const { post, register } = authClient(() => test);

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  describe('registration', () => {
    it('registers a member whose identity matches, with the code sent by SMS', async () => {
      const member = await registryMember(test.ctx);
      const started = await register(member);
      expect(started.statusCode).toBe(202);
      expect(Object.keys(started.json()).sort()).toEqual([
        'channel',
        'expiresAt',
        'maskedDestination',
        'registrationId',
      ]);
      expect(started.json()).toMatchObject({
        channel: 'sms',
        maskedDestination: expect.stringMatching(/^\+62 812\*+\d{4}$/),
      });
      const code = await lastCodeSentTo(test.ctx, member.phone);
      expect(code).toMatch(/^\d{6}$/);

      const verified = await post('/api/v1/auth/register/verify', {
        registrationId: started.json().registrationId,
        code,
      });
      expect(verified.statusCode).toBe(201);
      expect(verified.json()).toMatchObject({
        user: { role: 'member', displayName: member.fullName, language: 'id' },
        csrfToken: expect.any(String),
      });
      const setCookie = String(verified.headers['set-cookie']);
      expect(setCookie).toMatch(/^lumbung_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Lax');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).not.toContain('Secure'); // only outside development and test

      const cookie = verified.cookies.find((c) => c.name === 'lumbung_session')!.value;
      const session = await test.app.inject({
        url: '/api/v1/auth/session',
        cookies: { lumbung_session: cookie },
      });
      expect(session.json()).toEqual({ user: verified.json().user, csrfToken: verified.json().csrfToken });

      // One account per person: a second registration never yields a usable code.
      const again = await register({ ...member, phone: '+6281399990000', email: 'other@contoh.id' });
      expect(again.statusCode).toBe(202);
      expect(await lastCodeSentTo(test.ctx, '+6281399990000')).toBeUndefined();
    });

    it('answers a mismatch exactly like a match, but no code ever works', async () => {
      const member = await registryMember(test.ctx);
      const cases = [
        { ...member, birthDate: '1990-04-13' },
        { ...member, fullName: 'Someone Else' },
        { ...member, kpj: '99999999990' },
        { ...member, nik: '3273011204909999' },
      ];
      for (const typed of cases) {
        const response = await register(typed, 'email');
        expect(response.statusCode).toBe(202);
        expect(Object.keys(response.json()).sort()).toEqual([
          'channel',
          'expiresAt',
          'maskedDestination',
          'registrationId',
        ]);
        expect(response.json().maskedDestination).toMatch(/^si\*\*\*@contoh\.id$/);
        const verify = await post('/api/v1/auth/register/verify', {
          registrationId: response.json().registrationId,
          code: '123456',
        });
        expect(verify.json().code).toBe('otp_invalid');
      }
      expect(await lastCodeSentTo(test.ctx, member.email)).toBeUndefined();
    });

    it('refuses short and common passwords and bad input with field errors', async () => {
      const member = await registryMember(test.ctx);
      const base = {
        nik: member.nik,
        kpj: member.kpj,
        fullName: member.fullName,
        birthDate: member.birthDate,
        phone: member.phone,
        email: member.email,
        channel: 'sms',
      };
      const short = await post('/api/v1/auth/register', { ...base, password: 'pendek' });
      expect(short.json()).toMatchObject({ code: 'password_too_short', errors: [{ field: 'password' }] });
      const common = await post('/api/v1/auth/register', { ...base, password: 'Bismillah123' });
      expect(common.json().code).toBe('password_too_common');
      const phone = await post('/api/v1/auth/register', {
        ...base,
        password: PASSWORD,
        phone: '021-555-1234',
      });
      expect(phone.json().code).toBe('phone_not_mobile');
      const extra = await post('/api/v1/auth/register', { ...base, password: PASSWORD, isAdmin: true });
      expect(extra.statusCode).toBe(400);
    });
  });

  describe('one-time codes', () => {
    it('kills a code after five wrong tries', async () => {
      const member = await registryMember(test.ctx);
      const started = await register(member);
      const code = (await lastCodeSentTo(test.ctx, member.phone))!;
      const wrong = code === '000000' ? '111111' : '000000';
      const answers: string[] = [];
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const response = await post('/api/v1/auth/register/verify', {
          registrationId: started.json().registrationId,
          code: wrong,
        });
        answers.push(response.json().code);
      }
      expect(answers).toEqual(['otp_invalid', 'otp_invalid', 'otp_invalid', 'otp_invalid', 'otp_locked']);
      const right = await post('/api/v1/auth/register/verify', {
        registrationId: started.json().registrationId,
        code,
      });
      expect(right.statusCode).toBe(422);
      expect(right.json().code).toBe('otp_locked');
    });

    it('refuses an expired code and a reused code', async () => {
      const member = await registryMember(test.ctx);
      const started = await register(member);
      const code = await lastCodeSentTo(test.ctx, member.phone);
      test.clock.advanceMs(5 * 60_000 + 1_000);
      const late = await post('/api/v1/auth/register/verify', {
        registrationId: started.json().registrationId,
        code,
      });
      expect(late.json().code).toBe('otp_expired');

      const fresh = await register(member);
      const freshCode = await lastCodeSentTo(test.ctx, member.phone);
      const first = await post('/api/v1/auth/register/verify', {
        registrationId: fresh.json().registrationId,
        code: freshCode,
      });
      expect(first.statusCode).toBe(201);
      const reused = await post('/api/v1/auth/register/verify', {
        registrationId: fresh.json().registrationId,
        code: freshCode,
      });
      expect(reused.json().code).toBe('otp_used');
    });
  });
});
