// Development delivery: stores each message in dev_outbox (recipient encrypted, found by blind index)
// so a new user or a browser test can read the code, and prints a pointer on the console.
import type { BlindIndexKind } from '../crypto/pii-cipher';
import type { ServiceContext } from '../services/service-context';
import type { DeliveryAdapter } from './delivery-port';

export function outboxRecipientIndex(ctx: ServiceContext, to: string): string {
  const kind: BlindIndexKind = to.includes('@') ? 'email' : 'phone';
  return ctx.pii.blindIndex(kind, to);
}

async function store(
  ctx: ServiceContext,
  channel: 'sms' | 'email',
  to: string,
  subject: string | null,
  body: string,
): Promise<void> {
  await ctx.db
    .insertInto('dev_outbox')
    .values({
      channel,
      to_cipher: ctx.pii.encrypt(to),
      to_index: outboxRecipientIndex(ctx, to),
      subject,
      body,
      created_at: ctx.clock.now(),
    })
    .execute();
  if (ctx.config.env === 'development') {
    const where = `${ctx.config.publicUrl}/api/v1/dev/outbox?to=${encodeURIComponent(to)}`;
    ctx.log.info(`[dev outbox] ${channel} message stored; read it at ${where}`);
  }
}

export const outboxAdapter: DeliveryAdapter = {
  name: 'outbox',
  sendSms: (ctx, message) => store(ctx, 'sms', message.to, null, message.text),
  sendEmail: (ctx, message) => store(ctx, 'email', message.to, message.subject, message.text),
};

export interface OutboxMessage {
  readonly id: number;
  readonly channel: 'sms' | 'email';
  readonly to: string;
  readonly subject: string | null;
  readonly text: string;
  readonly createdAt: string;
}

export async function readOutbox(ctx: ServiceContext, to: string, limit = 10): Promise<OutboxMessage[]> {
  const rows = await ctx.db
    .selectFrom('dev_outbox')
    .selectAll()
    .where('to_index', '=', outboxRecipientIndex(ctx, to))
    .orderBy('message_id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.message_id,
    channel: row.channel,
    to: ctx.pii.decrypt(row.to_cipher),
    subject: row.subject,
    text: row.body,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
