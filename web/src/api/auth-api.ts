// Identity endpoints (issue 5): registration, sign-in with new-device and authenticator codes,
// password reset, sign-out, and the session probe.
import { api, ProblemError, setCsrfToken } from './client';
import type { RegisterResponse, SessionResponse, SessionUser, SignInResponse } from './types';

const deviceKey = 'lumbung.deviceId';

export function storedDeviceId(): string | undefined {
  try {
    return localStorage.getItem(deviceKey) ?? undefined;
  } catch {
    return undefined;
  }
}

function rememberDeviceId(deviceId: string | undefined): void {
  if (!deviceId) return;
  try {
    localStorage.setItem(deviceKey, deviceId);
  } catch {
    // Private mode: the next sign-in asks for a code again, which is safe.
  }
}

export async function fetchSession(): Promise<SessionUser | null> {
  try {
    const session = await api<SessionResponse>('/api/v1/auth/session', { isAuthProbe: true });
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (error instanceof ProblemError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export interface RegisterInput {
  readonly nik: string;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly password: string;
  readonly channel: 'sms' | 'email';
}

export function register(input: RegisterInput): Promise<RegisterResponse> {
  return api<RegisterResponse>('/api/v1/auth/register', { method: 'POST', body: input, isAuthProbe: true });
}

export async function verifyRegistration(registrationId: string, code: string): Promise<SessionUser> {
  const result = await api<SessionResponse>('/api/v1/auth/register/verify', {
    method: 'POST',
    body: { registrationId, code },
    isAuthProbe: true,
  });
  setCsrfToken(result.csrfToken);
  return result.user;
}

export async function signIn(identifier: string, password: string): Promise<SignInResponse> {
  const deviceId = storedDeviceId();
  const result = await api<SignInResponse>('/api/v1/auth/sign-in', {
    method: 'POST',
    body: deviceId ? { identifier, password, deviceId } : { identifier, password },
    isAuthProbe: true,
  });
  if (result.status === 'signed_in') {
    setCsrfToken(result.csrfToken);
    rememberDeviceId(result.deviceId);
  }
  return result;
}

export async function verifySignIn(
  challengeId: string,
  code: string,
  rememberDevice: boolean,
): Promise<SessionUser> {
  const result = await api<SignInResponse>('/api/v1/auth/sign-in/verify', {
    method: 'POST',
    body: { challengeId, code, rememberDevice },
    isAuthProbe: true,
  });
  if (result.status !== 'signed_in') throw new Error(`unexpected sign-in status ${result.status}`);
  setCsrfToken(result.csrfToken);
  rememberDeviceId(result.deviceId);
  return result.user;
}

export async function signOut(): Promise<void> {
  try {
    await api<unknown>('/api/v1/auth/sign-out', { method: 'POST', isAuthProbe: true });
  } finally {
    setCsrfToken(null);
  }
}

export function forgotPassword(identifier: string): Promise<{ challengeId: string }> {
  return api('/api/v1/auth/password/forgot', { method: 'POST', body: { identifier }, isAuthProbe: true });
}

export function resetPassword(challengeId: string, code: string, newPassword: string): Promise<unknown> {
  return api('/api/v1/auth/password/reset', {
    method: 'POST',
    body: { challengeId, code, newPassword },
    isAuthProbe: true,
  });
}

/** Development servers expose an outbox of sent codes; production answers 404. */
export async function isDevOutboxAvailable(): Promise<boolean> {
  try {
    // '0' passes the query schema, so production answers 404 from the handler, not a 400 from validation.
    const response = await fetch('/api/v1/dev/outbox?to=0', { credentials: 'same-origin' });
    return response.status !== 404;
  } catch {
    return false;
  }
}
