// News that admins publish to members, in Indonesian and English. Items with a publication time in
// the future stay hidden until then.
import { err, ok, type Result } from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from '../staff/staff-actor';
import { writeStaffAudit } from '../staff/staff-audit';

export const MAX_NEWS_TITLE_LENGTH = 200;
export const MAX_NEWS_BODY_LENGTH = 20_000;
export const NEWS_PAGE_SIZE = 20;

export interface NewsItem {
  readonly id: number;
  readonly title: { readonly id: string; readonly en: string };
  readonly body: { readonly id: string; readonly en: string };
  readonly publishedAt: string;
}

export interface NewsSummary {
  readonly id: number;
  readonly title: { readonly id: string; readonly en: string };
  /** The first ~200 characters of the body. */
  readonly excerpt: { readonly id: string; readonly en: string };
  readonly publishedAt: string;
}

export interface NewNews {
  readonly titleId: string;
  readonly titleEn: string;
  readonly bodyId: string;
  readonly bodyEn: string;
  /** ISO instant; now when absent. */
  readonly publishedAt?: string;
}

const excerpt = (body: string): string => (body.length <= 200 ? body : `${body.slice(0, 197).trimEnd()}…`);

export async function listNews(
  ctx: ServiceContext,
  options: { beforeId?: number } = {},
): Promise<NewsSummary[]> {
  let query = ctx.db
    .selectFrom('news')
    .select(['news_id', 'title_id', 'title_en', 'body_id', 'body_en', 'published_at'])
    .where('published_at', '<=', ctx.clock.now())
    .orderBy('published_at', 'desc')
    .orderBy('news_id', 'desc')
    .limit(NEWS_PAGE_SIZE);
  if (options.beforeId !== undefined) query = query.where('news_id', '<', options.beforeId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: row.news_id,
    title: { id: row.title_id, en: row.title_en },
    excerpt: { id: excerpt(row.body_id), en: excerpt(row.body_en) },
    publishedAt: new Date(row.published_at).toISOString(),
  }));
}

export async function findNews(ctx: ServiceContext, newsId: number): Promise<NewsItem | undefined> {
  const row = await ctx.db
    .selectFrom('news')
    .select(['news_id', 'title_id', 'title_en', 'body_id', 'body_en', 'published_at'])
    .where('news_id', '=', newsId)
    .where('published_at', '<=', ctx.clock.now())
    .executeTakeFirst();
  return row
    ? {
        id: row.news_id,
        title: { id: row.title_id, en: row.title_en },
        body: { id: row.body_id, en: row.body_en },
        publishedAt: new Date(row.published_at).toISOString(),
      }
    : undefined;
}

export async function publishNews(
  ctx: ServiceContext,
  input: NewNews,
  options: { actor?: StaffActor; seedKey?: string } = {},
): Promise<Result<{ id: number }, 'news_text_invalid' | 'validation_failed'>> {
  const texts = [input.titleId, input.titleEn, input.bodyId, input.bodyEn].map((text) => text.trim());
  const [titleId = '', titleEn = '', bodyId = '', bodyEn = ''] = texts;
  const titlesOk = [titleId, titleEn].every(
    (title) => title.length > 0 && title.length <= MAX_NEWS_TITLE_LENGTH,
  );
  const bodiesOk = [bodyId, bodyEn].every((body) => body.length > 0 && body.length <= MAX_NEWS_BODY_LENGTH);
  if (!titlesOk || !bodiesOk) return err('news_text_invalid');
  const publishedAt = input.publishedAt === undefined ? ctx.clock.now() : new Date(input.publishedAt);
  if (Number.isNaN(publishedAt.getTime())) return err('validation_failed', undefined, 'publishedAt');
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('news')
      .values({
        title_id: titleId,
        title_en: titleEn,
        body_id: bodyId,
        body_en: bodyEn,
        published_at: publishedAt,
        created_by_user_id: options.actor?.userId ?? null,
        seed_key: options.seedKey ?? null,
        created_at: ctx.clock.now(),
      })
      .onConflict((conflict) => conflict.column('seed_key').doNothing())
      .returning('news_id')
      .executeTakeFirst();
    // An admin's publication is on the audit log, committed with it.
    if (inserted && options.actor) {
      await writeStaffAudit(trx, ctx.clock.now(), options.actor, {
        action: 'admin.news_publish',
        personId: null,
        reason: null,
        details: { newsId: inserted.news_id, titleId },
      });
    }
    return (
      inserted ??
      (await trx
        .selectFrom('news')
        .select('news_id')
        .where('seed_key', '=', options.seedKey ?? '')
        .executeTakeFirstOrThrow())
    );
  });
  return ok({ id: row.news_id });
}
