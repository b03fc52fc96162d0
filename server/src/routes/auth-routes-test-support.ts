// Helpers for the auth API tests (auth-routes-*.test.ts): requests from a fresh client address each,
// registering a registry member through the real code, and signing in through the new-device code.
import { expect } from 'vitest';
import { lastCodeSentTo, registryMember, type RegistryMember } from '../identity/test-support';
import type { createTestApp } from '../test/test-context';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
export const PASSWORD = 'kebun-kopi-di-lembang';

export interface RequestExtras {
  readonly ip?: string;
  readonly headers?: Record<string, string>;
  readonly cookies?: Record<string, string>;
}

export function authClient(getTest: () => TestApp) {
  let ipSerial = 0;
  /** A fresh client address per call site keeps the per-IP limits out of tests that do not test them. */
  const freshIp = () => `10.0.${Math.floor(++ipSerial / 250)}.${ipSerial % 250}`;
  const post = (url: string, payload: object, extra: RequestExtras = {}) =>
    getTest().app.inject({
      method: 'POST',
      url,
      payload,
      remoteAddress: extra.ip ?? freshIp(),
      headers: extra.headers ?? {},
      cookies: extra.cookies ?? {},
    });

  async function register(member: RegistryMember, channel: 'sms' | 'email' = 'sms') {
    return post('/api/v1/auth/register', {
      nik: member.nik,
      kpj: member.kpj,
      fullName: member.fullName.toUpperCase().replace('-', ' '),
      birthDate: member.birthDate,
      phone: member.phone.replace('+62', '0'),
      email: member.email.toUpperCase(),
      password: PASSWORD,
      channel,
    });
  }

  async function registeredMember(): Promise<RegistryMember> {
    const member = await registryMember(getTest().ctx);
    const started = await register(member);
    const code = await lastCodeSentTo(getTest().ctx, member.phone);
    const verified = await post('/api/v1/auth/register/verify', {
      registrationId: started.json<{ registrationId: string }>().registrationId,
      code,
    });
    expect(verified.statusCode).toBe(201);
    return member;
  }

  /** Signs in through the new-device code and returns the session cookie value. */
  async function signInWithCode(identifier: string, to: string, password = PASSWORD) {
    const first = await post('/api/v1/auth/sign-in', { identifier, password });
    expect(first.json<{ status: string }>().status).toBe('code_required');
    const code = await lastCodeSentTo(getTest().ctx, to);
    const second = await post('/api/v1/auth/sign-in/verify', {
      challengeId: first.json<{ challengeId: string }>().challengeId,
      code,
      rememberDevice: false,
    });
    expect(second.statusCode).toBe(200);
    const cookie = second.cookies.find((c) => c.name === 'lumbung_session');
    return { cookie: cookie!.value, csrfToken: second.json<{ csrfToken: string }>().csrfToken };
  }

  return { freshIp, post, register, registeredMember, signInWithCode };
}
