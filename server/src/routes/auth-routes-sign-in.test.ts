// Sign-in through the auth API: every identifier form, new-device codes and remembered devices, the same
// answer for unknown and wrong, progressive lockout, the per-IP limit and the staff authenticator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../identity/user-store';
import { currentTotp } from '../identity/totp';
import { lastCodeSentTo } from '../identity/test-support';
import { createTestApp } from '../test/test-context';
import { authClient, PASSWORD, type TestApp } from './auth-routes-test-support';

describe('auth API: sign-in', () => {
  let test: TestApp;
  const { post, registeredMember } = authClient(() => test);

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  describe('sign-in', () => {
    it('signs in by e-mail, any phone form or KPJ; a new device needs a code and can be remembered', async () => {
      const member = await registeredMember();
      const local = member.phone.replace('+62', '0');
      for (const identifier of [
        member.email.toUpperCase(),
        local,
        `${local.slice(0, 4)}-${local.slice(4, 8)}-${local.slice(8)}`,
        member.phone.slice(1),
        member.kpj,
      ]) {
        const response = await post('/api/v1/auth/sign-in', { identifier, password: PASSWORD });
        expect(response.json(), identifier).toMatchObject({
          status: 'code_required',
          channel: 'sms',
          challengeId: expect.any(String),
        });
      }
      const first = await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: PASSWORD });
      const code = await lastCodeSentTo(test.ctx, member.phone);
      const verified = await post('/api/v1/auth/sign-in/verify', {
        challengeId: first.json().challengeId,
        code,
        rememberDevice: true,
      });
      expect(verified.json()).toMatchObject({
        status: 'signed_in',
        user: { role: 'member' },
        csrfToken: expect.any(String),
        deviceId: expect.any(String),
      });

      const again = await post('/api/v1/auth/sign-in', {
        identifier: member.email,
        password: PASSWORD,
        deviceId: verified.json().deviceId,
      });
      expect(again.json()).toMatchObject({ status: 'signed_in', user: { role: 'member' } });
      expect(again.cookies.some((c) => c.name === 'lumbung_session')).toBe(true);

      const bearer = await post('/api/v1/auth/sign-in', {
        identifier: member.email,
        password: PASSWORD,
        deviceId: verified.json().deviceId,
        issueBearer: true,
      });
      const token = bearer.json().bearerToken as string;
      expect(bearer.cookies).toHaveLength(0);
      const session = await test.app.inject({
        url: '/api/v1/auth/session',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(session.statusCode).toBe(200);
    });

    it('gives the same answer for an unknown identifier and a wrong password', async () => {
      const member = await registeredMember();
      const wrongPassword = await post('/api/v1/auth/sign-in', {
        identifier: member.email,
        password: 'bukan-kata-sandinya',
      });
      const unknown = await post('/api/v1/auth/sign-in', {
        identifier: 'tidak.ada@contoh.id',
        password: 'bukan-kata-sandinya',
      });
      expect(wrongPassword.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json()).toEqual(wrongPassword.json());
      expect(wrongPassword.json().code).toBe('invalid_credentials');
    });

    it('locks an identifier progressively after five failures, known or not', async () => {
      const member = await registeredMember();
      for (const identifier of [member.kpj, '99000000018']) {
        for (let attempt = 0; attempt < 5; attempt += 1) {
          expect(
            (await post('/api/v1/auth/sign-in', { identifier, password: 'salah-salah-salah' })).json().code,
          ).toBe('invalid_credentials');
        }
        const locked = await post('/api/v1/auth/sign-in', { identifier, password: PASSWORD });
        expect(locked.statusCode).toBe(429);
        expect(locked.json()).toMatchObject({
          code: 'sign_in_locked',
          message: { en: 'Too many failed attempts. Try again in 1 minutes.' },
        });
      }
      test.clock.advanceMs(61_000);
      expect(
        (await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: 'salah-salah-salah' })).json()
          .code,
      ).toBe('invalid_credentials');
      const longer = await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: PASSWORD });
      expect(longer.json().message.en).toContain('2 minutes');
      test.clock.advanceMs(121_000);
      expect(
        (await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: PASSWORD })).json().status,
      ).toBe('code_required');
    });

    it('limits sign-in attempts per IP address', async () => {
      const ip = '192.0.2.77';
      const codes: number[] = [];
      for (let attempt = 0; attempt < 31; attempt += 1) {
        codes.push(
          (
            await post(
              '/api/v1/auth/sign-in',
              { identifier: `x${attempt}@contoh.id`, password: 'salah-salah-salah' },
              { ip },
            )
          ).statusCode,
        );
      }
      expect(codes.slice(0, 30).every((status) => status === 401)).toBe(true);
      expect(codes[30]).toBe(429);
    });

    it('always asks staff for the authenticator code, and accepts each code once', async () => {
      const secret = 'KVKFKRCPNZQUYMLXOVYDSQKJKZDTSRLD';
      await createStaffUser(test.ctx, {
        role: 'agent',
        email: 'agen@lumbung.test',
        displayName: 'Agen Satu',
        password: PASSWORD,
        totpSecret: secret,
      });
      const first = await post('/api/v1/auth/sign-in', {
        identifier: 'agen@lumbung.test',
        password: PASSWORD,
      });
      expect(first.json()).toEqual({ status: 'totp_required', challengeId: expect.any(String) });
      const wrong = await post('/api/v1/auth/sign-in/verify', {
        challengeId: first.json().challengeId,
        code: '000000',
        rememberDevice: true,
      });
      expect(wrong.json().code).toBe('otp_invalid');
      const code = currentTotp(secret, test.clock.now());
      const right = await post('/api/v1/auth/sign-in/verify', {
        challengeId: first.json().challengeId,
        code,
        rememberDevice: true,
      });
      expect(right.json()).toMatchObject({
        status: 'signed_in',
        user: { role: 'agent', displayName: 'Agen Satu' },
      });
      expect(right.json().deviceId).toBeUndefined(); // staff devices are never remembered

      const second = await post('/api/v1/auth/sign-in', {
        identifier: 'agen@lumbung.test',
        password: PASSWORD,
      });
      const replay = await post('/api/v1/auth/sign-in/verify', {
        challengeId: second.json().challengeId,
        code,
        rememberDevice: false,
      });
      expect(replay.json().code).toBe('otp_invalid');
    });
    it('locks the account after five wrong second-factor codes across challenges', async () => {
      const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
      await createStaffUser(test.ctx, {
        role: 'admin',
        email: 'admin2@lumbung.test',
        displayName: 'Admin Dua',
        password: PASSWORD,
        totpSecret: secret,
      });
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const first = await post('/api/v1/auth/sign-in', {
          identifier: 'admin2@lumbung.test',
          password: PASSWORD,
        });
        expect(first.json().status).toBe('totp_required');
        const wrong = await post('/api/v1/auth/sign-in/verify', {
          challengeId: first.json().challengeId,
          code: '999999',
        });
        expect(wrong.json().code).toBe('otp_invalid');
      }
      const locked = await post('/api/v1/auth/sign-in', {
        identifier: 'admin2@lumbung.test',
        password: PASSWORD,
      });
      expect(locked.json().code).toBe('sign_in_locked');
      test.clock.advanceMs(61_000);
      const first = await post('/api/v1/auth/sign-in', {
        identifier: 'admin2@lumbung.test',
        password: PASSWORD,
      });
      const right = await post('/api/v1/auth/sign-in/verify', {
        challengeId: first.json().challengeId,
        code: currentTotp(secret, test.clock.now()),
      });
      expect(right.json().status).toBe('signed_in');
    });
  });
});
