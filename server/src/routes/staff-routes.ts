// Staff console API (branch counter, call centre): find a member, verify identity, then read the
// member 360. Every route takes its roles from core/src/staff/staff-access-table.ts; reads of verified
// data need a passed verification in this staff session; every read is audited.
import { Type } from '@sinclair/typebox';
import {
  VERIFICATION_CHANNELS,
  channelChecklists,
  verificationChannelsFor,
} from '@lumbung/core/staff/verification-checklist';
import type { App } from '../http/app';
import { adminRoutes } from './admin-routes';
import { markRefusalAudited } from '../http/access';
import { sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';
import { memberAccessTrail } from '../staff/audit-log-service';
import { memberOverview } from '../staff/member-360-service';
import { memberBalances, memberContributions } from '../staff/member-ledger-view';
import { maskedMembers, searchMembers } from '../staff/member-search-service';
import { memberActionRoutes } from '../staff/member-action-routes';
import { staffTicketRoutes } from '../staff/staff-ticket-routes';
import { auditMemberRead } from '../staff/staff-read-audit';
import { writeStaffAudit, type StaffAuditAction } from '../staff/staff-audit';
import { actorOf, auditRefusals, routeOf, verifiedOrRefuse } from '../staff/staff-route-support';
import {
  personExists,
  recordVerification,
  verificationState,
  type VerificationState,
} from '../staff/verification-service';

export const PersonParams = Type.Object({ personId: Type.Integer({ minimum: 1 }) });
const Reason = Type.String({ maxLength: 500 });

const SearchBody = Type.Object(
  {
    nik: Type.Optional(Type.String({ maxLength: 64 })),
    kpj: Type.Optional(Type.String({ maxLength: 64 })),
    fullName: Type.Optional(Type.String({ maxLength: 200 })),
    birthDate: Type.Optional(Type.String({ maxLength: 10 })),
    reason: Reason,
  },
  { additionalProperties: false },
);

const VerifyBody = Type.Object(
  {
    channel: Type.Union(VERIFICATION_CHANNELS.map((channel) => Type.Literal(channel))),
    reason: Reason,
    idCardSeen: Type.Optional(Type.Boolean()),
    photoMatches: Type.Optional(Type.Boolean()),
    nik: Type.Optional(Type.String({ maxLength: 64 })),
    birthDate: Type.Optional(Type.String({ maxLength: 10 })),
    motherMaidenName: Type.Optional(Type.String({ maxLength: 200 })),
    lastEmployer: Type.Optional(Type.String({ maxLength: 200 })),
    phone: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);

/** Mounts the staff console and admin API in their own scope, where every 403 is audited. */
export async function staffConsoleRoutes(app: App, ctx: ServiceContext): Promise<void> {
  await app.register(async (scope) => {
    auditRefusals(scope, ctx);
    staffRoutes(scope, ctx);
    adminRoutes(scope, ctx);
  });
}

export function staffRoutes(app: App, ctx: ServiceContext): void {
  /** Audits a read of verified data with the reason given at verification. */
  const auditRead = async (
    actorRequest: Parameters<typeof actorOf>[0],
    state: VerificationState,
    personId: number,
    action: StaffAuditAction,
  ) =>
    writeStaffAudit(ctx.db, ctx.clock.now(), actorOf(actorRequest), {
      action,
      personId,
      reason: state.reason,
      details: { channel: state.channel },
    });

  app.route({
    ...routeOf('searchMembers'),
    schema: { body: SearchBody },
    handler: async (request, reply) => {
      const { reason, ...criteria } = request.body;
      const found = await searchMembers(ctx, actorOf(request), criteria, reason);
      if (!found.ok) return sendProblem(request, reply, found);
      return { results: found.value };
    },
  });

  app.route({
    ...routeOf('memberCard'),
    schema: { params: PersonParams },
    handler: async (request, reply) => {
      const { personId } = request.params;
      const actor = actorOf(request);
      const [card] = await maskedMembers(ctx, [personId]);
      if (!card) return sendProblem(request, reply, 'not_found');
      await auditMemberRead(ctx, ctx.db, actor, personId, 'staff.member_card_view');
      return {
        member: card,
        verification: await verificationState(ctx, actor, personId),
        checklists: channelChecklists,
        /** The checklists this staff member's role may record (agents: call centre only). */
        allowedChannels: verificationChannelsFor(actor.role),
      };
    },
  });

  app.route({
    ...routeOf('verifyIdentity'),
    schema: { params: PersonParams, body: VerifyBody },
    handler: async (request, reply) => {
      const { personId } = request.params;
      const { channel, reason, ...input } = request.body as typeof VerifyBody.static;
      const recorded = await recordVerification(ctx, actorOf(request), personId, channel, input, reason);
      // The service audited the refused channel with its details; the scope's 403 hook need not.
      if (!recorded.ok && recorded.code === 'verification_channel_not_allowed') markRefusalAudited(request);
      if (!recorded.ok) return sendProblem(request, reply, recorded);
      return recorded.value;
    },
  });

  app.route({
    ...routeOf('memberOverview'),
    schema: { params: PersonParams },
    handler: async (request, reply) => {
      const { personId } = request.params;
      const state = await verifiedOrRefuse(ctx, request, reply, personId);
      if (!state) return reply;
      await auditRead(request, state, personId, 'staff.member_view');
      return { ...(await memberOverview(ctx, personId)), verification: state };
    },
  });

  app.route({
    ...routeOf('memberBalances'),
    schema: { params: PersonParams },
    handler: async (request, reply) => {
      const { personId } = request.params;
      const state = await verifiedOrRefuse(ctx, request, reply, personId);
      if (!state) return reply;
      await auditRead(request, state, personId, 'staff.balance_view');
      return memberBalances(ctx, personId);
    },
  });

  app.route({
    ...routeOf('memberContributions'),
    schema: { params: PersonParams },
    handler: async (request, reply) => {
      const { personId } = request.params;
      const state = await verifiedOrRefuse(ctx, request, reply, personId);
      if (!state) return reply;
      await auditRead(request, state, personId, 'staff.contribution_view');
      return memberContributions(ctx, personId);
    },
  });

  app.route({
    ...routeOf('memberAccessLog'),
    schema: { params: PersonParams },
    handler: async (request, reply) => {
      const { personId } = request.params;
      if (!(await personExists(ctx, personId))) return sendProblem(request, reply, 'not_found');
      const state = await verifiedOrRefuse(ctx, request, reply, personId);
      if (!state) return reply;
      await auditRead(request, state, personId, 'staff.access_log_view');
      return { entries: await memberAccessTrail(ctx, personId) };
    },
  });

  memberActionRoutes(app, ctx);
  staffTicketRoutes(app, ctx);
}
