// Beranda, Cek Saldo JHT, Riwayat iuran and Simulasi: the member's own figures from the ledger.
import { Type } from '@sinclair/typebox';
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

export function memberDashboardRoutes(app: App, ctx: ServiceContext): void {
  app.get('/api/v1/me/overview', { config: MEMBER }, async (request) =>
    getOverview(ctx, memberPersonId(request)),
  );

  app.get('/api/v1/me/jht', { config: MEMBER }, async (request) => getJhtView(ctx, memberPersonId(request)));

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
