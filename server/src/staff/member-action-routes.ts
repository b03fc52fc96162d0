// Staff actions on a verified member: SMS link, password-reset code, contact update, KPJ merge, card
// reissue, tickets, and a claim opened on the member's behalf (the claims feature's service).
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { openClaimForMember } from '../claims/claim-staff-open-service';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { ClaimFields, IdempotencyKey } from '../routes/claim-routes';
import type { ServiceContext } from '../services/service-context';
import { TICKET_CATEGORIES } from '../ticket/ticket-service';
import { updateMemberContact } from './contact-update-service';
import { mergeKpj } from './kpj-merge-service';
import { reissueCard, sendPasswordResetCode } from './member-card-actions';
import { linkSmsPhone, unlinkSmsPhone } from './member-sms-actions';
import { memberTicketsForStaff, openTicketForMember } from './member-ticket-actions';
import { actorOf, routeOf, verifiedOrRefuse } from './staff-route-support';

const PersonParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) });
type PersonParamsType = typeof PersonParams.static;
const Reason = Type.String({ maxLength: 500 });
const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
const SmsLinkBody = Type.Object(
  { kpj: Type.String({ maxLength: 32 }), phone: Type.String({ maxLength: 32 }), reason: Reason },
  { additionalProperties: false },
);
const SmsUnlinkBody = Type.Object(
  {
    kpj: Type.Optional(Type.String({ maxLength: 32 })),
    phone: Type.String({ maxLength: 32 }),
    reason: Reason,
  },
  { additionalProperties: false },
);
const ContactBody = Type.Object(
  {
    phone: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 32 })])),
    email: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 254 })])),
    address: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 300 })])),
    reason: Reason,
  },
  { additionalProperties: false },
);
const MergeBody = Type.Object(
  { fromKpj: Type.String({ maxLength: 32 }), intoKpj: Type.String({ maxLength: 32 }), reason: Reason },
  { additionalProperties: false },
);
const TicketBody = Type.Object(
  {
    subject: Type.String({ maxLength: 200 }),
    body: Type.String({ maxLength: 5000 }),
    category: Type.Optional(Type.Union(TICKET_CATEGORIES.map((category) => Type.Literal(category)))),
  },
  { additionalProperties: false },
);

const StartClaimBody = Type.Object(
  {
    claim: Type.Object(ClaimFields, { additionalProperties: false }),
    idempotencyKey: IdempotencyKey,
    reason: Reason,
  },
  { additionalProperties: false },
);

/** The person id of a verified member, or null after a refusal has been sent. */
async function verifiedPerson(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<number | null> {
  const { personId } = request.params as PersonParamsType;
  return (await verifiedOrRefuse(ctx, request, reply, personId)) ? personId : null;
}

export function memberActionRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    ...routeOf('linkSmsPhone'),
    schema: { params: PersonParams, body: SmsLinkBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const body = request.body;
      const linked = await linkSmsPhone(ctx, actorOf(request), personId, body.kpj, body.phone, body.reason);
      return linked.ok ? linked.value : sendProblem(request, reply, linked);
    },
  });

  app.route({
    ...routeOf('unlinkSmsPhone'),
    schema: { params: PersonParams, body: SmsUnlinkBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const body = request.body;
      const unlinked = await unlinkSmsPhone(
        ctx,
        actorOf(request),
        personId,
        body.phone,
        body.kpj ?? null,
        body.reason,
      );
      return unlinked.ok ? unlinked.value : sendProblem(request, reply, unlinked);
    },
  });

  app.route({
    ...routeOf('sendPasswordReset'),
    schema: { params: PersonParams, body: ReasonBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const sent = await sendPasswordResetCode(ctx, actorOf(request), personId, request.body.reason);
      return sent.ok ? sent.value : sendProblem(request, reply, sent);
    },
  });

  app.route({
    ...routeOf('updateContact'),
    schema: { params: PersonParams, body: ContactBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const { reason, ...change } = request.body;
      const updated = await updateMemberContact(ctx, actorOf(request), personId, change, reason);
      return updated.ok ? updated.value : sendProblem(request, reply, updated);
    },
  });

  app.route({
    ...routeOf('mergeKpj'),
    schema: { params: PersonParams, body: MergeBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const body = request.body;
      const merged = await mergeKpj(ctx, actorOf(request), personId, body.fromKpj, body.intoKpj, body.reason);
      return merged.ok ? merged.value : sendProblem(request, reply, merged);
    },
  });

  app.route({
    ...routeOf('reissueCard'),
    schema: { params: PersonParams, body: ReasonBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const reissued = await reissueCard(ctx, actorOf(request), personId, request.body.reason);
      return reissued.ok ? reissued.value : sendProblem(request, reply, reissued);
    },
  });

  app.route({
    ...routeOf('memberTickets'),
    schema: { params: PersonParams },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      return { tickets: await memberTicketsForStaff(ctx, actorOf(request), personId) };
    },
  });

  app.route({
    ...routeOf('openTicket'),
    schema: { params: PersonParams, body: TicketBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const body = request.body as typeof TicketBody.static;
      const opened = await openTicketForMember(ctx, actorOf(request), personId, body);
      if (!opened.ok) return sendProblem(request, reply, opened);
      return reply.code(201).send(opened.value);
    },
  });

  // The claims feature's own opening (claim-staff-open-service.ts): a draft the member completes in the
  // portal; 201 for a new claim, 200 when the idempotency key had already opened it.
  app.route({
    ...routeOf('startClaim'),
    schema: { params: PersonParams, body: StartClaimBody },
    handler: async (request, reply) => {
      const personId = await verifiedPerson(ctx, request, reply);
      if (personId === null) return reply;
      const { claim, idempotencyKey, reason } = request.body as typeof StartClaimBody.static;
      const opened = await openClaimForMember(
        ctx,
        actorOf(request),
        personId,
        { ...claim, idempotencyKey },
        reason,
      );
      if (!opened.ok) return sendProblem(request, reply, opened);
      return reply.code(opened.value.isNew ? 201 : 200).send(opened.value.claim);
    },
  });
}
