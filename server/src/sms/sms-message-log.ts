// The log of every SMS in and out. Number and text are encrypted (a DAFTAR carries NIK and birth
// date, a reply the balance); the blind index finds a number's messages for rate limits and support.
import { segmentSms } from '@lumbung/core/sms/gsm7';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { SmsGatewayName, SmsMessageStatus } from '../db/tables/sms-tables';
import type { ServiceContext } from '../services/service-context';
import { phoneIndex } from './phone-link-store';

type Executor = Kysely<DB> | Transaction<DB>;

/** Longest text kept; an inbound concatenated message could be longer than any command. */
const MAX_STORED_TEXT = 1_600;
const MAX_PROVIDER_ID = 100;

export interface NewSmsMessage {
  readonly direction: 'in' | 'out';
  readonly gateway: SmsGatewayName;
  readonly phone: string;
  readonly personId?: number | null;
  readonly kind: string;
  readonly text: string;
  readonly inReplyTo?: number | null;
  readonly providerMessageId?: string | null;
  readonly status: SmsMessageStatus;
}

function segmentsOf(text: string): number {
  return text === '' ? 1 : Math.min(255, segmentSms(text).parts.length);
}

/** Inserts a message; for an inbound message with a provider id already stored, returns null instead. */
export async function insertSmsMessage(
  ctx: ServiceContext,
  db: Executor,
  message: NewSmsMessage,
): Promise<number | null> {
  const now = ctx.clock.now();
  const text = message.text.slice(0, MAX_STORED_TEXT);
  const row = await db
    .insertInto('sms_messages')
    .values({
      direction: message.direction,
      gateway: message.gateway,
      phone_cipher: ctx.pii.encrypt(message.phone),
      phone_index: phoneIndex(ctx, message.phone),
      person_id: message.personId ?? null,
      kind: message.kind,
      text_cipher: ctx.pii.encrypt(text),
      segments: segmentsOf(text),
      in_reply_to: message.inReplyTo ?? null,
      provider_message_id: message.providerMessageId?.slice(0, MAX_PROVIDER_ID) ?? null,
      status: message.status,
      created_at: now,
      status_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['gateway', 'provider_message_id'])
        // Literals, not parameters: PostgreSQL matches a partial index's predicate at plan time, and
        // a parameter in a named (prepared) statement cannot prove `direction = 'in'`.
        .where(sql.ref('direction'), '=', sql.lit('in'))
        .where('provider_message_id', 'is not', null)
        .doNothing(),
    )
    .returning('message_id')
    .executeTakeFirst();
  return row?.message_id ?? null;
}

export interface StoredReply {
  readonly messageId: number;
  readonly text: string;
}

/** The inbound message a gateway already delivered once, and the replies it got. */
export async function findRepliesToProviderMessage(
  ctx: ServiceContext,
  db: Executor,
  gateway: SmsGatewayName,
  providerMessageId: string,
): Promise<{ inboundMessageId: number; replies: StoredReply[] } | null> {
  const inbound = await db
    .selectFrom('sms_messages')
    .select('message_id')
    .where('direction', '=', 'in')
    .where('gateway', '=', gateway)
    .where('provider_message_id', '=', providerMessageId.slice(0, MAX_PROVIDER_ID))
    .executeTakeFirst();
  if (!inbound) return null;
  const replies = await db
    .selectFrom('sms_messages')
    .select(['message_id', 'text_cipher'])
    .where('in_reply_to', '=', inbound.message_id)
    .orderBy('message_id')
    .execute();
  return {
    inboundMessageId: inbound.message_id,
    replies: replies.map((row) => ({ messageId: row.message_id, text: ctx.pii.decrypt(row.text_cipher) })),
  };
}

export async function setInboundOutcome(
  db: Executor,
  messageId: number,
  outcome: { personId: number | null; kind: string; detail: string | null },
): Promise<void> {
  await db
    .updateTable('sms_messages')
    .set({ person_id: outcome.personId, kind: outcome.kind, status_detail: outcome.detail })
    .where('message_id', '=', messageId)
    .execute();
}

/** Status order: a late 'sent' report must not overwrite 'delivered'. */
const statusRank: Record<SmsMessageStatus, number> = {
  received: 0,
  queued: 1,
  sent: 2,
  delivered: 3,
  failed: 3,
  rejected: 3,
};

/** Applies a delivery report to an outbound message; false when there is no such message. */
export async function applyDeliveryStatus(
  ctx: ServiceContext,
  messageId: number,
  status: SmsMessageStatus,
  detail: string | null,
  providerMessageId?: string | null,
): Promise<boolean> {
  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('sms_messages')
      .select(['status'])
      .where('message_id', '=', messageId)
      .where('direction', '=', 'out')
      .forUpdate()
      .executeTakeFirst();
    if (!current) return false;
    if (statusRank[status] < statusRank[current.status]) return true;
    await trx
      .updateTable('sms_messages')
      .set({
        status,
        status_detail: detail?.slice(0, 200) ?? null,
        status_at: ctx.clock.now(),
        ...(providerMessageId ? { provider_message_id: providerMessageId.slice(0, MAX_PROVIDER_ID) } : {}),
      })
      .where('message_id', '=', messageId)
      .execute();
    return true;
  });
}

export interface LoggedSms {
  readonly messageId: number;
  readonly direction: 'in' | 'out';
  readonly kind: string;
  readonly text: string;
  readonly status: SmsMessageStatus;
  readonly personId: number | null;
  readonly createdAt: string;
}

/** A number's recent messages, newest first (staff support and tests). */
export async function listSmsMessages(
  ctx: ServiceContext,
  phoneE164: string,
  limit = 20,
): Promise<LoggedSms[]> {
  const rows = await ctx.db
    .selectFrom('sms_messages')
    .selectAll()
    .where('phone_index', '=', phoneIndex(ctx, phoneE164))
    .orderBy('message_id', 'desc')
    .limit(Math.min(Math.max(limit, 1), 200))
    .execute();
  return rows.map((row) => ({
    messageId: row.message_id,
    direction: row.direction,
    kind: row.kind,
    text: ctx.pii.decrypt(row.text_cipher),
    status: row.status,
    personId: row.person_id,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
