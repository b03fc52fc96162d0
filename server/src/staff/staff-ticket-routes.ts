// The help-request queue at the call centre and branch: list open tickets, read one with its thread,
// open a file sent with it, answer, close. The ticket service (portal feature) does the reading and
// writing and audits staff replies and closings; the queue and thread reads are audited here
// (staff-ticket-reads.ts), an attachment's download by ticket-attachment-service.
import { Type } from '@sinclair/typebox';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { sendTicketAttachment } from '../routes/ticket-attachment-reply';
import type { ServiceContext } from '../services/service-context';
import { readTicketAttachmentForStaff } from '../ticket/ticket-attachment-service';
import { closeTicket, replyToTicket } from '../ticket/ticket-service';
import { actorOf, routeOf } from './staff-route-support';
import { ticketQueueForStaff, ticketThreadForStaff } from './staff-ticket-reads';

const TicketParams = Type.Object({ ticketId: Type.Integer({ minimum: 1 }) });
const AttachmentParams = Type.Object({
  ticketId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  attachmentId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});
const ReplyBody = Type.Object({ body: Type.String({ maxLength: 5000 }) }, { additionalProperties: false });
const QueueQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) });

export function staffTicketRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    ...routeOf('ticketQueue'),
    schema: { querystring: QueueQuery },
    handler: async (request) => {
      const { limit } = request.query;
      return {
        tickets: await ticketQueueForStaff(ctx, actorOf(request), limit === undefined ? {} : { limit }),
      };
    },
  });

  app.route({
    ...routeOf('ticketThread'),
    schema: { params: TicketParams },
    handler: async (request, reply) => {
      const ticket = await ticketThreadForStaff(ctx, actorOf(request), request.params.ticketId);
      return ticket ?? sendProblem(request, reply, 'not_found');
    },
  });

  // Inline, for the console's viewer frame (the member's own download is in routes/ticket-routes.ts).
  app.route({
    ...routeOf('ticketAttachment'),
    schema: { params: AttachmentParams },
    handler: async (request, reply) => {
      const { ticketId, attachmentId } = request.params;
      const file = await readTicketAttachmentForStaff(ctx, actorOf(request), ticketId, attachmentId);
      if (!file.ok && file.code === 'ticket_attachment_damaged') {
        request.log.error({ ticketId, attachmentId }, 'ticket attachment does not match its SHA-256');
      }
      return file.ok ? sendTicketAttachment(reply, file.value, 'inline') : sendProblem(request, reply, file);
    },
  });

  app.route({
    ...routeOf('replyTicket'),
    schema: { params: TicketParams, body: ReplyBody },
    handler: async (request, reply) => {
      const { ticketId } = request.params;
      const replied = await replyToTicket(ctx, actorOf(request), ticketId, request.body.body);
      return replied.ok ? replied.value : sendProblem(request, reply, replied);
    },
  });

  app.route({
    ...routeOf('closeTicket'),
    schema: { params: TicketParams },
    handler: async (request, reply) => {
      const { ticketId } = request.params;
      const closed = await closeTicket(ctx, actorOf(request), ticketId);
      return closed.ok ? closed.value : sendProblem(request, reply, closed);
    },
  });
}
