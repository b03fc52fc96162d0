// Shared edge helpers for the staff and admin routes: the acting staff member from the principal, the
// access list of each route from the one role table, and refusals that are written to the audit log.
import { staffRoutes, type StaffRouteId } from '@lumbung/core/staff/staff-access-table';
import type { FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { App } from '../http/app';
import { isRefusalAudited, principalOf, type Access } from '../http/access';
import { sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { requireVerified, type VerificationState } from './verification-service';

export function actorOf(request: FastifyRequest): StaffActor {
  const principal = principalOf(request);
  return {
    userId: principal.userId,
    role: principal.role,
    displayName: principal.displayName,
    sessionId: principal.sessionId,
  };
}

/** Method, URL and access list of a route, exactly as the role table says. */
export function routeOf(id: StaffRouteId): { method: HTTPMethods; url: string; config: { access: Access } } {
  const spec = staffRoutes[id];
  return { method: spec.method, url: spec.path, config: { access: spec.roles } };
}

/**
 * Writes every other 403 of these routes to the audit log (a missing verification, above all). Role
 * refusals are written by the access check itself (http/access.ts), for every feature's routes.
 */
export function auditRefusals(app: App, ctx: ServiceContext): void {
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode !== 403 || !request.principal || isRefusalAudited(request)) return;
    const { principal } = request;
    const personId = Number((request.params as { personId?: string } | undefined)?.personId);
    await writeStaffAudit(
      ctx.db,
      ctx.clock.now(),
      {
        userId: principal.userId,
        role: principal.role,
        displayName: principal.displayName,
        sessionId: principal.sessionId,
      },
      {
        action: 'staff.forbidden',
        personId: Number.isSafeInteger(personId) && personId > 0 ? personId : null,
        reason: null,
        details: { method: request.method, route: request.routeOptions.url ?? request.url },
      },
    ).catch((error: unknown) => request.log.error({ err: error }, 'could not audit a refusal'));
  });
}

/** The verification state, or a 403 identity_not_verified (404 for an unknown member) already sent. */
export async function verifiedOrRefuse(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  personId: number,
): Promise<VerificationState | null> {
  const state = await requireVerified(ctx, actorOf(request), personId);
  if (state.ok) return state.value;
  await sendProblem(request, reply, state);
  return null;
}
