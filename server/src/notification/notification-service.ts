// The member's notification centre: `notify` records one notification (in-app, always) and queues an
// SMS and an e-mail as the member's preferences say; the centre lists, counts and marks them read.
// Texts are rendered when read or sent, in the language asked for, from the stored kind + params.
import { assert, err, ok, type Language, type Result } from '@lumbung/core';
import { sql } from 'kysely';
import type { ServiceContext } from '../services/service-context';
import { isNotificationKind, renderNotification } from './notification-kinds';
import { readPreferences } from './notification-preferences';

export interface NotifyInput {
  readonly personId: number;
  /** A registered kind (notification-kinds.ts). */
  readonly kind: string;
  /** JSON the kind's renderer reads; no PII beyond what the member may see about themself. */
  readonly params: object;
  /** The event this tells about, e.g. 'finding:42:opened'. A second notify with the same key does nothing. */
  readonly dedupeKey?: string;
}

export interface NotifyOutcome {
  readonly notificationId: number;
  /** False when the dedupe key had already been used: nothing was recorded or queued. */
  readonly isNew: boolean;
}

/**
 * Records a notification and queues its SMS/e-mail deliveries. Inside a caller's transaction pass
 * `{ ...ctx, db: trx }` so it commits with the change it tells about; then call dispatchNotifications.
 */
export async function notify(ctx: ServiceContext, input: NotifyInput): Promise<NotifyOutcome> {
  assert(isNotificationKind(input.kind), `notification kind '${input.kind}' is not registered`);
  assert(Number.isSafeInteger(input.personId) && input.personId > 0, 'personId must be a positive integer');
  const now = ctx.clock.now();
  const inserted = await ctx.db
    .insertInto('notifications')
    .values({
      person_id: input.personId,
      kind: input.kind,
      params: JSON.stringify(input.params),
      dedupe_key: input.dedupeKey ?? null,
      created_at: now,
    })
    .onConflict((conflict) => conflict.columns(['person_id', 'dedupe_key']).doNothing())
    .returning('notification_id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await ctx.db
      .selectFrom('notifications')
      .select('notification_id')
      .where('person_id', '=', input.personId)
      .where('dedupe_key', '=', input.dedupeKey ?? '')
      .executeTakeFirstOrThrow();
    return { notificationId: existing.notification_id, isNew: false };
  }
  const preferences = await readPreferences(ctx.db, input.personId);
  const channels = [
    ...(preferences.sms ? (['sms'] as const) : []),
    ...(preferences.email ? (['email'] as const) : []),
  ];
  if (channels.length > 0) {
    await ctx.db
      .insertInto('notification_deliveries')
      .values(
        channels.map((channel) => ({
          notification_id: inserted.notification_id,
          person_id: input.personId,
          channel,
          created_at: now,
        })),
      )
      .execute();
  }
  return { notificationId: inserted.notification_id, isNew: true };
}

export interface NotificationItem {
  readonly id: number;
  readonly kind: string;
  readonly title: string;
  readonly intro: string;
  readonly lines: readonly string[];
  readonly outro: string;
  readonly createdAt: string;
  readonly readAt: string | null;
  readonly isRead: boolean;
  /** The stored params, for actions the page offers (e.g. the finding to report). */
  readonly params: unknown;
}

export interface NotificationPage {
  readonly items: NotificationItem[];
  readonly page: number;
  readonly pageSize: number;
  readonly total: number;
  readonly unreadCount: number;
}

export const MAX_NOTIFICATION_PAGE_SIZE = 50;

export async function countUnread(ctx: ServiceContext, personId: number): Promise<number> {
  const row = await ctx.db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Newest first; `unreadOnly` lists only what has not been read. */
export async function listNotifications(
  ctx: ServiceContext,
  personId: number,
  options: { page?: number; pageSize?: number; unreadOnly?: boolean; language: Language },
): Promise<NotificationPage> {
  const pageSize = Math.min(Math.max(options.pageSize ?? 20, 1), MAX_NOTIFICATION_PAGE_SIZE);
  const page = Math.max(options.page ?? 1, 1);
  let base = ctx.db.selectFrom('notifications').where('person_id', '=', personId);
  if (options.unreadOnly) base = base.where('read_at', 'is', null);
  const [rows, total, unreadCount] = [
    await base
      .select(['notification_id', 'kind', 'params', 'created_at', 'read_at'])
      .orderBy('notification_id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst(),
    await countUnread(ctx, personId),
  ];
  return {
    items: rows.map((row) => {
      const text = renderNotification(row.kind, row.params, options.language);
      return {
        id: row.notification_id,
        kind: row.kind,
        title: text.title,
        intro: text.intro,
        lines: text.lines,
        outro: text.outro,
        createdAt: new Date(row.created_at).toISOString(),
        readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
        isRead: row.read_at !== null,
        params: row.params,
      };
    }),
    page,
    pageSize,
    total: Number(total?.n ?? 0),
    unreadCount,
  };
}

/** Marking read twice keeps the first time. */
export async function markNotificationRead(
  ctx: ServiceContext,
  personId: number,
  notificationId: number,
): Promise<Result<{ unreadCount: number }, 'notification_not_found'>> {
  const found = await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('notifications')
      .set({ read_at: sql<Date>`coalesce(read_at, ${ctx.clock.now()})` })
      .where('notification_id', '=', notificationId)
      .where('person_id', '=', personId)
      .returning('notification_id')
      .executeTakeFirst();
    return row !== undefined;
  });
  if (!found) return err('notification_not_found');
  return ok({ unreadCount: await countUnread(ctx, personId) });
}

export async function markAllNotificationsRead(
  ctx: ServiceContext,
  personId: number,
): Promise<{ marked: number }> {
  const result = await ctx.db
    .transaction()
    .execute((trx) =>
      trx
        .updateTable('notifications')
        .set({ read_at: ctx.clock.now() })
        .where('person_id', '=', personId)
        .where('read_at', 'is', null)
        .executeTakeFirst(),
    );
  return { marked: Number(result.numUpdatedRows) };
}
