// HTTP: the notification centre (list, read, read-all) and preferences, with notify() fanning out to
// SMS and e-mail through the delivery queue as the preferences say.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../http/app';
import { sendQueuedNotifications } from '../notification/notification-dispatch';
import { CONTRIBUTION_RESOLVED_KIND } from '../notification/notification-kinds';
import { notify } from '../notification/notification-service';
import { insertPerson } from '../persons/person-store';
import { bearerFor } from '../test/sign-in';
import { createTestApp, type TestContext } from '../test/test-context';

let test: TestContext & { app: App };
let personId: number;
let token: string;
const phone = '+6281234500011';
const email = 'dewi.lestari@example.com';

const params = (period: string, findingId: number) => ({
  employerName: 'CV Sinar',
  kpj: '99000000019',
  months: [{ findingId, period, postedRupiah: 1_234_567 }],
});

beforeAll(async () => {
  test = await createTestApp();
  personId = await insertPerson(test.ctx.db, test.ctx.pii, {
    nik: '3273014507900011',
    fullName: 'Dewi Lestari',
    birthDate: '1990-07-05',
    sex: 'F',
    phone,
    email,
    preferredLanguage: 'en',
  });
  token = await bearerFor(test.ctx, { role: 'member', personId });
});
afterAll(async () => test.close());

const auth = () => ({ authorization: `Bearer ${token}` });

async function deliveriesOf(notificationId: number) {
  return test.ctx.db
    .selectFrom('notification_deliveries')
    .select(['channel', 'status'])
    .where('notification_id', '=', notificationId)
    .orderBy('channel')
    .execute();
}

describe('notify', () => {
  it('records once per dedupe key and queues SMS and e-mail by default, sent in the member language', async () => {
    const first = await notify(test.ctx, {
      personId,
      kind: CONTRIBUTION_RESOLVED_KIND,
      params: params('2026-08', 1),
      dedupeKey: 'test:1',
    });
    const again = await notify(test.ctx, {
      personId,
      kind: CONTRIBUTION_RESOLVED_KIND,
      params: params('2026-08', 1),
      dedupeKey: 'test:1',
    });
    expect(first.isNew).toBe(true);
    expect(again).toEqual({ notificationId: first.notificationId, isNew: false });
    expect(await deliveriesOf(first.notificationId)).toEqual([
      { channel: 'email', status: 'pending' },
      { channel: 'sms', status: 'pending' },
    ]);
    expect(await sendQueuedNotifications(test.ctx)).toEqual({ sent: 2, skipped: 0, failed: 0, retrying: 0 });
    expect(await sendQueuedNotifications(test.ctx)).toEqual({ sent: 0, skipped: 0, failed: 0, retrying: 0 });
    const outbox = await test.ctx.db
      .selectFrom('dev_outbox')
      .select(['channel', 'subject', 'body'])
      .orderBy('message_id')
      .execute();
    expect(outbox.map((m) => [m.channel, m.subject])).toEqual([
      ['sms', null],
      ['email', 'Contributions for August 2026 are now paid'],
    ]);
    expect(outbox[1]!.body).toContain('August 2026: Rp 1.234.567 received');
    expect(outbox[1]!.body).toContain('http://localhost:3000/notifikasi');
  });

  it('refuses an unregistered kind as a programmer error', async () => {
    await expect(notify(test.ctx, { personId, kind: 'no_such_kind', params: {} })).rejects.toThrow(
      /not registered/,
    );
  });
});

describe('preferences', () => {
  it('are both on by default, and switching SMS off leaves only e-mail', async () => {
    const initial = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/notification-preferences',
      headers: auth(),
    });
    expect(initial.json()).toEqual({ sms: true, email: true, inApp: true, hasPhone: true, hasEmail: true });
    const put = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: auth(),
      payload: { sms: false, email: true },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ sms: false, email: true });
    const bad = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: auth(),
      payload: { sms: 'no' },
    });
    expect(bad.statusCode).toBe(400);

    const told = await notify(test.ctx, {
      personId,
      kind: CONTRIBUTION_RESOLVED_KIND,
      params: params('2026-09', 2),
      dedupeKey: 'test:2',
    });
    expect(await deliveriesOf(told.notificationId)).toEqual([{ channel: 'email', status: 'pending' }]);
    await sendQueuedNotifications(test.ctx);
    expect(await deliveriesOf(told.notificationId)).toEqual([{ channel: 'email', status: 'sent' }]);
  });
});

describe('notification centre', () => {
  it('lists newest first with unread count, pages, marks one and then all read', async () => {
    await notify(test.ctx, {
      personId,
      kind: CONTRIBUTION_RESOLVED_KIND,
      params: params('2026-10', 3),
      dedupeKey: 'test:3',
    });
    const list = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications?pageSize=2',
      headers: auth(),
    });
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page).toMatchObject({ total: 3, unreadCount: 3, page: 1, pageSize: 2 });
    // The member's language is English, but the Accept-Language of the request decides the words.
    expect(page.items.map((item: { title: string }) => item.title)).toEqual([
      'Iuran Oktober 2026 sudah dibayar',
      'Iuran September 2026 sudah dibayar',
    ]);
    const second = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications?page=2&pageSize=2&lang=en',
      headers: auth(),
    });
    expect(second.json().items.map((item: { title: string }) => item.title)).toEqual([
      'Contributions for August 2026 are now paid',
    ]);

    const newest = page.items[0].id as number;
    const read = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${newest}/read`,
      headers: auth(),
    });
    expect(read.json()).toEqual({ unreadCount: 2 });
    const unread = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications?unread=true',
      headers: auth(),
    });
    expect(unread.json().items.map((item: { id: number }) => item.id)).not.toContain(newest);
    expect(
      (
        await test.app.inject({
          method: 'POST',
          url: '/api/v1/me/notifications/999999/read',
          headers: auth(),
        })
      ).statusCode,
    ).toBe(404);

    const all = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/notifications/read-all',
      headers: auth(),
    });
    expect(all.json()).toEqual({ marked: 2, unreadCount: 0 });
    const count = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications/unread-count',
      headers: auth(),
    });
    expect(count.json()).toEqual({ unreadCount: 0 });
  });

  it("never shows another member's notifications", async () => {
    const other = await bearerFor(test.ctx, { role: 'member' });
    const list = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications',
      headers: { authorization: `Bearer ${other}` },
    });
    expect(list.json()).toMatchObject({ total: 0, items: [] });
    const mine = await test.ctx.db
      .selectFrom('notifications')
      .select('notification_id')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const read = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/notifications/${mine.notification_id}/read`,
      headers: { authorization: `Bearer ${other}` },
    });
    expect(read.statusCode).toBe(404);
  });
});
