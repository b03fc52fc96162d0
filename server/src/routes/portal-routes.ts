// The member portal API under /api/v1/me: every route reads the signed-in member's own person only,
// so another person's KPJ or record is simply not found (404), never shown.
import { Type } from '@sinclair/typebox';
import { BENEFICIARY_RELATIONS } from '@lumbung/core/beneficiary/beneficiary';
import { cardRoutes } from '../card/card-routes';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { addBeneficiary, listBeneficiaries, removeBeneficiary } from '../portal/beneficiary-service';
import { memberDashboardRoutes } from '../portal/dashboard-routes';
import { MEMBER, memberPersonId } from '../portal/member-request';
import { getProfile, updateProfile } from '../portal/profile-service';
import type { ServiceContext } from '../services/service-context';
import { newsRoutes } from './news-routes';
import { statementRoutes } from './statement-routes';
import { ticketRoutes } from './ticket-routes';

const ProfileBody = Type.Object(
  {
    address: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 1000 })])),
    language: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);

const BeneficiaryBody = Type.Object(
  {
    name: Type.String({ maxLength: 500 }),
    relation: Type.Union(BENEFICIARY_RELATIONS.map((relation) => Type.Literal(relation))),
    nik: Type.String({ maxLength: 64 }),
    sharePercent: Type.Integer(),
  },
  { additionalProperties: false },
);

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });

/** The whole member portal: dashboard, card, profile, beneficiaries, statements, news and tickets. */
export async function portalRoutes(app: App, ctx: ServiceContext): Promise<void> {
  memberDashboardRoutes(app, ctx);
  cardRoutes(app, ctx);
  newsRoutes(app, ctx);
  ticketRoutes(app, ctx);
  await statementRoutes(app, ctx);

  app.get('/api/v1/me/profile', { config: MEMBER }, async (request) =>
    getProfile(ctx, memberPersonId(request)),
  );

  app.put('/api/v1/me/profile', { config: MEMBER, schema: { body: ProfileBody } }, async (request, reply) => {
    const updated = await updateProfile(ctx, memberPersonId(request), request.body);
    return updated.ok ? updated.value : sendProblem(request, reply, updated);
  });

  app.get('/api/v1/me/beneficiaries', { config: MEMBER }, async (request) =>
    listBeneficiaries(ctx, memberPersonId(request)),
  );

  app.post(
    '/api/v1/me/beneficiaries',
    { config: MEMBER, schema: { body: BeneficiaryBody } },
    async (request, reply) => {
      const added = await addBeneficiary(ctx, memberPersonId(request), request.body);
      if (!added.ok) return sendProblem(request, reply, added);
      return reply.code(201).send({ id: added.value.id, ...added.value.list });
    },
  );

  app.delete(
    '/api/v1/me/beneficiaries/:id',
    { config: MEMBER, schema: { params: IdParams } },
    async (request, reply) => {
      const removed = await removeBeneficiary(ctx, memberPersonId(request), request.params.id);
      if (!removed) return sendProblem(request, reply, 'not_found');
      return listBeneficiaries(ctx, memberPersonId(request));
    },
  );
}
