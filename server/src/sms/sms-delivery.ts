// Outbound SMS that are not replies (one-time codes, alerts, link confirmations): logged in
// sms_messages, handed to the gateway with the log id as the delivery-report reference. The adapter
// below puts a gateway behind the delivery port so every feature's sendSms() takes this path.
import { normalisePhone } from '@lumbung/core';
import type { DeliveryAdapter } from '../delivery/delivery-port';
import { deliveryAdapterFor, useDeliveryAdapter } from '../delivery/delivery-port';
import type { ServiceContext } from '../services/service-context';
import { createSmsGateway, type SmsGateway } from './sms-gateway';
import { applyDeliveryStatus, insertSmsMessage } from './sms-message-log';

export interface OutboundSms {
  /** E.164. */
  readonly to: string;
  readonly text: string;
  /** For the log: 'notification', or the reply kind. */
  readonly kind?: string;
  readonly personId?: number | null;
}

/** Logs, sends and records the gateway's answer; rethrows a gateway failure after marking it failed. */
export async function sendLoggedSms(
  ctx: ServiceContext,
  gateway: SmsGateway,
  message: OutboundSms,
): Promise<number> {
  const messageId = await insertSmsMessage(ctx, ctx.db, {
    direction: 'out',
    gateway: gateway.name,
    phone: message.to,
    personId: message.personId ?? null,
    kind: message.kind ?? 'notification',
    text: message.text,
    status: 'queued',
  });
  if (messageId === null) throw new Error('outbound SMS was not stored');
  try {
    const sent = await gateway.send(message.to, message.text, { reference: String(messageId) });
    await applyDeliveryStatus(ctx, messageId, 'sent', null, sent.providerMessageId ?? null);
  } catch (error) {
    await applyDeliveryStatus(
      ctx,
      messageId,
      'failed',
      error instanceof Error ? error.message : 'gateway error',
    );
    throw error;
  }
  return messageId;
}

/** A delivery adapter whose SMS go through the gateway; e-mail stays with the base adapter. */
export function smsDeliveryAdapter(gateway: SmsGateway, base: DeliveryAdapter): DeliveryAdapter {
  return {
    name: `${gateway.name}-sms+${base.name}`,
    sendSms: async (ctx, message) => {
      const to = normalisePhone(message.to);
      await sendLoggedSms(ctx, gateway, { to: to.ok ? to.value : message.to, text: message.text });
    },
    sendEmail: (ctx, message) => base.sendEmail(ctx, message),
  };
}

/**
 * At start-up, after any e-mail adapter is installed: routes SMS of the delivery port through the
 * configured gateway. With LUMBUNG_SMS_ADAPTER=console the development outbox stays in place.
 */
export function installSmsDelivery(ctx: ServiceContext): void {
  if (ctx.config.sms.adapter === 'console') return;
  useDeliveryAdapter(ctx, smsDeliveryAdapter(createSmsGateway(ctx.config, ctx.log), deliveryAdapterFor(ctx)));
}
