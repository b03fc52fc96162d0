// /api/v1/dev/outbox: outside production, the messages the development delivery adapter stored for a
// phone number or e-mail address, newest first, so a new user can read their one-time code.
import { normalisePhone } from '@lumbung/core';
import { Type } from '@sinclair/typebox';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { flushDeliveries } from '../delivery/delivery-port';
import { readOutbox } from '../delivery/outbox-adapter';
import { normaliseEmail } from '../identity/identifier';
import type { ServiceContext } from '../services/service-context';

const OutboxQuery = Type.Object(
  { to: Type.String({ minLength: 1, maxLength: 254 }) },
  { additionalProperties: false },
);

export function devRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/api/v1/dev/outbox',
    { config: { access: 'public' }, schema: { querystring: OutboxQuery, hide: true } },
    async (request, reply) => {
      if (ctx.config.env === 'production') return sendProblem(request, reply, 'not_found');
      const typed = request.query.to;
      const phone = normalisePhone(typed);
      const to = typed.includes('@') ? normaliseEmail(typed) : phone.ok ? phone.value : undefined;
      if (!to) return sendProblem(request, reply, 'validation_failed');
      await flushDeliveries();
      return reply.send({ messages: await readOutbox(ctx, to) });
    },
  );
}
