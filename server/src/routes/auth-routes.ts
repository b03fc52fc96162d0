// /api/v1/auth: registration, sign-in (password, then a one-time or authenticator code), sign-out,
// the current session, and forgotten passwords. Sessions arrive as an HttpOnly cookie, or as a bearer
// token when the client asks for one (issueBearer: true, for API clients without cookies).
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ROLES, principalOf } from '../http/access';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { clearSessionCookie, csrfTokenOfRequest, setSessionCookie } from '../http/session-auth';
import { deviceLabel } from '../identity/device-service';
import { completePasswordReset, startPasswordReset } from '../identity/password-reset-service';
import { completeRegistration, startRegistration } from '../identity/registration-service';
import { recordSignInEvent } from '../identity/sign-in-events';
import { revokeSessionById, type NewSession } from '../identity/session-service';
import { signIn, verifySignIn } from '../identity/sign-in-service';
import { getUser, publicUser, type PublicUser } from '../identity/user-store';
import type { ServiceContext } from '../services/service-context';

const Text = (maxLength: number) => Type.String({ maxLength });
const Code = Type.String({ minLength: 1, maxLength: 12 });
const IssueBearer = Type.Optional(Type.Boolean());

const RegisterBody = Type.Object(
  {
    nik: Text(64),
    kpj: Text(64),
    fullName: Text(200),
    birthDate: Text(10),
    phone: Text(64),
    email: Text(254),
    password: Text(1024),
    channel: Type.Union([Type.Literal('sms'), Type.Literal('email')]),
    language: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
const RegisterVerifyBody = Type.Object(
  { registrationId: Text(64), code: Code, issueBearer: IssueBearer },
  { additionalProperties: false },
);
const SignInBody = Type.Object(
  {
    identifier: Text(254),
    password: Text(1024),
    deviceId: Type.Optional(Text(100)),
    issueBearer: IssueBearer,
  },
  { additionalProperties: false },
);
const SignInVerifyBody = Type.Object(
  {
    challengeId: Text(64),
    code: Code,
    rememberDevice: Type.Optional(Type.Boolean()),
    issueBearer: IssueBearer,
  },
  { additionalProperties: false },
);
const ForgotBody = Type.Object({ identifier: Text(254) }, { additionalProperties: false });
const ResetBody = Type.Object(
  { challengeId: Text(64), code: Code, newPassword: Text(1024) },
  { additionalProperties: false },
);

export function originOf(request: FastifyRequest): { deviceLabel: string; ip: string | null } {
  return { deviceLabel: deviceLabel(request.headers['user-agent']), ip: request.ip || null };
}

/** The signed-in answer: a cookie for the web app, or the token itself when asked for a bearer. */
function signedIn(
  ctx: ServiceContext,
  reply: FastifyReply,
  user: PublicUser,
  session: NewSession,
  issueBearer: boolean | undefined,
): { user: PublicUser; csrfToken: string; bearerToken?: string } {
  if (issueBearer) return { user, csrfToken: session.csrfToken, bearerToken: session.token };
  setSessionCookie(reply, ctx, session.token, session.expiresAt);
  return { user, csrfToken: session.csrfToken };
}

export function authRoutes(app: App, ctx: ServiceContext): void {
  const publicAccess = { access: 'public' as const };

  app.post(
    '/api/v1/auth/register',
    { config: publicAccess, schema: { body: RegisterBody } },
    async (request, reply) => {
      const result = await startRegistration(ctx, request.body, originOf(request));
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(202).send(result.value);
    },
  );

  app.post(
    '/api/v1/auth/register/verify',
    { config: publicAccess, schema: { body: RegisterVerifyBody } },
    async (request, reply) => {
      const result = await completeRegistration(ctx, request.body, originOf(request));
      if (!result.ok) return sendProblem(request, reply, result);
      return reply
        .code(201)
        .send(signedIn(ctx, reply, result.value.user, result.value.session, request.body.issueBearer));
    },
  );

  app.post(
    '/api/v1/auth/sign-in',
    { config: publicAccess, schema: { body: SignInBody } },
    async (request, reply) => {
      const result = await signIn(ctx, request.body, originOf(request));
      if (!result.ok) return sendProblem(request, reply, result);
      const outcome = result.value;
      if (outcome.status !== 'signed_in') return reply.send(outcome);
      return reply.send({
        status: 'signed_in',
        ...signedIn(ctx, reply, outcome.user, outcome.session, request.body.issueBearer),
      });
    },
  );

  app.post(
    '/api/v1/auth/sign-in/verify',
    { config: publicAccess, schema: { body: SignInVerifyBody } },
    async (request, reply) => {
      const { challengeId, code, rememberDevice, issueBearer } = request.body;
      const result = await verifySignIn(
        ctx,
        { challengeId, code, rememberDevice: rememberDevice ?? false },
        originOf(request),
      );
      if (!result.ok) return sendProblem(request, reply, result);
      const { user, session, deviceId } = result.value;
      return reply.send({
        status: 'signed_in',
        ...signedIn(ctx, reply, user, session, issueBearer),
        ...(deviceId ? { deviceId } : {}),
      });
    },
  );

  app.post('/api/v1/auth/sign-out', { config: { access: ROLES } }, async (request, reply) => {
    const principal = principalOf(request);
    await revokeSessionById(ctx, principal.userId, principal.sessionId, 'signed_out');
    const user = await getUser(ctx.db, principal.userId);
    await recordSignInEvent(ctx, ctx.db, user, 'signed_out', originOf(request));
    clearSessionCookie(reply, ctx);
    return reply.code(204).send();
  });

  app.get('/api/v1/auth/session', { config: { access: ROLES } }, async (request, reply) => {
    const principal = principalOf(request);
    const user = await getUser(ctx.db, principal.userId);
    return reply.send({ user: publicUser(user), csrfToken: csrfTokenOfRequest(request) });
  });

  app.post(
    '/api/v1/auth/password/forgot',
    { config: publicAccess, schema: { body: ForgotBody } },
    async (request, reply) => {
      const result = await startPasswordReset(ctx, request.body, originOf(request));
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(202).send(result.value);
    },
  );

  app.post(
    '/api/v1/auth/password/reset',
    { config: publicAccess, schema: { body: ResetBody } },
    async (request, reply) => {
      const result = await completePasswordReset(ctx, request.body, originOf(request));
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(204).send();
    },
  );
}
