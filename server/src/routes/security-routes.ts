// /api/v1/me/security and /api/v1/me/contact: a signed-in user's own sessions, sign-in history,
// password, authenticator app and contact details.
import { Type } from '@sinclair/typebox';
import { ROLES, principalOf } from '../http/access';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { changePassword, disableTotp, enableTotp, setupTotp } from '../identity/account-security-service';
import { completeContactChange, startContactChange } from '../identity/contact-change-service';
import { signInHistory } from '../identity/sign-in-events';
import { listSessions, revokeSessionById } from '../identity/session-service';
import type { ServiceContext } from '../services/service-context';
import { originOf } from './auth-routes';

const Code = Type.String({ minLength: 1, maxLength: 12 });
const CodeBody = Type.Object({ code: Code }, { additionalProperties: false });
const PasswordBody = Type.Object(
  { currentPassword: Type.String({ maxLength: 1024 }), newPassword: Type.String({ maxLength: 1024 }) },
  { additionalProperties: false },
);
const SessionParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const ContactChangeBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('phone'), Type.Literal('email')]),
    newValue: Type.String({ maxLength: 254 }),
  },
  { additionalProperties: false },
);
const ContactVerifyBody = Type.Object(
  { changeId: Type.String({ maxLength: 64 }), oldCode: Code, newCode: Code },
  { additionalProperties: false },
);

export function securityRoutes(app: App, ctx: ServiceContext): void {
  const signedIn = { access: ROLES };

  app.get('/api/v1/me/security/sessions', { config: signedIn }, async (request) => {
    const principal = principalOf(request);
    return { sessions: await listSessions(ctx, principal.userId, principal.sessionId) };
  });

  app.delete(
    '/api/v1/me/security/sessions/:id',
    { config: signedIn, schema: { params: SessionParams } },
    async (request, reply) => {
      const principal = principalOf(request);
      const result = await revokeSessionById(ctx, principal.userId, request.params.id, 'revoked_by_user');
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(204).send();
    },
  );

  app.get('/api/v1/me/security/sign-ins', { config: signedIn }, async (request) => {
    return { signIns: await signInHistory(ctx, principalOf(request).userId) };
  });

  app.post(
    '/api/v1/me/security/password',
    { config: signedIn, schema: { body: PasswordBody } },
    async (request, reply) => {
      const principal = principalOf(request);
      const result = await changePassword(
        ctx,
        principal.userId,
        principal.sessionId,
        request.body,
        originOf(request),
      );
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(204).send();
    },
  );

  app.post('/api/v1/me/security/totp/setup', { config: signedIn }, async (request, reply) => {
    const result = await setupTotp(ctx, principalOf(request).userId);
    if (!result.ok) return sendProblem(request, reply, result);
    return reply.send(result.value);
  });

  app.post(
    '/api/v1/me/security/totp/enable',
    { config: signedIn, schema: { body: CodeBody } },
    async (request, reply) => {
      const result = await enableTotp(ctx, principalOf(request).userId, request.body.code);
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/me/security/totp/disable',
    { config: signedIn, schema: { body: CodeBody } },
    async (request, reply) => {
      const result = await disableTotp(ctx, principalOf(request).userId, request.body.code);
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/v1/me/contact/change',
    { config: signedIn, schema: { body: ContactChangeBody } },
    async (request, reply) => {
      const result = await startContactChange(ctx, principalOf(request).userId, request.body);
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(202).send(result.value);
    },
  );

  app.post(
    '/api/v1/me/contact/verify',
    { config: signedIn, schema: { body: ContactVerifyBody } },
    async (request, reply) => {
      const result = await completeContactChange(
        ctx,
        principalOf(request).userId,
        request.body,
        originOf(request),
      );
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.send(result.value);
    },
  );
}
