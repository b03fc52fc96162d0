// Help tickets, member side: open one from the contact form, list them, read the thread, download a
// file sent with one, follow up.
import { Type } from '@sinclair/typebox';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { MEMBER, memberPersonId } from '../portal/member-request';
import type { ServiceContext } from '../services/service-context';
import { readMemberTicketAttachment } from '../ticket/ticket-attachment-service';
import {
  addMemberMessage,
  findMemberTicket,
  listMemberTickets,
  openTicket,
  TICKET_CATEGORIES,
} from '../ticket/ticket-service';
import { sendTicketAttachment } from './ticket-attachment-reply';

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  attachmentId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});
const TicketBody = Type.Object(
  {
    subject: Type.String({ maxLength: 1000 }),
    body: Type.String({ maxLength: 20_000 }),
    category: Type.Optional(Type.Union(TICKET_CATEGORIES.map((category) => Type.Literal(category)))),
  },
  { additionalProperties: false },
);
const MessageBody = Type.Object(
  { body: Type.String({ maxLength: 20_000 }) },
  { additionalProperties: false },
);

/** Posting is cheap for a member and costly for staff to read: a limit per signed-in address. */
const TICKET_WRITE_LIMIT = { max: 20, timeWindow: '1 hour' } as const;

export function ticketRoutes(app: App, ctx: ServiceContext): void {
  app.post(
    '/api/v1/me/tickets',
    { config: { ...MEMBER, rateLimit: TICKET_WRITE_LIMIT }, schema: { body: TicketBody } },
    async (request, reply) => {
      const opened = await openTicket(ctx, memberPersonId(request), request.body);
      if (!opened.ok) return sendProblem(request, reply, opened);
      return reply.code(201).send(opened.value);
    },
  );

  app.get('/api/v1/me/tickets', { config: MEMBER }, async (request) => ({
    tickets: await listMemberTickets(ctx, memberPersonId(request)),
  }));

  app.get(
    '/api/v1/me/tickets/:id',
    { config: MEMBER, schema: { params: IdParams } },
    async (request, reply) => {
      const ticket = await findMemberTicket(ctx, memberPersonId(request), request.params.id);
      return ticket ?? sendProblem(request, reply, 'not_found');
    },
  );

  // Another member's attachment answers 404, like their ticket.
  app.get(
    '/api/v1/me/tickets/:id/attachments/:attachmentId',
    { config: MEMBER, schema: { params: AttachmentParams } },
    async (request, reply) => {
      const { id, attachmentId } = request.params;
      const file = await readMemberTicketAttachment(ctx, memberPersonId(request), id, attachmentId);
      if (!file.ok && file.code === 'ticket_attachment_damaged') {
        request.log.error({ ticketId: id, attachmentId }, 'ticket attachment does not match its SHA-256');
      }
      return file.ok
        ? sendTicketAttachment(reply, file.value, 'attachment')
        : sendProblem(request, reply, file);
    },
  );

  app.post(
    '/api/v1/me/tickets/:id/messages',
    { config: { ...MEMBER, rateLimit: TICKET_WRITE_LIMIT }, schema: { params: IdParams, body: MessageBody } },
    async (request, reply) => {
      const added = await addMemberMessage(
        ctx,
        memberPersonId(request),
        request.params.id,
        request.body.body,
      );
      if (!added.ok) return sendProblem(request, reply, added);
      return reply.code(201).send(added.value);
    },
  );
}
