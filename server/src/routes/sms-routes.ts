// SMS gateway endpoints (docs/sms.md):
//   GET  /api/v1/sms/kannel        smsbox get-url; the reply is the response body (text/plain), with
//                                  X-Kannel-DLR-Url/-Mask so the reply's delivery report comes back
//   GET  /api/v1/sms/kannel/dlr    Kannel delivery reports (for replies and for sendsms messages)
//   POST /api/v1/sms/inbound       generic JSON webhook, x-signature = HMAC-SHA256 of
//                                  "<x-timestamp>.<raw body>", refused outside a 5-minute window;
//                                  replies go out through the configured gateway
//   POST /api/v1/sms/status        the webhook's delivery reports, signed the same way
//   POST /api/v1/staff/sms/simulate  development simulator for the staff console
// Gateway routes log at 'warn' only: Kannel's query string carries the secret and the member's text.
import { Type } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { SmsMessageStatus } from '../db/tables/sms-tables';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import type { ServiceContext } from '../services/service-context';
import { KANNEL_DLR_MASK, kannelDlrUrl } from '../sms/kannel-gateway';
import { createSmsGateway, type SmsGateway } from '../sms/sms-gateway';
import { ledgerSmsBalanceReader } from '../sms/sms-balance';
import { applyDeliveryStatus } from '../sms/sms-message-log';
import { handleInboundSms, type SmsServiceDeps } from '../sms/sms-service';
import { checkSignature, constantTimeEquals, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../sms/sms-signature';

export interface SmsRouteDeps extends SmsServiceDeps {
  /** Sends replies to webhook messages; defaults to the configured gateway. */
  readonly gateway?: SmsGateway;
}

const MAX_TEXT = 2_000;
const KannelInbound = Type.Object({
  secret: Type.String({ maxLength: 200 }),
  from: Type.String({ minLength: 1, maxLength: 40 }),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  text: Type.Optional(Type.String({ maxLength: MAX_TEXT })),
  id: Type.Optional(Type.String({ maxLength: 100 })),
});
const KannelDlr = Type.Object({
  secret: Type.String({ maxLength: 200 }),
  ref: Type.String({ pattern: '^[0-9]{1,15}$' }),
  type: Type.String({ pattern: '^[0-9]{1,3}$' }),
  answer: Type.Optional(Type.String({ maxLength: 500 })),
  at: Type.Optional(Type.String({ maxLength: 40 })),
});
const WebhookInbound = Type.Object({
  from: Type.String({ minLength: 1, maxLength: 40 }),
  to: Type.Optional(Type.String({ maxLength: 40 })),
  text: Type.String({ maxLength: MAX_TEXT }),
  id: Type.Optional(Type.String({ maxLength: 100 })),
});
const WebhookStatus = Type.Object({
  reference: Type.String({ pattern: '^[0-9]{1,15}$' }),
  status: Type.Union([
    Type.Literal('sent'),
    Type.Literal('delivered'),
    Type.Literal('failed'),
    Type.Literal('rejected'),
  ]),
  id: Type.Optional(Type.String({ maxLength: 100 })),
  detail: Type.Optional(Type.String({ maxLength: 200 })),
});
const Simulate = Type.Object(
  { from: Type.String({ minLength: 1, maxLength: 40 }), text: Type.String({ maxLength: MAX_TEXT }) },
  { additionalProperties: false },
);

/** Kannel report types: 1 delivered, 2 failed, 4 buffered, 8 SMSC accepted, 16 SMSC rejected. */
export function kannelDlrStatus(type: number): SmsMessageStatus | null {
  if (type & 1) return 'delivered';
  if (type & 16) return 'rejected';
  if (type & 2) return 'failed';
  if (type & (4 | 8)) return 'sent';
  return null;
}

declare module 'fastify' {
  interface FastifyRequest {
    smsRawBody?: string;
  }
}

export async function smsRoutes(app: App, ctx: ServiceContext, deps?: SmsRouteDeps): Promise<void> {
  const serviceDeps: SmsServiceDeps = { readBalance: deps?.readBalance ?? ledgerSmsBalanceReader };
  let gateway = deps?.gateway;
  const replyGateway = (): SmsGateway => (gateway ??= createSmsGateway(ctx.config, ctx.log));
  const secret = ctx.config.sms.inboundSecret;
  const hasSecret = (given: string): boolean => secret !== undefined && constantTimeEquals(given, secret);

  app.get(
    '/api/v1/sms/kannel',
    { config: { access: 'public' }, logLevel: 'warn', schema: { querystring: KannelInbound, hide: true } },
    async (request, reply) => {
      if (secret === undefined) return sendProblem(request, reply, 'sms_gateway_disabled');
      if (!hasSecret(request.query.secret)) return sendProblem(request, reply, 'sms_gateway_unauthorised');
      const outcome = await handleInboundSms(ctx, serviceDeps, {
        from: request.query.from,
        text: request.query.text ?? '',
        gateway: 'kannel',
        providerMessageId: request.query.id ?? null,
      });
      const first = outcome.replies[0];
      reply.type('text/plain; charset=utf-8');
      if (!first) return reply.send('');
      // With accept-x-kannel-headers, smsbox asks for the reply's delivery reports at this URL.
      const dlrUrl = kannelDlrUrl(
        `${ctx.config.publicUrl}/api/v1/sms/kannel/dlr`,
        secret,
        String(first.messageId),
      );
      return reply
        .header('x-kannel-dlr-url', dlrUrl)
        .header('x-kannel-dlr-mask', String(KANNEL_DLR_MASK))
        .send(first.text);
    },
  );

  app.get(
    '/api/v1/sms/kannel/dlr',
    { config: { access: 'public' }, logLevel: 'warn', schema: { querystring: KannelDlr, hide: true } },
    async (request, reply) => {
      if (secret === undefined) return sendProblem(request, reply, 'sms_gateway_disabled');
      if (!hasSecret(request.query.secret)) return sendProblem(request, reply, 'sms_gateway_unauthorised');
      const status = kannelDlrStatus(Number(request.query.type));
      if (status !== null) {
        const detail = `kannel ${request.query.type}${request.query.answer ? `: ${request.query.answer}` : ''}`;
        await applyDeliveryStatus(ctx, Number(request.query.ref), status, detail);
      }
      return reply.type('text/plain; charset=utf-8').send('ok');
    },
  );

  await app.register(async (scope) => {
    const api = scope.withTypeProvider<TypeBoxTypeProvider>();
    // The signature covers the exact bytes sent, so this scope keeps the raw body beside the parsed one.
    api.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 16_384 },
      (request, body, done) => {
        const raw = typeof body === 'string' ? body : body.toString('utf8');
        request.smsRawBody = raw;
        try {
          done(null, JSON.parse(raw));
        } catch {
          done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined);
        }
      },
    );
    const webhookSecret = ctx.config.sms.webhook?.secret;
    const header = (request: FastifyRequest, name: string): string | undefined => {
      const value = request.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const isSigned = (request: FastifyRequest): boolean => {
      if (webhookSecret === undefined) return false;
      const verdict = checkSignature(
        webhookSecret,
        {
          body: request.smsRawBody ?? '',
          signature: header(request, SIGNATURE_HEADER),
          timestamp: header(request, TIMESTAMP_HEADER),
        },
        ctx.clock.now(),
      );
      if (verdict !== 'valid') request.log.warn({ verdict }, 'SMS webhook signature refused');
      return verdict === 'valid';
    };

    api.post(
      '/api/v1/sms/inbound',
      { config: { access: 'public' }, logLevel: 'warn', schema: { body: WebhookInbound, hide: true } },
      async (request, reply) => {
        if (webhookSecret === undefined) return sendProblem(request, reply, 'sms_gateway_disabled');
        if (!isSigned(request)) return sendProblem(request, reply, 'sms_gateway_unauthorised');
        const outcome = await handleInboundSms(ctx, serviceDeps, {
          from: request.body.from,
          text: request.body.text,
          gateway: 'webhook',
          providerMessageId: request.body.id ?? null,
        });
        if (!outcome.isRepeat && outcome.phone !== null) {
          for (const sms of outcome.replies) {
            try {
              const sent = await replyGateway().send(outcome.phone, sms.text, {
                reference: String(sms.messageId),
              });
              await applyDeliveryStatus(ctx, sms.messageId, 'sent', null, sent.providerMessageId ?? null);
            } catch (error) {
              ctx.log.error({ err: error }, 'SMS reply could not be sent');
              await applyDeliveryStatus(
                ctx,
                sms.messageId,
                'failed',
                error instanceof Error ? error.message : 'gateway error',
              );
            }
          }
        }
        return reply.send({ accepted: true, replies: outcome.replies.length });
      },
    );

    api.post(
      '/api/v1/sms/status',
      { config: { access: 'public' }, logLevel: 'warn', schema: { body: WebhookStatus, hide: true } },
      async (request, reply) => {
        if (webhookSecret === undefined) return sendProblem(request, reply, 'sms_gateway_disabled');
        if (!isSigned(request)) return sendProblem(request, reply, 'sms_gateway_unauthorised');
        const known = await applyDeliveryStatus(
          ctx,
          Number(request.body.reference),
          request.body.status,
          request.body.detail ?? null,
          request.body.id ?? null,
        );
        return known ? reply.send({ accepted: true }) : sendProblem(request, reply, 'not_found');
      },
    );
  });

  app.post(
    '/api/v1/staff/sms/simulate',
    {
      config: { access: ['agent', 'branch_officer', 'admin'] },
      schema: {
        body: Simulate,
        summary: 'Development simulator: send an SMS as a number and get the replies (not in production)',
        tags: ['sms'],
      },
    },
    async (request, reply) => {
      if (ctx.config.env === 'production') return sendProblem(request, reply, 'not_found');
      const outcome = await handleInboundSms(ctx, serviceDeps, {
        from: request.body.from,
        text: request.body.text,
        gateway: 'simulator',
      });
      if (outcome.phone === null) return sendProblem(request, reply, 'phone_not_mobile');
      for (const sms of outcome.replies) await applyDeliveryStatus(ctx, sms.messageId, 'sent', 'simulated');
      return reply.send({ replies: outcome.replies.map((sms) => sms.text) });
    },
  );
}
