// News: anyone can read published items; admins publish them in Indonesian and English.
import { Type } from '@sinclair/typebox';
import type { App } from '../http/app';
import { sendProblem } from '../http/problem';
import { findNews, listNews, publishNews } from '../news/news-service';
import type { ServiceContext } from '../services/service-context';
import { actorOf as staffActorOf } from '../staff/staff-route-support';

const ListQuery = Type.Object({
  beforeId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
});
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const NewsBody = Type.Object(
  {
    titleId: Type.String({ maxLength: 1000 }),
    titleEn: Type.String({ maxLength: 1000 }),
    bodyId: Type.String({ maxLength: 40_000 }),
    bodyEn: Type.String({ maxLength: 40_000 }),
    publishedAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export function newsRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/api/v1/news',
    { config: { access: 'public' }, schema: { querystring: ListQuery } },
    async (request) => ({
      items: await listNews(
        ctx,
        request.query.beforeId === undefined ? {} : { beforeId: request.query.beforeId },
      ),
    }),
  );

  app.get(
    '/api/v1/news/:id',
    { config: { access: 'public' }, schema: { params: IdParams } },
    async (request, reply) => {
      const item = await findNews(ctx, request.params.id);
      return item ?? sendProblem(request, reply, 'not_found');
    },
  );

  app.post(
    '/api/v1/admin/news',
    { config: { access: ['admin'] }, schema: { body: NewsBody } },
    async (request, reply) => {
      const published = await publishNews(ctx, request.body, { actor: staffActorOf(request) });
      if (!published.ok) return sendProblem(request, reply, published);
      const item = await ctx.db
        .selectFrom('news')
        .select(['news_id', 'published_at'])
        .where('news_id', '=', published.value.id)
        .executeTakeFirstOrThrow();
      return reply
        .code(201)
        .send({ id: item.news_id, publishedAt: new Date(item.published_at).toISOString() });
    },
  );
}
