// Beranda, Cek Saldo JHT, Riwayat iuran and Simulasi: the member's own figures from the ledger.
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';
import { getContributionMonths } from './contribution-service';
import { MEMBER, memberPersonId } from './member-request';
import { getJhtView, getOverview } from './overview-service';
import { getSimulationAssumptions, simulateBenefits } from './simulation-service';

const ContributionQuery = Type.Object({ kpj: Type.Optional(Type.String({ maxLength: 64 })) });
const SimulationBody = Type.Object(
  {
    wageGrowthBasisPoints: Type.Integer(),
    returnBasisPoints: Type.Integer(),
    retirementAge: Type.Optional(Type.Integer()),
  },
  { additionalProperties: false },
);

/**
 * The JSON of a view object. A view served from the read cache is the same object on every hit, so
 * its text is kept beside it (weakly: it goes when the cache drops the view) and not rebuilt.
 */
const viewJson = new WeakMap<object, string>();
function sendView(reply: FastifyReply, view: object): FastifyReply {
  let json = viewJson.get(view);
  if (json === undefined) {
    json = JSON.stringify(view);
    viewJson.set(view, json);
  }
  return reply.type('application/json; charset=utf-8').send(json);
}

export function memberDashboardRoutes(app: App, ctx: ServiceContext): void {
  app.get('/api/v1/me/overview', { config: MEMBER }, async (request, reply) =>
    sendView(reply, await getOverview(ctx, memberPersonId(request))),
  );

  app.get('/api/v1/me/jht', { config: MEMBER }, async (request, reply) =>
    sendView(reply, await getJhtView(ctx, memberPersonId(request))),
  );

  app.get(
    '/api/v1/me/contributions',
    { config: MEMBER, schema: { querystring: ContributionQuery } },
    async (request, reply) => {
      const kpj = request.query.kpj?.replace(/[\s.-]/g, '') || undefined;
      const months = await getContributionMonths(ctx, memberPersonId(request), kpj);
      return months === undefined ? sendProblem(request, reply, 'not_found') : { months };
    },
  );

  app.get('/api/v1/me/simulation/assumptions', { config: MEMBER }, async () => getSimulationAssumptions(ctx));

  app.post(
    '/api/v1/me/simulation',
    { config: MEMBER, schema: { body: SimulationBody } },
    async (request, reply) => {
      const simulation = await simulateBenefits(ctx, memberPersonId(request), request.body);
      return simulation.ok ? simulation.value : sendProblem(request, reply, simulation);
    },
  );
}
