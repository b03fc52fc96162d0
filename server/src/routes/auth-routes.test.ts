import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../identity/user-store';
import { currentTotp } from '../identity/totp';
import { lastCodeSentTo, registryMember, type RegistryMember } from '../identity/test-support';
import { createTestApp } from '../test/test-context';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const PASSWORD = 'kebun-kopi-di-lembang';

describe('auth API', () => {
  let test: TestApp;
  let ipSerial = 0;
  /** A fresh client address per call site keeps the per-IP limits out of tests that do not test them. */
  const freshIp = () => `10.0.${Math.floor(++ipSerial / 250)}.${ipSerial % 250}`;
  const post = (
    url: string,
    payload: object,
    extra: { ip?: string; headers?: Record<string, string>; cookies?: Record<string, string> } = {},
  ) =>
    test.app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: extra.ip ?? freshIp(),
      headers: extra.headers ?? {},
      cookies: extra.cookies ?? {},
    });

  async function register(member: RegistryMember, channel: 'sms' | 'email' = 'sms') {
    const response = await post('/api/v1/auth/register', {
      nik: member.nik,
      kpj: member.kpj,
      fullName: member.fullName.toUpperCase().replace('-', ' '),
      birthDate: member.birthDate,
      phone: member.phone.replace('+62', '0'),
      email: member.email.toUpperCase(),
      password: PASSWORD,
      channel,
    });
    return response;
  }

  async function registeredMember(): Promise<RegistryMember> {
    const member = await registryMember(test.ctx);
    const started = await register(member);
    const code = await lastCodeSentTo(test.ctx, member.phone);
    const verified = await post('/api/v1/auth/register/verify', {
      registrationId: started.json().registrationId,
      code,
    });
    expect(verified.statusCode).toBe(201);
    return member;
  }

  /** Signs in through the new-device code and returns the session cookie value. */
  async function signInWithCode(identifier: string, to: string, password = PASSWORD) {
    const first = await post('/api/v1/auth/sign-in', { identifier, password });
    expect(first.json().status).toBe('code_required');
    const code = await lastCodeSentTo(test.ctx, to);
    const second = await post('/api/v1/auth/sign-in/verify', {
      challengeId: first.json().challengeId,
      code,
      rememberDevice: false,
    });
    expect(second.statusCode).toBe(200);
    const cookie = second.cookies.find((c) => c.name === 'lumbung_session');
    return { cookie: cookie!.value, csrfToken: second.json().csrfToken as string };
  }

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

  describe('sessions and CSRF', () => {
    it('needs the CSRF header on a cookie POST, and signs out', async () => {
      const member = await registeredMember();
      const { cookie, csrfToken } = await signInWithCode(member.email, member.phone);
      const refused = await post('/api/v1/auth/sign-out', {}, { cookies: { lumbung_session: cookie } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('csrf_failed');
      const session = await test.app.inject({
        url: '/api/v1/auth/session',
        cookies: { lumbung_session: cookie },
      });
      expect(session.json().csrfToken).toBe(csrfToken);
      const signedOut = await post(
        '/api/v1/auth/sign-out',
        {},
        { cookies: { lumbung_session: cookie }, headers: { 'x-csrf-token': csrfToken } },
      );
      expect(signedOut.statusCode).toBe(204);
      expect(String(signedOut.headers['set-cookie'])).toContain('lumbung_session=;');
      const after = await test.app.inject({
        url: '/api/v1/auth/session',
        cookies: { lumbung_session: cookie },
      });
      expect(after.statusCode).toBe(401);
    });
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

  describe('data at rest', () => {
    it('keeps no plaintext NIK, phone or e-mail anywhere in the database', async () => {
      const member = await registeredMember();
      await signInWithCode(member.email, member.phone);
      await post('/api/v1/auth/password/forgot', { identifier: member.phone });
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
        test.ctx.db,
      );
      expect(tables.rows.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['users', 'sessions', 'challenges', 'dev_outbox', 'persons']),
      );
      let dump = '';
      for (const { table_name } of tables.rows) {
        const rows = await sql<{
          row: string;
        }>`select row_to_json(t)::text as row from ${sql.table(table_name)} t`.execute(test.ctx.db);
        dump += rows.rows.map((r) => r.row).join('\n');
      }
      expect(dump.length).toBeGreaterThan(1000);
      expect(dump).toContain(member.kpj); // sanity: the dump does contain the rows
      for (const secret of [
        member.nik,
        member.phone,
        member.phone.replace('+62', '0'),
        member.phone.slice(3),
        member.email,
      ]) {
        expect(dump.includes(secret), secret).toBe(false);
      }
    });

    it('refuses to change or delete audit log entries', async () => {
      const count = await test.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThan(0);
      await expect(test.ctx.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(test.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    });
  });
});
