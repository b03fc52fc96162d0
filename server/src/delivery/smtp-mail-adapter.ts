// E-mail through an SMTP server (nodemailer), with a plain-text and, when given, an HTML body, and a
// Message-ID derived from the delivery it is sent for. SMS is not its business: it keeps whichever SMS
// adapter was in force (outbox, Kannel, webhook).
// Selected by LUMBUNG_MAIL_ADAPTER=smtp with LUMBUNG_SMTP_URL and LUMBUNG_MAIL_FROM (docs/alerts.md).
import { createTransport } from 'nodemailer';
import type { ServiceContext } from '../services/service-context';
import {
  deliveryAdapterFor,
  useDeliveryAdapter,
  type DeliveryAdapter,
  type EmailMessage,
} from './delivery-port';

export interface SmtpMailOptions {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
  readonly url: string;
  /** The From header, e.g. 'Lumbung <noreply@example.org>'. */
  readonly from: string;
}

/**
 * A stable Message-ID for a queued delivery (RFC 5322 §3.6.4: `<id-left@id-right>`): the delivery id on
 * the left, the domain of the From address on the right. The queue is at-least-once, so after a crash
 * between the server's acceptance and the 'sent' mark the same message goes out again; with the same
 * Message-ID a mail client or the recipient's server can recognise it as the one already received.
 */
export function deliveryMessageId(deliveryId: number, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1]?.toLowerCase() ?? 'lumbung.invalid';
  return `<lumbung-delivery-${deliveryId}@${domain}>`;
}

/** A slow or silent server must not hold a job for minutes. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 20_000;

export function createSmtpMailAdapter(
  options: SmtpMailOptions,
  smsAdapter: DeliveryAdapter,
): DeliveryAdapter {
  const transport = createTransport({
    url: options.url,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
  return {
    name: `smtp+${smsAdapter.name}`,
    sendSms: (ctx, message) => smsAdapter.sendSms(ctx, message),
    sendEmail: async (_ctx: ServiceContext, message: EmailMessage) => {
      const info = await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
        ...(message.deliveryId !== undefined
          ? { messageId: deliveryMessageId(message.deliveryId, options.from) }
          : {}),
      });
      // The server accepted the message but refused this recipient: a failure the queue should see.
      if (info.rejected.length > 0) throw new Error(`SMTP server rejected the recipient (${info.response})`);
    },
  };
}

/**
 * Puts the configured mail adapter in force for ctx. With 'outbox' (the default) nothing changes; with
 * 'smtp' e-mail goes out over SMTP and SMS stays with the adapter already in force.
 */
export function installMailAdapter(ctx: ServiceContext): void {
  const { mail } = ctx.config;
  if (mail.adapter !== 'smtp') return;
  if (!mail.smtpUrl) throw new Error('LUMBUNG_SMTP_URL is required for the smtp mail adapter');
  useDeliveryAdapter(
    ctx,
    createSmtpMailAdapter({ url: mail.smtpUrl, from: mail.from }, deliveryAdapterFor(ctx)),
  );
}
