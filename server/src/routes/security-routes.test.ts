import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../http/app';
import { currentTotp } from '../identity/totp';
import { lastCodeSentTo, registryMember, type RegistryMember } from '../identity/test-support';
import { createTestApp } from '../test/test-context';

type TestApp = Awaited<ReturnType<typeof createTestApp>>;
const PASSWORD = 'kebun-kopi-di-lembang';

describe('security API', () => {
  let test: TestApp;
  let ipSerial = 0;
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: object) =>
    test.app.inject({
      method,
      url,
      remoteAddress: `10.1.0.${++ipSerial % 250}`,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const post = (url: string, payload: object) =>
    test.app.inject({ method: 'POST', url, payload, remoteAddress: `10.2.0.${++ipSerial % 250}` });

  /** A registered member and a bearer token from a full sign-in through the new-device code. */
  async function memberWithToken(): Promise<{ member: RegistryMember; token: string }> {
    const member = await registryMember(test.ctx);
    const started = await post('/api/v1/auth/register', {
      nik: member.nik,
      kpj: member.kpj,
      fullName: member.fullName,
      birthDate: member.birthDate,
      phone: member.phone,
      email: member.email,
      password: PASSWORD,
      channel: 'email',
    });
    const code = await lastCodeSentTo(test.ctx, member.email);
    const verified = await post('/api/v1/auth/register/verify', {
      registrationId: started.json().registrationId,
      code,
      issueBearer: true,
    });
    expect(verified.statusCode).toBe(201);
    return { member, token: verified.json().bearerToken };
  }

  async function signIn(identifier: string, to: string, password = PASSWORD): Promise<string> {
    const first = await post('/api/v1/auth/sign-in', { identifier, password });
    const code = await lastCodeSentTo(test.ctx, to);
    const second = await post('/api/v1/auth/sign-in/verify', {
      challengeId: first.json().challengeId,
      code,
      issueBearer: true,
    });
    expect(second.json().status).toBe('signed_in');
    return second.json().bearerToken;
  }

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  it('lists sessions with the current one flagged and revokes another', async () => {
    const { member, token } = await memberWithToken();
    const other = await signIn(member.kpj, member.email);
    const listed = await call('GET', '/api/v1/me/security/sessions', token);
    expect(listed.statusCode).toBe(200);
    const sessions = listed.json().sessions as Array<{ id: number; isCurrent: boolean; deviceLabel: string }>;
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s) => s.isCurrent)).toHaveLength(1);
    const otherId = sessions.find((s) => !s.isCurrent)!.id;
    expect((await call('DELETE', `/api/v1/me/security/sessions/${otherId}`, token)).statusCode).toBe(204);
    expect((await call('GET', '/api/v1/auth/session', other)).statusCode).toBe(401);
    expect((await call('DELETE', `/api/v1/me/security/sessions/${otherId}`, token)).json().code).toBe(
      'session_not_found',
    );

    // A member cannot revoke someone else's session.
    const stranger = await memberWithToken();
    const strangerSessions = (await call('GET', '/api/v1/me/security/sessions', stranger.token)).json()
      .sessions;
    expect(
      (await call('DELETE', `/api/v1/me/security/sessions/${strangerSessions[0].id}`, token)).statusCode,
    ).toBe(404);
    expect((await call('GET', '/api/v1/auth/session', stranger.token)).statusCode).toBe(200);
  });

  it('shows the sign-in history, wrong passwords included', async () => {
    const { member, token } = await memberWithToken();
    await post('/api/v1/auth/sign-in', { identifier: member.email, password: 'bukan-ini-sandinya' });
    const history = await call('GET', '/api/v1/me/security/sign-ins', token);
    const outcomes = (history.json().signIns as Array<{ outcome: string }>).map((e) => e.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['signed_in', 'wrong_password']));
  });

  it('changes the password and signs out every other session', async () => {
    const { member, token } = await memberWithToken();
    const other = await signIn(member.email, member.email);
    const wrong = await call('POST', '/api/v1/me/security/password', token, {
      currentPassword: 'salah-sandi-lama',
      newPassword: 'padi-menguning-2026',
    });
    expect(wrong.json()).toMatchObject({
      code: 'current_password_incorrect',
      errors: [{ field: 'currentPassword' }],
    });
    const common = await call('POST', '/api/v1/me/security/password', token, {
      currentPassword: PASSWORD,
      newPassword: 'qwerty123',
    });
    expect(common.json().code).toBe('password_too_common');
    const changed = await call('POST', '/api/v1/me/security/password', token, {
      currentPassword: PASSWORD,
      newPassword: 'padi-menguning-2026',
    });
    expect(changed.statusCode).toBe(204);
    expect((await call('GET', '/api/v1/auth/session', token)).statusCode).toBe(200);
    expect((await call('GET', '/api/v1/auth/session', other)).statusCode).toBe(401);
    expect(
      (
        await post('/api/v1/auth/sign-in', { identifier: member.email, password: 'padi-menguning-2026' })
      ).json().status,
    ).toBe('code_required');
  });

  it('sets up, enables and disables an authenticator; sign-in then asks for it', async () => {
    const { member, token } = await memberWithToken();
    const setup = await call('POST', '/api/v1/me/security/totp/setup', token);
    expect(setup.json()).toMatchObject({
      secret: expect.stringMatching(/^[A-Z2-7]{16,}$/),
      otpauthUrl: expect.stringMatching(/^otpauth:\/\/totp\/Lumbung:/),
    });
    const secret = setup.json().secret as string;
    expect(
      (await call('POST', '/api/v1/me/security/totp/enable', token, { code: '000000' })).json().code,
    ).toBe('totp_invalid');
    expect(
      (
        await call('POST', '/api/v1/me/security/totp/enable', token, {
          code: currentTotp(secret, test.clock.now()),
        })
      ).statusCode,
    ).toBe(204);

    test.clock.advanceMs(30_000);
    const first = await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: PASSWORD });
    expect(first.json().status).toBe('totp_required');
    const verified = await post('/api/v1/auth/sign-in/verify', {
      challengeId: first.json().challengeId,
      code: currentTotp(secret, test.clock.now()),
    });
    expect(verified.json().status).toBe('signed_in');

    test.clock.advanceMs(30_000);
    expect(
      (
        await call('POST', '/api/v1/me/security/totp/disable', token, {
          code: currentTotp(secret, test.clock.now()),
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await post('/api/v1/auth/sign-in', { identifier: member.kpj, password: PASSWORD })).json().status,
    ).toBe('code_required');
  });

  it('changes the phone number only with codes from the old and the new phone', async () => {
    const { member, token } = await memberWithToken();
    const newPhone = '+6285700001111';
    const started = await call('POST', '/api/v1/me/contact/change', token, {
      kind: 'phone',
      newValue: '0857-0000-1111',
    });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({
      changeId: expect.any(String),
      kind: 'phone',
      oldChannel: 'sms',
      newMaskedDestination: '+62 857****1111',
    });
    const oldCode = (await lastCodeSentTo(test.ctx, member.phone))!;
    const newCode = (await lastCodeSentTo(test.ctx, newPhone))!;
    const swapped = await call('POST', '/api/v1/me/contact/verify', token, {
      changeId: started.json().changeId,
      oldCode: newCode,
      newCode: oldCode,
    });
    expect(swapped.json().code).toBe(oldCode === newCode ? undefined : 'otp_invalid');

    const stranger = await memberWithToken();
    const foreign = await call('POST', '/api/v1/me/contact/verify', stranger.token, {
      changeId: started.json().changeId,
      oldCode,
      newCode,
    });
    expect(foreign.json().code).toBe('otp_expired');

    const done = await call('POST', '/api/v1/me/contact/verify', token, {
      changeId: started.json().changeId,
      oldCode,
      newCode,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toEqual({ kind: 'phone', masked: '+62 857****1111' });
    expect(
      (await post('/api/v1/auth/sign-in', { identifier: '085700001111', password: PASSWORD })).json().status,
    ).toBe('code_required');
    expect(
      (await post('/api/v1/auth/sign-in', { identifier: member.phone, password: PASSWORD })).json().code,
    ).toBe('invalid_credentials');

    const unchanged = await call('POST', '/api/v1/me/contact/change', token, {
      kind: 'phone',
      newValue: newPhone,
    });
    expect(unchanged.json().code).toBe('contact_unchanged');
    const taken = await call('POST', '/api/v1/me/contact/change', stranger.token, {
      kind: 'email',
      newValue: member.email,
    });
    const takenOld = await lastCodeSentTo(test.ctx, stranger.member.email);
    const takenNew = await lastCodeSentTo(test.ctx, member.email);
    const refused = await call('POST', '/api/v1/me/contact/verify', stranger.token, {
      changeId: taken.json().changeId,
      oldCode: takenOld,
      newCode: takenNew,
    });
    expect(refused.json().code).toBe('contact_unavailable');
  });

  it('shows development messages only outside production', async () => {
    const { member } = await memberWithToken();
    const outbox = await test.app.inject({
      url: `/api/v1/dev/outbox?to=${encodeURIComponent(member.email)}`,
    });
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json().messages[0]).toMatchObject({
      channel: 'email',
      to: member.email,
      text: expect.stringMatching(/\d{6}/),
    });
    // The same database behind an app that believes it runs in production.
    const production = await buildApp({ ...test.ctx, config: { ...test.ctx.config, env: 'production' } });
    try {
      const refused = await production.inject({
        url: `/api/v1/dev/outbox?to=${encodeURIComponent(member.email)}`,
      });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().code).toBe('not_found');
    } finally {
      await production.close();
    }
  });
});
