import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalMember, type PortalMember } from '../portal/portal-fixtures';
import { seedDemoNews } from '../news/demo-news';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';
import { closeTicket, listOpenTickets, replyToTicket } from '../ticket/ticket-service';

let test: Awaited<ReturnType<typeof createTestApp>>;
let alice: PortalMember;
let bob: PortalMember;
const staff = { userId: 0, role: 'agent' as const, displayName: 'Petugas', sessionId: 0 };

beforeAll(async () => {
  test = await createTestApp();
  alice = await createPortalMember(test.ctx, { fullName: 'Alice Rahma' });
  bob = await createPortalMember(test.ctx, { fullName: 'Bob Wijaya' });
  await bearerFor(test.ctx, { role: 'agent' });
  const agent = await test.ctx.db
    .selectFrom('users')
    .select(['user_id'])
    .where('role', '=', 'agent')
    .executeTakeFirstOrThrow();
  const session = await test.ctx.db
    .selectFrom('sessions')
    .select(['session_id'])
    .where('user_id', '=', agent.user_id)
    .executeTakeFirstOrThrow();
  Object.assign(staff, { userId: agent.user_id, sessionId: session.session_id });
});
afterAll(async () => test?.close());

describe('tickets', () => {
  let ticketId: number;

  it('opens a ticket with a number and the first message', async () => {
    const opened = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/tickets',
      headers: alice.headers,
      payload: {
        subject: ' Saldo tidak bertambah ',
        body: 'Iuran Oktober belum masuk.',
        category: 'balance',
      },
    });
    expect(opened.statusCode).toBe(201);
    expect(opened.json().number).toMatch(/^TK-2026-\d{6}$/);
    ticketId = opened.json().id;
    const thread = await test.app.inject({
      method: 'GET',
      url: `/api/v1/me/tickets/${ticketId}`,
      headers: alice.headers,
    });
    expect(thread.json()).toMatchObject({
      id: ticketId,
      subject: 'Saldo tidak bertambah',
      category: 'balance',
      status: 'open',
      messages: [{ from: 'member', body: 'Iuran Oktober belum masuk.', at: '2026-11-22T03:00:00.000Z' }],
    });
  });

  it('refuses an empty message', async () => {
    const empty = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/tickets',
      headers: alice.headers,
      payload: { subject: 'x', body: '   ' },
    });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors[0]).toMatchObject({ field: 'body', code: 'ticket_text_invalid' });
  });

  it("hides one member's ticket from another", async () => {
    const read = await test.app.inject({
      method: 'GET',
      url: `/api/v1/me/tickets/${ticketId}`,
      headers: bob.headers,
    });
    expect(read.statusCode).toBe(404);
    const write = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/tickets/${ticketId}/messages`,
      headers: bob.headers,
      payload: { body: 'hi' },
    });
    expect(write.statusCode).toBe(404);
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/me/tickets', headers: bob.headers });
    expect(list.json()).toEqual({ tickets: [] });
  });

  it('shows the staff reply in the thread, takes a follow-up, and refuses one after closing', async () => {
    const queue = await listOpenTickets(test.ctx);
    expect(queue.map((ticket) => ticket.id)).toContain(ticketId);
    test.clock.advanceMs(60_000);
    const replied = await replyToTicket(test.ctx, staff, ticketId, 'Iuran sudah kami periksa.');
    expect(replied.ok && replied.value.status).toBe('answered');
    const audit = await test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'subject_person_id'])
      .where('action', '=', 'staff.ticket_reply')
      .execute();
    expect(audit).toEqual([{ action: 'staff.ticket_reply', subject_person_id: alice.personId }]);

    const followUp = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/tickets/${ticketId}/messages`,
      headers: alice.headers,
      payload: { body: 'Terima kasih.' },
    });
    expect(followUp.statusCode).toBe(201);
    expect(followUp.json().status).toBe('open');
    expect(followUp.json().messages.map((m: { from: string }) => m.from)).toEqual([
      'member',
      'staff',
      'member',
    ]);

    expect((await closeTicket(test.ctx, staff, ticketId)).ok).toBe(true);
    const closed = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/tickets/${ticketId}/messages`,
      headers: alice.headers,
      payload: { body: 'Lagi' },
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('ticket_closed');
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/me/tickets', headers: alice.headers });
    expect(list.json().tickets[0]).toMatchObject({ id: ticketId, status: 'closed' });
  });
});

describe('news', () => {
  it('lists seeded news publicly, newest first, and seeding twice adds nothing', async () => {
    expect(await seedDemoNews(test.ctx)).toBe(3);
    await seedDemoNews(test.ctx);
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/news' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items).toHaveLength(3);
    expect(items[0].title.id).toBe('Perbarui data ahli waris Anda');
    const one = await test.app.inject({ method: 'GET', url: `/api/v1/news/${items[0].id}` });
    expect(one.json()).toMatchObject({ title: { en: 'Keep your beneficiaries up to date' } });
    expect(one.json().body.id).toContain('100%');
  });

  it('lets only admins publish, and hides future items until their time', async () => {
    const payload = {
      titleId: 'Libur',
      titleEn: 'Holiday',
      bodyId: 'Kantor tutup.',
      bodyEn: 'Offices closed.',
      publishedAt: '2026-12-01T00:00:00Z',
    };
    const asMember = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/news',
      headers: alice.headers,
      payload,
    });
    expect(asMember.statusCode).toBe(403);
    const admin = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'admin' })}` };
    const published = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/news',
      headers: admin,
      payload,
    });
    expect(published.statusCode).toBe(201);
    const id = published.json().id;
    const audited = await test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'admin.news_publish')
      .execute();
    expect(audited).toEqual([
      {
        action: 'admin.news_publish',
        details: expect.objectContaining({ newsId: id, titleId: payload.titleId }),
      },
    ]);
    const empty = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/news',
      headers: admin,
      payload: { ...payload, titleEn: ' ' },
    });
    expect(empty.statusCode).toBe(422);
    expect((await test.app.inject({ method: 'GET', url: `/api/v1/news/${id}` })).statusCode).toBe(404);
    test.clock.set('2026-12-02T00:00:00Z');
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/news' })).json().items[0].id).toBe(id);
  });
});
