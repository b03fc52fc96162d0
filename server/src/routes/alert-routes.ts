// Contribution alerts over HTTP: the member's findings and the one-tap "Lapor"; an employer's own
// arrears with the affected workers; employers ranked by arrears for staff.
import multipart from '@fastify/multipart';
import { err } from '@lumbung/core';
import { Type } from '@sinclair/typebox';
import { MAX_PAYSLIP_BYTES, reportFinding, type PayslipUpload } from '../alert/alert-report-service';
import { getEmployerArrears, listMemberFindings, rankEmployersByArrears } from '../alert/arrears-queries';
import { principalOf } from '../http/access';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { MEMBER, memberPersonId } from '../portal/member-request';
import type { ServiceContext } from '../services/service-context';

const FindingParams = Type.Object({
  findingId: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
});
const RankQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

/** Opening a ticket costs staff time: a limit per signed-in address, like the contact form. */
const REPORT_LIMIT = { max: 20, timeWindow: '1 hour' } as const;

export function alertRoutes(app: App, ctx: ServiceContext): void {
  app.get('/api/v1/me/alerts', { config: MEMBER }, async (request) => ({
    findings: await listMemberFindings(ctx, memberPersonId(request)),
  }));

  // "Lapor": no body, or a multipart form with one optional file field `payslip` (PDF, JPG or PNG).
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_PAYSLIP_BYTES + 1, files: 1, fields: 4 },
      throwFileSizeLimit: false,
    });
    scope.post(
      '/api/v1/me/alerts/:findingId/report',
      { config: { ...MEMBER, rateLimit: REPORT_LIMIT }, schema: { params: FindingParams } },
      async (request, reply) => {
        const { findingId } = request.params as typeof FindingParams.static;
        let payslip: PayslipUpload | undefined;
        if (request.isMultipart()) {
          const file = await request.file();
          if (file && file.fieldname !== 'payslip') return sendProblem(request, reply, 'validation_failed');
          if (file) {
            const bytes = await file.toBuffer();
            if (file.file.truncated) {
              return sendProblem(
                request,
                reply,
                err('alert_payslip_too_large', { maxMegabytes: MAX_PAYSLIP_BYTES / 1024 / 1024 }),
              );
            }
            payslip = { fileName: file.filename, bytes };
          }
        }
        const reported = await reportFinding(
          ctx,
          memberPersonId(request),
          findingId,
          payslip ? { payslip } : {},
        );
        if (!reported.ok) return sendProblem(request, reply, reported);
        return reply.code(reported.value.isNew ? 201 : 200).send(reported.value);
      },
    );
  });

  app.get('/api/v1/employer/arrears', { config: { access: ['employer_admin'] } }, async (request, reply) => {
    const employerId = principalOf(request).employerId;
    if (employerId === null) return sendProblem(request, reply, 'forbidden');
    const arrears = await getEmployerArrears(ctx, employerId);
    return arrears ?? sendProblem(request, reply, 'not_found');
  });

  app.get(
    '/api/v1/staff/arrears',
    { config: { access: ['agent', 'branch_officer', 'admin'] }, schema: { querystring: RankQuery } },
    async (request) =>
      rankEmployersByArrears(ctx, {
        ...(request.query.page !== undefined ? { page: request.query.page } : {}),
        ...(request.query.pageSize !== undefined ? { pageSize: request.query.pageSize } : {}),
      }),
  );
}
