// Every route declares who may call it (`config.access`); the app refuses to start otherwise. The
// check runs before the handler: 'public' passes, a role list needs a signed-in principal of a listed role.
// A signed-in user refused for their role is written to the audit log here, whichever feature owns the
// route, so no route can forget to.
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { writeAudit } from '../identity/audit-log';
import type { ServiceContext } from '../services/service-context';
import { sendProblem } from './problem';
import { isCsrfSatisfied, resolvePrincipal } from './session-auth';

export const ROLES = [
  'member',
  'employer_admin',
  'agent',
  'branch_officer',
  'claims_officer',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export type Access = 'public' | readonly Role[];

export interface Principal {
  readonly userId: number;
  readonly role: Role;
  readonly displayName: string;
  /** The member's person, for role 'member'. */
  readonly personId: number | null;
  /** The employer an employer_admin acts for. */
  readonly employerId: number | null;
  readonly sessionId: number;
  readonly via: 'cookie' | 'bearer';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function assertRouteDeclaresAccess(route: RouteOptions): void {
  const access = route.config?.access;
  const isApi = route.url.startsWith('/api/');
  if (isApi && access === undefined) {
    throw new Error(`route ${String(route.method)} ${route.url} does not declare config.access`);
  }
}

export function accessHook(ctx: ServiceContext) {
  return async function checkAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const access = request.routeOptions.config.access;
    request.principal = await resolvePrincipal(request, reply, ctx);
    if (request.principal && !isCsrfSatisfied(request, request.principal)) {
      // A cookie write without the CSRF token: a public route runs as anonymous, a protected one refuses.
      if (access === undefined || access === 'public') {
        request.principal = null;
        return;
      }
      await sendProblem(request, reply, 'csrf_failed');
      return;
    }
    if (access === undefined || access === 'public') return;
    if (!request.principal) {
      await sendProblem(request, reply, 'unauthenticated');
      return;
    }
    if (!access.includes(request.principal.role)) {
      request.log.warn(
        { userId: request.principal.userId, role: request.principal.role, url: request.url },
        'forbidden',
      );
      await auditRoleRefusal(ctx, request, request.principal);
      await sendProblem(request, reply, 'forbidden');
    }
  };
}

const auditedRefusals = new WeakSet<FastifyRequest>();

/**
 * Marks a 403 as already on the audit log (by the role check below, or by the service that refused
 * with its own details), so the staff console's refusal hook does not write it a second time.
 */
export function markRefusalAudited(request: FastifyRequest): void {
  auditedRefusals.add(request);
}

export function isRefusalAudited(request: FastifyRequest): boolean {
  return auditedRefusals.has(request);
}

const STAFF_AREA = /^\/api\/v1\/(staff|admin)\//;

async function auditRoleRefusal(ctx: ServiceContext, request: FastifyRequest, principal: Principal) {
  const route = request.routeOptions.url ?? request.url;
  const personId = Number((request.params as { personId?: string } | undefined)?.personId);
  await writeAudit(ctx.db, {
    at: ctx.clock.now(),
    actorUserId: principal.userId,
    actorRole: principal.role,
    action: STAFF_AREA.test(route) ? 'staff.forbidden' : 'access.forbidden',
    subjectPersonId: Number.isSafeInteger(personId) && personId > 0 ? personId : null,
    details: { method: request.method, route, sessionId: principal.sessionId },
  });
  markRefusalAudited(request);
}

/** The principal of a route that declared roles; the access hook guarantees it is there. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf on a route without a signed-in principal');
  return request.principal;
}
