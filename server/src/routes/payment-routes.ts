// Payments of employer bills: the bank's signed callback (HMAC-SHA256 over the raw body) and staff entry.
// Both are idempotent by payment reference; the service applies the money and posts the ledger.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { isBankSignatureValid, SIGNATURE_HEADER } from '../employer/bank-signature';
import { recordPayment, type RecordPaymentInput } from '../employer/payment-service';
import { principalOf } from '../http/access';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';

const PaymentBody = Type.Object(
  {
    paymentReference: Type.String({ minLength: 4, maxLength: 80 }),
    npp: Type.String({ minLength: 1, maxLength: 40 }),
    period: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }),
    amountRupiah: Type.Integer({ minimum: 1 }),
    paidAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
type PaymentBodyType = typeof PaymentBody.static;

const PaymentOutcome = Type.Object({
  paymentId: Type.Integer(),
  billId: Type.Integer(),
  employerId: Type.Integer(),
  period: Type.String(),
  isDuplicate: Type.Boolean(),
  appliedToContributionRupiah: Type.Integer(),
  penaltyChargedRupiah: Type.Integer(),
  appliedToPenaltyRupiah: Type.Integer(),
  billStatus: Type.String(),
  workersPosted: Type.Integer(),
});

const rawBodies = new WeakMap<FastifyRequest, string>();

const toInput = (
  body: PaymentBodyType,
  source: 'bank' | 'staff',
  userId: number | null,
): RecordPaymentInput => ({
  npp: body.npp,
  period: body.period,
  paymentReference: body.paymentReference,
  amountRupiah: body.amountRupiah,
  paidAt: new Date(body.paidAt),
  source,
  recordedByUserId: userId,
});

export async function paymentRoutes(app: App, ctx: ServiceContext): Promise<void> {
  app.post(
    '/api/v1/staff/payments',
    {
      config: { access: ['admin', 'branch_officer'] },
      schema: {
        body: PaymentBody,
        response: { 201: PaymentOutcome, 200: PaymentOutcome },
        tags: ['payments'],
      },
    },
    async (request, reply) => {
      const result = await recordPayment(ctx, toInput(request.body, 'staff', principalOf(request).userId));
      if (!result.ok) return sendProblem(request, reply, result);
      return reply.code(result.value.isDuplicate ? 200 : 201).send(result.value);
    },
  );

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    // The signature covers the exact bytes the bank sent, so this scope keeps the raw body.
    api.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16_384 },
      (request, body, done) => {
        const raw = typeof body === 'string' ? body : body.toString('utf8');
        rawBodies.set(request, raw);
        try {
          done(null, JSON.parse(raw));
        } catch {
          done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined);
        }
      },
    );
    api.post(
      '/api/v1/payments/bank-callback',
      {
        config: { access: 'public' },
        schema: { body: PaymentBody, response: { 200: PaymentOutcome }, tags: ['payments'] },
      },
      async (request, reply) => {
        const signature = request.headers[SIGNATURE_HEADER];
        const raw = rawBodies.get(request) ?? '';
        if (
          !isBankSignatureValid(
            ctx.config.bankCallbackSecret,
            raw,
            typeof signature === 'string' ? signature : undefined,
          )
        ) {
          request.log.warn({ url: request.url }, 'bank callback with a bad signature');
          return sendProblem(request, reply, 'payment_signature_invalid');
        }
        const result = await recordPayment(ctx, toInput(request.body, 'bank', null));
        return result.ok ? reply.send(result.value) : sendProblem(request, reply, result);
      },
    );
  });
}
