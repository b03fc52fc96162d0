// The member's claims under /api/v1/me/claims: what is claimable, open a claim (idempotent by the
// client's key), upload documents, give a payout account, submit, follow the timeline, withdraw.
// Another person's claim or document is simply not found (404).
import { Type } from '@sinclair/typebox';
import { CLAIM_DOCUMENT_TYPES, CLAIM_PROGRAMMES, MAX_CLAIM_DOCUMENT_BYTES } from '@lumbung/core';
import { addClaimDocument, inlineDisposition, readClaimDocument } from '../claims/claim-document-service';
import { setPayoutAccount } from '../claims/claim-payout-account-service';
import { claimOptions } from '../claims/claim-precheck-service';
import { isClaimant } from '../claims/claim-heir-service';
import { findClaim } from '../claims/claim-store';
import { cancelClaim, checkClaim, openClaim, submitClaim } from '../claims/claim-submit-service';
import { claimDetail, listMemberClaims } from '../claims/claim-views';
import type { App } from '../http/app';
import { principalOf } from '../http/access';
import { sendProblem } from '../http/problem';
import { MEMBER, memberPersonId } from '../portal/member-request';
import type { ServiceContext } from '../services/service-context';

/** What a claim is for; also the body of a desk officer's claim on a member's behalf. */
export const ClaimFields = {
  kpj: Type.String({ maxLength: 32 }),
  programme: Type.Union(CLAIM_PROGRAMMES.map((programme) => Type.Literal(programme))),
  reason: Type.String({ maxLength: 40 }),
  eventDate: Type.Optional(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' })),
  requestedRupiah: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
  incapacityMonths: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
};
export const IdempotencyKey = Type.String({
  minLength: 8,
  maxLength: 100,
  description: 'made by the client, once per claim',
});
const ClaimRequestFields = {
  ...ClaimFields,
  deceased: Type.Optional(
    Type.Object(
      { kpj: Type.String({ maxLength: 32 }), nik: Type.String({ maxLength: 32 }) },
      { additionalProperties: false, description: "an heir's claim for a deceased member" },
    ),
  ),
};
const CheckBody = Type.Object(ClaimRequestFields, { additionalProperties: false });
const OpenBody = Type.Object(
  { ...ClaimRequestFields, idempotencyKey: IdempotencyKey },
  { additionalProperties: false },
);
const PayoutBody = Type.Object(
  {
    bankCode: Type.String({ maxLength: 3, description: '3-digit bank code, e.g. 002 BRI, 014 BCA' }),
    accountNumber: Type.String({ maxLength: 40 }),
    holderName: Type.String({ maxLength: 100 }),
  },
  { additionalProperties: false },
);
const Id = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const ClaimParams = Type.Object({ id: Id });
const DocumentParams = Type.Object({ id: Id, documentId: Id });
const UploadQuery = Type.Object({
  type: Type.Union(CLAIM_DOCUMENT_TYPES.map((type) => Type.Literal(type))),
  fileName: Type.Optional(Type.String({ maxLength: 200 })),
});

const actorOf = (request: Parameters<typeof principalOf>[0]) => ({
  userId: principalOf(request).userId,
  role: 'member',
});

export async function claimRoutes(app: App, ctx: ServiceContext): Promise<void> {
  app.get('/api/v1/me/claims', { config: MEMBER }, async (request) => ({
    claims: await listMemberClaims(ctx.db, memberPersonId(request)),
  }));

  app.get('/api/v1/me/claims/options', { config: MEMBER }, async (request) =>
    claimOptions(ctx, memberPersonId(request)),
  );

  app.post(
    '/api/v1/me/claims/check',
    { config: MEMBER, schema: { body: CheckBody } },
    async (request, reply) => {
      const checked = await checkClaim(ctx, memberPersonId(request), request.body);
      return checked.ok ? checked.value : sendProblem(request, reply, checked);
    },
  );

  app.post('/api/v1/me/claims', { config: MEMBER, schema: { body: OpenBody } }, async (request, reply) => {
    const opened = await openClaim(ctx, memberPersonId(request), actorOf(request), request.body);
    if (!opened.ok) return sendProblem(request, reply, opened);
    return reply.code(opened.value.isNew ? 201 : 200).send(opened.value.claim);
  });

  app.get(
    '/api/v1/me/claims/:id',
    { config: MEMBER, schema: { params: ClaimParams } },
    async (request, reply) => {
      const claim = await findClaim(ctx.db, request.params.id);
      if (!claim || !isClaimant(claim, memberPersonId(request)))
        return sendProblem(request, reply, 'not_found');
      return claimDetail(ctx.db, claim, 'claimant');
    },
  );

  app.put(
    '/api/v1/me/claims/:id/payout-account',
    { config: MEMBER, schema: { params: ClaimParams, body: PayoutBody } },
    async (request, reply) => {
      const saved = await setPayoutAccount(ctx, memberPersonId(request), request.params.id, request.body);
      return saved.ok ? saved.value : sendProblem(request, reply, saved);
    },
  );

  app.post(
    '/api/v1/me/claims/:id/submit',
    { config: MEMBER, schema: { params: ClaimParams } },
    async (request, reply) => {
      const submitted = await submitClaim(ctx, memberPersonId(request), request.params.id, actorOf(request));
      return submitted.ok ? submitted.value : sendProblem(request, reply, submitted);
    },
  );

  app.post(
    '/api/v1/me/claims/:id/cancel',
    { config: MEMBER, schema: { params: ClaimParams } },
    async (request, reply) => {
      const cancelled = await cancelClaim(ctx, memberPersonId(request), request.params.id, actorOf(request));
      return cancelled.ok ? cancelled.value : sendProblem(request, reply, cancelled);
    },
  );

  app.get(
    '/api/v1/me/claims/:id/documents/:documentId',
    { config: MEMBER, schema: { params: DocumentParams } },
    async (request, reply) => {
      const { id, documentId } = request.params;
      const document = await readClaimDocument(ctx, id, documentId, memberPersonId(request));
      if (!document.ok) return sendProblem(request, reply, 'not_found');
      return reply
        .header('content-type', document.value.contentType)
        .header('content-disposition', inlineDisposition(document.value.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(document.value.bytes);
    },
  );

  // The file itself is the body (application/pdf, image/jpeg or image/png), parsed in this scope only.
  await app.register(async (scope) => {
    for (const type of ['application/pdf', 'image/jpeg', 'image/png']) {
      scope.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: MAX_CLAIM_DOCUMENT_BYTES + 1 },
        (_request, body, done) => {
          done(null, body);
        },
      );
    }
    scope.post(
      '/api/v1/me/claims/:id/documents',
      {
        config: MEMBER,
        bodyLimit: MAX_CLAIM_DOCUMENT_BYTES + 1,
        schema: { params: ClaimParams, querystring: UploadQuery },
      },
      async (request, reply) => {
        const { id } = request.params as typeof ClaimParams.static;
        const query = request.query as typeof UploadQuery.static;
        if (!Buffer.isBuffer(request.body)) return sendProblem(request, reply, 'unsupported_media_type');
        const added = await addClaimDocument(ctx, memberPersonId(request), id, actorOf(request), {
          type: query.type,
          fileName: query.fileName ?? `${query.type}`,
          bytes: request.body,
        });
        if (!added.ok) return sendProblem(request, reply, added);
        return reply.code(added.value.isNew ? 201 : 200).send(added.value.document);
      },
    );
  });
}
