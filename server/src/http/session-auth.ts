// Resolves the signed-in principal from the session cookie (web app) or an Authorization: Bearer
// token (API clients): the same opaque session token either way. Cookie-authenticated writes must
// carry the session's CSRF token in x-csrf-token; bearer requests cannot be forged cross-site.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfTokenFor, safeEqualText } from '../identity/secrets';
import { findActiveSession } from '../identity/session-service';
import type { ServiceContext } from '../services/service-context';
import type { Principal } from './access';

export const SESSION_COOKIE = 'lumbung_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The raw session token of a request and where it came from. */
export function sessionTokenOf(
  request: FastifyRequest,
): { token: string; via: 'cookie' | 'bearer' } | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization.trim());
    return match?.[1] ? { token: match[1], via: 'bearer' } : undefined;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

export async function resolvePrincipal(
  request: FastifyRequest,
  _reply: FastifyReply,
  ctx: ServiceContext,
): Promise<Principal | null> {
  const presented = sessionTokenOf(request);
  if (!presented) return null;
  const session = await findActiveSession(ctx, presented.token);
  if (!session) return null;
  const { user } = session;
  return {
    userId: user.user_id,
    role: user.role,
    displayName: user.display_name,
    personId: user.person_id,
    employerId: user.employer_id,
    sessionId: session.sessionId,
    via: presented.via,
  };
}

/** True unless this is a cookie-authenticated write without the session's CSRF token. */
export function isCsrfSatisfied(request: FastifyRequest, principal: Principal): boolean {
  if (principal.via !== 'cookie' || SAFE_METHODS.has(request.method)) return true;
  const presented = sessionTokenOf(request);
  const header = request.headers[CSRF_HEADER];
  if (!presented || typeof header !== 'string') return false;
  return safeEqualText(header, csrfTokenFor(presented.token));
}

/** The CSRF token for the session this request presented (GET /auth/session returns it). */
export function csrfTokenOfRequest(request: FastifyRequest): string | undefined {
  const presented = sessionTokenOf(request);
  return presented ? csrfTokenFor(presented.token) : undefined;
}

export function setSessionCookie(
  reply: FastifyReply,
  ctx: ServiceContext,
  token: string,
  expiresAt: Date,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    secure: ctx.config.env === 'production',
    sameSite: 'lax',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, ctx: ServiceContext): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    secure: ctx.config.env === 'production',
    sameSite: 'lax',
    path: '/',
  });
}
