// Employer API (/api/v1/employer/...): enrol workers, report wages (JSON or CSV upload), read bills,
// report exits. Every route acts for the signed-in employer_admin's own employer only.
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { err } from '@lumbung/core';
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { getBill, listBills } from '../employer/bill-service';
import { enrolWorker } from '../employer/enrolment-service';
import { EXIT_REASONS, reportWorkerExit } from '../employer/exit-service';
import { parseWageReportCsv, type LineError, type RawWageLine } from '../employer/wage-report-csv';
import { importWageReport } from '../employer/wage-report-service';
import { listWorkers } from '../employer/worker-list';
import { principalOf } from '../http/access';
import type { App } from '../http/app';
import { fieldProblem, sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';

const EMPLOYER = { access: ['employer_admin'] as const };
const CSV_LIMIT_BYTES = 10 * 1_048_576;

const EnrolBody = Type.Object(
  {
    nik: Type.String({ maxLength: 32 }),
    fullName: Type.Optional(Type.String({ maxLength: 120 })),
    phone: Type.Optional(Type.String({ maxLength: 32 })),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    startedOn: Type.String({ format: 'date' }),
    kpj: Type.Optional(Type.String({ maxLength: 32 })),
  },
  { additionalProperties: false },
);
const ExitBody = Type.Object(
  {
    exitedOn: Type.String({ format: 'date' }),
    reason: Type.Union(EXIT_REASONS.map((reason) => Type.Literal(reason))),
  },
  { additionalProperties: false },
);
const KpjParams = Type.Object({ kpj: Type.String({ maxLength: 32 }) });
const PeriodParams = Type.Object({ period: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }) });
const WageReportBody = Type.Object(
  {
    period: Type.String({ maxLength: 10 }),
    lines: Type.Array(
      Type.Object(
        {
          nik: Type.Optional(Type.String({ maxLength: 32 })),
          kpj: Type.Optional(Type.String({ maxLength: 32 })),
          wage: Type.Union([Type.Integer(), Type.String({ maxLength: 32 })]),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50_000 },
    ),
  },
  { additionalProperties: false },
);
const CsvQuery = Type.Object(
  { period: Type.Optional(Type.String({ maxLength: 10 })) },
  { additionalProperties: false },
);

function employerOf(request: FastifyRequest): number | null {
  return principalOf(request).employerId;
}

async function sendImport(
  ctx: ServiceContext,
  request: FastifyRequest,
  reply: FastifyReply,
  employerId: number,
  lines: readonly RawWageLine[],
  preErrors: readonly LineError[] = [],
): Promise<FastifyReply> {
  const result = await importWageReport(ctx, employerId, lines, preErrors);
  if (result.ok) return reply.code(201).send(result.value);
  const lineErrors = 'lineErrors' in result ? result.lineErrors : [];
  const errors = lineErrors.map((e) => fieldProblem(err(e.code, e.params, e.field), e.line));
  return sendProblem(request, reply, result, errors.length > 0 ? errors : undefined);
}

export async function employerRoutes(app: App, ctx: ServiceContext): Promise<void> {
  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    await api.register(multipart, { limits: { fileSize: CSV_LIMIT_BYTES, files: 1 } });
    api.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: CSV_LIMIT_BYTES },
      (_request, body, done) => {
        done(null, typeof body === 'string' ? body : body.toString('utf8'));
      },
    );
    api.addHook('preHandler', async (request, reply) => {
      if (request.principal?.role === 'employer_admin' && employerOf(request) === null) {
        await sendProblem(request, reply, 'forbidden');
      }
    });

    api.get(
      '/api/v1/employer/workers',
      { config: EMPLOYER, schema: { tags: ['employer'] } },
      async (request) => ({
        workers: await listWorkers(ctx, employerOf(request)!),
      }),
    );

    api.post(
      '/api/v1/employer/workers',
      { config: EMPLOYER, schema: { body: EnrolBody, tags: ['employer'] } },
      async (request, reply) => {
        const result = await enrolWorker(ctx, employerOf(request)!, request.body);
        return result.ok ? reply.code(201).send(result.value) : sendProblem(request, reply, result);
      },
    );

    api.post(
      '/api/v1/employer/workers/:kpj/exit',
      { config: EMPLOYER, schema: { params: KpjParams, body: ExitBody, tags: ['employer'] } },
      async (request, reply) => {
        const result = await reportWorkerExit(ctx, employerOf(request)!, {
          kpj: request.params.kpj,
          ...request.body,
        });
        return result.ok ? result.value : sendProblem(request, reply, result);
      },
    );

    api.post(
      '/api/v1/employer/wage-reports',
      { config: EMPLOYER, bodyLimit: CSV_LIMIT_BYTES, schema: { body: WageReportBody, tags: ['employer'] } },
      async (request, reply) =>
        sendImport(
          ctx,
          request,
          reply,
          employerOf(request)!,
          request.body.lines.map((line, index) => ({
            ...line,
            line: index + 1,
            period: request.body.period,
          })),
        ),
    );

    // CSV upload: a text/csv body or a multipart form with one file. Header line: period,nik,kpj,wage
    // (Indonesian names periode/upah accepted; period may come from ?period= instead).
    api.post(
      '/api/v1/employer/wage-reports/csv',
      { config: EMPLOYER, bodyLimit: CSV_LIMIT_BYTES, schema: { querystring: CsvQuery, tags: ['employer'] } },
      async (request, reply) => {
        let text: string;
        if (request.isMultipart()) {
          const file = await request.file();
          if (!file) return sendProblem(request, reply, 'wage_report_empty');
          text = (await file.toBuffer()).toString('utf8');
        } else if (typeof request.body === 'string') {
          text = request.body;
        } else {
          return sendProblem(request, reply, 'unsupported_media_type');
        }
        const parsed = parseWageReportCsv(text, request.query.period);
        if (!parsed.ok) return sendProblem(request, reply, parsed.code);
        return sendImport(ctx, request, reply, employerOf(request)!, parsed.lines, parsed.errors);
      },
    );

    api.get(
      '/api/v1/employer/bills',
      { config: EMPLOYER, schema: { tags: ['employer'] } },
      async (request) => ({
        bills: await listBills(ctx, employerOf(request)!),
      }),
    );

    api.get(
      '/api/v1/employer/bills/:period',
      { config: EMPLOYER, schema: { params: PeriodParams, tags: ['employer'] } },
      async (request, reply) => {
        const bill = await getBill(ctx, employerOf(request)!, request.params.period);
        return bill.ok ? bill.value : sendProblem(request, reply, bill);
      },
    );
  });
}
