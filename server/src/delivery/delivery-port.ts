// The outbound message port: services call sendSms/sendEmail with a context; an adapter does the
// sending. Development and tests use the outbox adapter (dev_outbox table + console); the Kannel and
// SMTP adapters from their own issues plug in with useDeliveryAdapter at start-up.
import type { ServiceContext } from '../services/service-context';
import { outboxAdapter } from './outbox-adapter';

export interface SmsMessage {
  /** E.164, e.g. +6281234567890. */
  readonly to: string;
  readonly text: string;
}

export interface EmailMessage {
  /** Lower-cased address. */
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /**
   * The notification_deliveries row this message is sent for. The SMTP adapter derives the Message-ID
   * from it, so a message sent again after a retry carries the same Message-ID as the first attempt.
   */
  readonly deliveryId?: number;
}

export interface DeliveryAdapter {
  readonly name: string;
  sendSms(ctx: ServiceContext, message: SmsMessage): Promise<void>;
  sendEmail(ctx: ServiceContext, message: EmailMessage): Promise<void>;
}

// Keyed by the context's config: one running server (or test) has one config object and one adapter.
const adapters = new WeakMap<object, DeliveryAdapter>();

export function useDeliveryAdapter(ctx: ServiceContext, adapter: DeliveryAdapter): void {
  adapters.set(ctx.config, adapter);
}

export function deliveryAdapterFor(ctx: ServiceContext): DeliveryAdapter {
  const adapter = adapters.get(ctx.config);
  if (adapter) return adapter;
  if (ctx.config.env === 'production') {
    throw new Error('no delivery adapter configured: SMS and e-mail cannot be sent in production');
  }
  return outboxAdapter;
}

export function sendSms(ctx: ServiceContext, message: SmsMessage): Promise<void> {
  return deliveryAdapterFor(ctx).sendSms(ctx, message);
}

export function sendEmail(ctx: ServiceContext, message: EmailMessage): Promise<void> {
  return deliveryAdapterFor(ctx).sendEmail(ctx, message);
}

const pending = new Set<Promise<void>>();

/**
 * Sends after the caller's response is decided, without awaiting: a slow SMS gateway must not change
 * the response time (which would reveal that an account exists). Failures are logged, never thrown.
 */
export function dispatchInBackground(ctx: ServiceContext, send: () => Promise<void>): void {
  const job = Promise.resolve()
    .then(send)
    .catch((error: unknown) => ctx.log.error({ err: error }, 'message delivery failed'))
    .finally(() => pending.delete(job));
  pending.add(job);
}

/** Waits for every background send (tests, the dev outbox route, shutdown). */
export async function flushDeliveries(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
