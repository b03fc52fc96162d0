// Read-only employer routes the employer portal needs beside employer-routes.ts: the employer's own
// profile (NPP, quoted when paying at the bank), the wage reports sent per period, and one bill's worker
// lines and recorded payments. Every route acts for the signed-in employer_admin's own employer only.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import {
  findEmployerProfile,
  getBillDetails,
  listWageReportPeriods,
} from '../employer/employer-portal-queries';
import { principalOf } from '../http/access';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';

const EMPLOYER = { access: ['employer_admin'] as const };
const PeriodParams = Type.Object({ period: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }) });

function employerOf(request: FastifyRequest): number | null {
  return principalOf(request).employerId;
}

export function employerPortalRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/api/v1/employer/profile',
    { config: EMPLOYER, schema: { tags: ['employer'] } },
    async (request, reply) => {
      const employerId = employerOf(request);
      if (employerId === null) return sendProblem(request, reply, 'forbidden');
      const profile = await findEmployerProfile(ctx, employerId);
      return profile ?? sendProblem(request, reply, 'employer_not_found');
    },
  );

  app.get(
    '/api/v1/employer/wage-reports',
    { config: EMPLOYER, schema: { tags: ['employer'] } },
    async (request, reply) => {
      const employerId = employerOf(request);
      if (employerId === null) return sendProblem(request, reply, 'forbidden');
      return { reports: await listWageReportPeriods(ctx, employerId) };
    },
  );

  app.get(
    '/api/v1/employer/bills/:period/details',
    { config: EMPLOYER, schema: { params: PeriodParams, tags: ['employer'] } },
    async (request, reply) => {
      const employerId = employerOf(request);
      if (employerId === null) return sendProblem(request, reply, 'forbidden');
      const details = await getBillDetails(ctx, employerId, request.params.period);
      return details.ok ? details.value : sendProblem(request, reply, details);
    },
  );
}
