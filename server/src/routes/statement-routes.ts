// E-statements: members request and download theirs; anyone holding a code (QR) checks a statement's
// details or uploads the PDF to learn whether it is byte-for-byte the one served.
import { Type } from '@sinclair/typebox';
import { PUBLIC_VERIFY_RATE_LIMIT } from '../card/card-routes';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { MEMBER, memberPersonId } from '../portal/member-request';
import type { ServiceContext } from '../services/service-context';
import {
  checkStatement,
  createStatement,
  findStatementPdf,
  matchStatementBytes,
} from '../statement/statement-service';

/** A statement of ten years stays well under this; anything larger cannot be one of ours. */
export const MAX_UPLOADED_PDF_BYTES = 5 * 1024 * 1024;

const Period = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const StatementBody = Type.Object(
  // Null first: with type coercion on, a string branch tried first would turn null into ''.
  { kpj: Type.Union([Type.Null(), Type.String({ maxLength: 64 })]), fromPeriod: Period, toPeriod: Period },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });

export async function statementRoutes(app: App, ctx: ServiceContext): Promise<void> {
  app.post(
    '/api/v1/me/statements',
    { config: MEMBER, schema: { body: StatementBody } },
    async (request, reply) => {
      const kpj =
        request.body.kpj === null || request.body.kpj === '' ? null : request.body.kpj.replace(/[\s.-]/g, '');
      const created = await createStatement(ctx, memberPersonId(request), { ...request.body, kpj });
      if (!created.ok) return sendProblem(request, reply, created);
      const { statementId, code } = created.value;
      return reply
        .code(201)
        .send({ statementId, code, downloadUrl: `/api/v1/me/statements/${statementId}/pdf` });
    },
  );

  app.get(
    '/api/v1/me/statements/:id/pdf',
    { config: MEMBER, schema: { params: IdParams } },
    async (request, reply) => {
      const statement = await findStatementPdf(ctx, memberPersonId(request), request.params.id);
      if (!statement) return sendProblem(request, reply, 'not_found');
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="e-statement-${statement.fromPeriod}-${statement.toPeriod}-${statement.code}.pdf"`,
        )
        .header('cache-control', 'private, no-store')
        .send(statement.pdf);
    },
  );

  app.get(
    '/api/v1/statements/verify/:code',
    { config: { access: 'public', rateLimit: PUBLIC_VERIFY_RATE_LIMIT }, schema: { params: CodeParams } },
    async (request) => checkStatement(ctx, request.params.code),
  );

  // The raw PDF as the body: a parser for application/pdf, scoped to this plugin only.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOADED_PDF_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );
    scope.post(
      '/api/v1/statements/verify/:code',
      {
        config: { access: 'public', rateLimit: PUBLIC_VERIFY_RATE_LIMIT },
        bodyLimit: MAX_UPLOADED_PDF_BYTES,
        schema: { params: CodeParams },
      },
      async (request, reply) => {
        const { code } = request.params as typeof CodeParams.static;
        if (!Buffer.isBuffer(request.body)) return sendProblem(request, reply, 'unsupported_media_type');
        const matched = await matchStatementBytes(ctx, code, request.body);
        return matched.ok ? matched.value : sendProblem(request, reply, matched);
      },
    );
  });
}
