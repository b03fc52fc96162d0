// The claims officer's console API under /api/v1/staff/claims: queue, claim with documents, branch
// verification, approve / reject / record payment, bank payment file and result import. Access comes
// from core/src/claims/claim-staff-routes.ts; every decision, document view and refusal is audited.
import { Type } from '@sinclair/typebox';
import { CLAIM_REJECTION_REASON_CODES } from '@lumbung/core';
import { claimStaffRoutes, type ClaimStaffRouteId } from '@lumbung/core/claims/claim-staff-routes';
import type { FastifyRequest, HTTPMethods } from 'fastify';
import { inlineDisposition, readClaimDocument } from '../claims/claim-document-service';
import {
  createPaymentBatch,
  importBankResult,
  listPaymentBatches,
  paymentBatchCsv,
} from '../claims/claim-payment-file';
import { payClaim } from '../claims/claim-payment-service';
import {
  approveClaim,
  audit,
  claimQueue,
  getClaimForStaff,
  QUEUE_STATUSES,
  recordBranchVerification,
  rejectClaim,
} from '../claims/claim-review-service';
import { findClaim, type ClaimActor } from '../claims/claim-store';
import type { App } from '../http/app';
import { isRefusalAudited, principalOf, type Access } from '../http/access';
import { sendProblem } from '../http/problem';
import { writeAudit } from '../identity/audit-log';
import type { ServiceContext } from '../services/service-context';

const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const ClaimParams = Type.Object({ claimId: Id });
const DocumentParams = Type.Object({ claimId: Id, documentId: Id });
const BatchParams = Type.Object({ batchId: Id });
const Note = Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 1000 })]));
const QueueQuery = Type.Object({
  status: Type.Optional(Type.Union(QUEUE_STATUSES.map((status) => Type.Literal(status)))),
});
const ApproveBody = Type.Object(
  {
    checklist: Type.Object(
      {
        identityMatches: Type.Boolean(),
        documentsComplete: Type.Boolean(),
        eligibilityConfirmed: Type.Boolean(),
        bankAccountMatches: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    note: Note,
  },
  { additionalProperties: false },
);
const RejectBody = Type.Object(
  { reasonCode: Type.Union(CLAIM_REJECTION_REASON_CODES.map((code) => Type.Literal(code))), note: Note },
  { additionalProperties: false },
);
const PayBody = Type.Object(
  { bankReference: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 100 })])) },
  { additionalProperties: false },
);
const NoteBody = Type.Object({ note: Note }, { additionalProperties: false });
const CSV_LIMIT_BYTES = 2 * 1024 * 1024;
const batchUrl = (batchId: number) => `/api/v1/staff/claims/payment-files/${batchId}`;

/**
 * The policy for a claim document in the console's viewer, for that response only: the console itself
 * may frame it (the app-wide frame-ancestors 'none' leaves the viewer blank); the document loads nothing
 * but itself (object-src 'self' lets Chromium's PDF viewer show a PDF, which it treats as plugin content).
 */
export const DOCUMENT_VIEWER_CSP =
  "default-src 'none'; object-src 'self'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

function routeOf(id: ClaimStaffRouteId): { method: HTTPMethods; url: string; config: { access: Access } } {
  const spec = claimStaffRoutes[id];
  return { method: spec.method, url: spec.path, config: { access: spec.roles } };
}

const actorOf = (request: FastifyRequest): ClaimActor => {
  const principal = principalOf(request);
  return { userId: principal.userId, role: principal.role };
};

export async function claimStaffRoutesPlugin(app: App, ctx: ServiceContext): Promise<void> {
  await app.register(async (api) => {
    // A refusal by a claims service (the role check audits its own) is on the log like every staff refusal.
    api.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode !== 403 || !request.principal || isRefusalAudited(request)) return;
      await writeAudit(ctx.db, {
        at: ctx.clock.now(),
        actorUserId: request.principal.userId,
        actorRole: request.principal.role,
        action: 'staff.forbidden',
        details: { method: request.method, route: request.routeOptions.url ?? request.url },
      }).catch((error: unknown) => request.log.error({ err: error }, 'could not audit a refusal'));
    });
    api.addContentTypeParser(
      'text/csv',
      { parseAs: 'string', bodyLimit: CSV_LIMIT_BYTES },
      (_request, body, done) => {
        done(null, typeof body === 'string' ? body : body.toString('utf8'));
      },
    );

    api.route({
      ...routeOf('queue'),
      schema: { querystring: QueueQuery },
      handler: async (request) => {
        const { status } = request.query as typeof QueueQuery.static;
        return { claims: await claimQueue(ctx, status ? { status } : {}) };
      },
    });

    api.route({
      ...routeOf('detail'),
      schema: { params: ClaimParams },
      handler: async (request, reply) => {
        const { claimId } = request.params as typeof ClaimParams.static;
        const found = await getClaimForStaff(ctx, actorOf(request), claimId);
        return found.ok ? found.value : sendProblem(request, reply, found);
      },
    });

    api.route({
      ...routeOf('document'),
      schema: { params: DocumentParams },
      handler: async (request, reply) => {
        const { claimId, documentId } = request.params as typeof DocumentParams.static;
        const claim = await findClaim(ctx.db, claimId);
        const document = claim ? await readClaimDocument(ctx, claimId, documentId, null) : undefined;
        if (!claim || !document?.ok) return sendProblem(request, reply, 'claim_document_not_found');
        await audit(ctx, actorOf(request), claim, 'claims.document_view', null, { documentId });
        return reply
          .header('content-type', document.value.contentType)
          .header('content-security-policy', DOCUMENT_VIEWER_CSP)
          .header('x-frame-options', 'SAMEORIGIN')
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', inlineDisposition(document.value.fileName))
          .header('cache-control', 'private, no-store')
          .header('x-content-sha256', document.value.sha256)
          .send(document.value.bytes);
      },
    });

    api.route({
      ...routeOf('branchVerification'),
      schema: { params: ClaimParams, body: NoteBody },
      handler: async (request, reply) => {
        const { claimId } = request.params as typeof ClaimParams.static;
        const { note } = request.body as typeof NoteBody.static;
        const done = await recordBranchVerification(ctx, actorOf(request), claimId, note ?? null);
        return done.ok ? done.value : sendProblem(request, reply, done);
      },
    });

    api.route({
      ...routeOf('approve'),
      schema: { params: ClaimParams, body: ApproveBody },
      handler: async (request, reply) => {
        const { claimId } = request.params as typeof ClaimParams.static;
        const { checklist, note } = request.body as typeof ApproveBody.static;
        const approved = await approveClaim(ctx, actorOf(request), claimId, checklist, note ?? null);
        return approved.ok ? approved.value : sendProblem(request, reply, approved);
      },
    });

    api.route({
      ...routeOf('reject'),
      schema: { params: ClaimParams, body: RejectBody },
      handler: async (request, reply) => {
        const { claimId } = request.params as typeof ClaimParams.static;
        const { reasonCode, note } = request.body as typeof RejectBody.static;
        const rejected = await rejectClaim(ctx, actorOf(request), claimId, reasonCode, note ?? null);
        return rejected.ok ? rejected.value : sendProblem(request, reply, rejected);
      },
    });

    api.route({
      ...routeOf('pay'),
      schema: { params: ClaimParams, body: PayBody },
      handler: async (request, reply) => {
        const { claimId } = request.params as typeof ClaimParams.static;
        const { bankReference } = request.body as typeof PayBody.static;
        const paid = await payClaim(ctx, actorOf(request), claimId, bankReference ?? null);
        if (!paid.ok) return sendProblem(request, reply, paid);
        return { ...paid.value.claim, entryId: paid.value.entryId, isDuplicate: paid.value.isDuplicate };
      },
    });

    api.route({
      ...routeOf('paymentFiles'),
      handler: async () => ({
        batches: (await listPaymentBatches(ctx)).map((batch) => ({
          ...batch,
          downloadUrl: batchUrl(batch.batchId),
        })),
      }),
    });

    api.route({
      ...routeOf('paymentFile'),
      handler: async (request, reply) => {
        const batch = await createPaymentBatch(ctx, actorOf(request));
        if (!batch) return { batch: null };
        return reply.code(201).send({ batch: { ...batch, downloadUrl: batchUrl(batch.batchId) } });
      },
    });

    api.route({
      ...routeOf('paymentFileCsv'),
      schema: { params: BatchParams },
      handler: async (request, reply) => {
        const { batchId } = request.params as typeof BatchParams.static;
        const csv = await paymentBatchCsv(ctx, batchId);
        if (!csv.ok) return sendProblem(request, reply, csv);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="lumbung-claims-${batchId}.csv"`)
          .header('cache-control', 'private, no-store')
          .send(csv.value);
      },
    });

    api.route({
      ...routeOf('bankResult'),
      bodyLimit: CSV_LIMIT_BYTES,
      handler: async (request, reply) => {
        if (typeof request.body !== 'string') return sendProblem(request, reply, 'unsupported_media_type');
        const imported = await importBankResult(ctx, actorOf(request), request.body);
        return imported.ok ? imported.value : sendProblem(request, reply, imported);
      },
    });
  });
}
