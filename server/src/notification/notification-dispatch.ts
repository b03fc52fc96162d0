// Sends queued SMS and e-mail deliveries through the delivery port. A delivery is claimed (status
// 'sending') in a short transaction before the send and marked 'sent' after it, so two workers never
// send the same row; a worker that died mid-send leaves a claim that is retried after a lease.
// At-least-once: a crash between the provider's acceptance and the 'sent' mark can repeat one message.
import { sendEmail, sendSms, dispatchInBackground } from '../delivery/delivery-port';
import type { ServiceContext } from '../services/service-context';
import { memberContacts } from './member-contacts';
import { renderNotificationEmail } from './notification-email';
import { renderNotification } from './notification-kinds';

export const DELIVERY_BATCH_SIZE = 50;
export const MAX_DELIVERY_ATTEMPTS = 5;
/** A claim older than this belongs to a worker that stopped; the row is sent again. */
export const DELIVERY_LEASE_MS = 10 * 60_000;

export interface DispatchOutcome {
  readonly sent: number;
  readonly skipped: number;
  readonly failed: number;
  readonly retrying: number;
}

interface Claimed {
  readonly delivery_id: number;
  readonly notification_id: number;
  readonly person_id: number;
  readonly channel: 'sms' | 'email';
  readonly attempts: number;
}

async function claimBatch(ctx: ServiceContext, limit: number): Promise<Claimed[]> {
  const now = ctx.clock.now();
  const leaseExpired = new Date(now.getTime() - DELIVERY_LEASE_MS);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('notification_deliveries')
      .select('delivery_id')
      .where((eb) =>
        eb.or([
          eb('status', '=', 'pending'),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', leaseExpired)]),
        ]),
      )
      .orderBy('delivery_id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return [];
    return trx
      .updateTable('notification_deliveries')
      .set((eb) => ({ status: 'sending', claimed_at: now, attempts: eb('attempts', '+', 1) }))
      .where(
        'delivery_id',
        'in',
        rows.map((row) => row.delivery_id),
      )
      .returning(['delivery_id', 'notification_id', 'person_id', 'channel', 'attempts'])
      .execute();
  });
}

type Result = 'sent' | 'skipped' | 'failed' | 'retrying';

async function deliverOne(ctx: ServiceContext, delivery: Claimed): Promise<Result> {
  const notification = await ctx.db
    .selectFrom('notifications')
    .select(['kind', 'params'])
    .where('notification_id', '=', delivery.notification_id)
    .executeTakeFirstOrThrow();
  const contacts = await memberContacts(ctx, delivery.person_id);
  const text = renderNotification(notification.kind, notification.params, contacts.language);
  const to = delivery.channel === 'sms' ? contacts.phone : contacts.email;
  let outcome: Result;
  let error: string | null = null;
  if (to === null) {
    outcome = 'skipped';
  } else {
    try {
      if (delivery.channel === 'sms') {
        await sendSms(ctx, { to, text: text.sms });
      } else {
        const email = renderNotificationEmail(text, contacts.language, ctx.config.publicUrl);
        await sendEmail(ctx, {
          to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          deliveryId: delivery.delivery_id,
        });
      }
      outcome = 'sent';
    } catch (failure) {
      error = failure instanceof Error ? failure.message.slice(0, 500) : 'delivery failed';
      outcome = delivery.attempts >= MAX_DELIVERY_ATTEMPTS ? 'failed' : 'retrying';
      ctx.log.warn(
        { deliveryId: delivery.delivery_id, channel: delivery.channel, attempts: delivery.attempts },
        'notification delivery failed',
      );
    }
  }
  const now = ctx.clock.now();
  await ctx.db
    .updateTable('notification_deliveries')
    .set({
      status: outcome === 'retrying' ? 'pending' : outcome,
      last_error: error,
      ...(outcome === 'sent' ? { sent_at: now } : {}),
    })
    .where('delivery_id', '=', delivery.delivery_id)
    .where('status', '=', 'sending')
    .execute();
  return outcome;
}

/**
 * Sends what is queued, batch by batch, until the queue is empty or `limit` deliveries were tried.
 * A failed send goes back to the queue (up to MAX_DELIVERY_ATTEMPTS) and is tried on the next call.
 */
export async function sendQueuedNotifications(
  ctx: ServiceContext,
  options: { limit?: number } = {},
): Promise<DispatchOutcome> {
  const limit = options.limit ?? 10_000;
  const counts = { sent: 0, skipped: 0, failed: 0, retrying: 0 };
  let tried = 0;
  while (tried < limit) {
    const batch = await claimBatch(ctx, Math.min(DELIVERY_BATCH_SIZE, limit - tried));
    if (batch.length === 0) break;
    for (const delivery of batch) {
      counts[await deliverOne(ctx, delivery)] += 1;
    }
    tried += batch.length;
    // Rows put back for a retry would be claimed again at once; they wait for the next call.
    if (counts.retrying > 0) break;
  }
  return counts;
}

/** After a transaction that called notify: send in the background, never delaying the response. */
export function dispatchNotifications(ctx: ServiceContext): void {
  dispatchInBackground(ctx, async () => {
    await sendQueuedNotifications(ctx);
  });
}
