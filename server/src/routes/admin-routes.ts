// Admin API: staff users, the audit log, and rule-table rows. Roles come from the one role table
// (core/src/staff/staff-access-table.ts). News is published by the portal's news routes.
import { Type } from '@sinclair/typebox';
import type { App } from '../http/app';
import { fieldProblem, sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';
import { declareJhtReturn, getJhtReturnProgress, runJhtReturn } from '../jht-return/jht-return-service';
import { readAuditLogAs } from '../staff/audit-log-service';
import { addRuleRow, listRuleTables } from '../staff/rule-override-service';
import { writeStaffAudit } from '../staff/staff-audit';
import { actorOf, routeOf } from '../staff/staff-route-support';
import { addStaffUser, disableStaffUser, listStaffUsers } from '../staff/staff-user-service';

const CreateStaffBody = Type.Object(
  {
    email: Type.String({ maxLength: 254 }),
    displayName: Type.String({ maxLength: 100 }),
    role: Type.String({ maxLength: 32 }),
    language: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
const UserParams = Type.Object({ userId: Type.Integer({ minimum: 1 }) });
const AuditQuery = Type.Object(
  {
    actorUserId: Type.Optional(Type.Integer({ minimum: 1 })),
    personId: Type.Optional(Type.Integer({ minimum: 1 })),
    action: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z_.]+$' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);
const TableParams = Type.Object({ tableId: Type.String({ maxLength: 64, pattern: '^[a-z0-9_]+$' }) });
const RuleRowBody = Type.Object(
  {
    value: Type.Unknown(),
    validFrom: Type.String({ maxLength: 10 }),
    validTo: Type.Union([Type.Null(), Type.String({ maxLength: 10 })]),
    regulation: Type.String({ maxLength: 200 }),
    article: Type.String({ maxLength: 200 }),
    note: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 500 })])),
  },
  { additionalProperties: false },
);

const ReturnBody = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2200 }),
    rateBasisPoints: Type.Integer({ minimum: 0, maximum: 10_000 }),
  },
  { additionalProperties: false },
);
const YearParams = Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2200 }) });

export function adminRoutes(app: App, ctx: ServiceContext): void {
  app.route({
    ...routeOf('listStaffUsers'),
    handler: async () => ({ users: await listStaffUsers(ctx) }),
  });

  app.route({
    ...routeOf('createStaffUser'),
    schema: { body: CreateStaffBody },
    handler: async (request, reply) => {
      const created = await addStaffUser(ctx, actorOf(request), request.body);
      return created.ok ? reply.code(201).send(created.value) : sendProblem(request, reply, created);
    },
  });

  app.route({
    ...routeOf('disableStaffUser'),
    schema: { params: UserParams },
    handler: async (request, reply) => {
      const { userId } = request.params;
      const disabled = await disableStaffUser(ctx, actorOf(request), userId);
      return disabled.ok ? disabled.value : sendProblem(request, reply, disabled);
    },
  });

  app.route({
    ...routeOf('readAuditLog'),
    schema: { querystring: AuditQuery },
    handler: async (request) => {
      // Reading the log is itself on the log, written in the same transaction as the read.
      return { entries: await readAuditLogAs(ctx, actorOf(request), request.query) };
    },
  });

  app.route({
    ...routeOf('listRuleTables'),
    handler: async () => listRuleTables(ctx),
  });

  app.route({
    ...routeOf('addRuleRow'),
    schema: { params: TableParams, body: RuleRowBody },
    handler: async (request, reply) => {
      const { tableId } = request.params;
      const added = await addRuleRow(ctx, actorOf(request), tableId, request.body);
      if (added.ok) return reply.code(201).send(added.value);
      const errors =
        'fieldErrors' in added ? added.fieldErrors?.map((problem) => fieldProblem(problem)) : undefined;
      return sendProblem(request, reply, added, errors);
    },
  });

  // The yearly JHT return is the ledger feature's service; these routes let an admin declare and run it.
  app.route({
    ...routeOf('declareJhtReturn'),
    schema: { body: ReturnBody },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const declared = await declareJhtReturn(ctx, {
        ...request.body,
        declaredBy: `${actor.displayName} (user ${actor.userId})`,
        actor,
      });
      if (!declared.ok) return sendProblem(request, reply, declared);
      return reply.code(201).send(declared.value);
    },
  });

  app.route({
    ...routeOf('runJhtReturn'),
    schema: { params: YearParams },
    handler: async (request, reply) => {
      const ran = await runJhtReturn(ctx, request.params.year);
      if (!ran.ok) return sendProblem(request, reply, ran);
      await writeStaffAudit(ctx.db, ctx.clock.now(), actorOf(request), {
        action: 'admin.jht_return_run',
        personId: null,
        reason: null,
        details: { year: request.params.year, amountCreditedRupiah: ran.value.amountCreditedRupiah },
      });
      return ran.value;
    },
  });

  app.route({
    ...routeOf('jhtReturnProgress'),
    schema: { params: YearParams },
    handler: async (request, reply) => {
      const progress = await getJhtReturnProgress(ctx, request.params.year);
      return progress.ok ? progress.value : sendProblem(request, reply, progress);
    },
  });
}
