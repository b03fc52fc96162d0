// The member's notification centre: list (newest first, paged), unread count, mark read, mark all
// read, and the per-channel preferences (in-app is always on).
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../http/app';
import { requestLanguage, sendProblem } from '../http/problem';
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from '../notification/notification-service';
import { getPreferences, setPreferences } from '../notification/notification-preferences';
import { MEMBER, memberPersonId } from '../portal/member-request';
import type { ServiceContext } from '../services/service-context';

const ListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    unread: Type.Optional(Type.Boolean()),
    lang: Type.Optional(Type.Union([Type.Literal('id'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const PreferencesBody = Type.Object(
  { sms: Type.Boolean(), email: Type.Boolean() },
  { additionalProperties: false },
);

function languageOf(request: FastifyRequest, asked: 'id' | 'en' | undefined): 'id' | 'en' {
  return asked ?? requestLanguage(request);
}

export function notificationRoutes(app: App, ctx: ServiceContext): void {
  app.get(
    '/api/v1/me/notifications',
    { config: MEMBER, schema: { querystring: ListQuery } },
    async (request) => {
      const query = request.query;
      return listNotifications(ctx, memberPersonId(request), {
        language: languageOf(request, query.lang),
        ...(query.page !== undefined ? { page: query.page } : {}),
        ...(query.pageSize !== undefined ? { pageSize: query.pageSize } : {}),
        ...(query.unread !== undefined ? { unreadOnly: query.unread } : {}),
      });
    },
  );

  app.get('/api/v1/me/notifications/unread-count', { config: MEMBER }, async (request) => ({
    unreadCount: await countUnread(ctx, memberPersonId(request)),
  }));

  app.post(
    '/api/v1/me/notifications/:id/read',
    { config: MEMBER, schema: { params: IdParams } },
    async (request, reply) => {
      const marked = await markNotificationRead(ctx, memberPersonId(request), request.params.id);
      return marked.ok ? marked.value : sendProblem(request, reply, marked);
    },
  );

  app.post('/api/v1/me/notifications/read-all', { config: MEMBER }, async (request) => {
    const personId = memberPersonId(request);
    const { marked } = await markAllNotificationsRead(ctx, personId);
    return { marked, unreadCount: 0 };
  });

  app.get('/api/v1/me/notification-preferences', { config: MEMBER }, async (request) =>
    getPreferences(ctx, memberPersonId(request)),
  );

  app.put(
    '/api/v1/me/notification-preferences',
    { config: MEMBER, schema: { body: PreferencesBody } },
    async (request) => setPreferences(ctx, memberPersonId(request), request.body),
  );
}
