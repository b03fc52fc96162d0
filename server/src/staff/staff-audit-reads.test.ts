// What staff reads and refusals leave on the audit log: the member card (with the search's reason),
// the member's tickets, the ticket queue and one ticket's thread, a ticket opened at the desk, refusals
// of other features' staff routes, and a refused verification channel written once, not twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson } from '../persons/person-store';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';

const NIK = '3273014506900023';

describe('staff reads on the audit log', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  let personId = 0;
  let agent = '';
  let agentUserId = 0;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  const entries = (action: string) =>
    test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'reason', 'subject_person_id', 'actor_user_id', 'details'])
      .where('action', '=', action)
      .orderBy('audit_id')
      .execute();

  beforeAll(async () => {
    test = await createTestApp();
    const { ctx } = test;
    personId = await insertPerson(ctx.db, ctx.pii, {
      nik: NIK,
      fullName: 'Sri Rahayu',
      birthDate: '1990-06-05',
      sex: 'F',
      phone: '+6281234500023',
      motherMaidenName: 'Tuti Handayani',
    });
    await ctx.db
      .insertInto('member_accounts')
      .values({ person_id: personId, kpj: '99000000010', segment: 'PU', joined_on: '2015-01-01' })
      .execute();
    agent = await bearerFor(ctx, { role: 'agent', displayName: 'Agen Audit' });
    agentUserId = (
      await ctx.db
        .selectFrom('users')
        .select('user_id')
        .where('display_name', '=', 'Agen Audit')
        .executeTakeFirstOrThrow()
    ).user_id;
  });
  afterAll(async () => {
    await test.close();
  });

  it('audits the member card with the reason given at the search that found the member', async () => {
    const search = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/members/search',
      headers: as(agent),
      payload: { nik: NIK, reason: 'Peserta menelepon 175' },
    });
    expect(search.json().results).toHaveLength(1);
    const card = await test.app.inject({ url: `/api/v1/staff/members/${personId}`, headers: as(agent) });
    expect(card.json()).toMatchObject({
      allowedChannels: ['call_centre'],
      verification: { isVerified: false },
    });
    expect(await entries('staff.member_card_view')).toEqual([
      expect.objectContaining({
        reason: 'Peserta menelepon 175',
        subject_person_id: personId,
        actor_user_id: agentUserId,
      }),
    ]);
  });

  it('writes a refused verification channel once, with its details', async () => {
    const refused = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/members/${personId}/verifications`,
      headers: as(agent),
      payload: {
        channel: 'branch',
        idCardSeen: true,
        photoMatches: true,
        nik: NIK,
        reason: 'member at counter',
      },
    });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'verification_channel_not_allowed']);
    await new Promise((done) => setTimeout(done, 50));
    expect(await entries('staff.forbidden')).toEqual([]);
    expect(await entries('staff.identity_verification')).toEqual([]);
    expect(await entries('staff.verification_refused')).toEqual([
      expect.objectContaining({
        reason: 'member at counter',
        details: expect.objectContaining({ channel: 'branch', refused: 'channel_not_allowed' }),
      }),
    ]);
  });

  it('audits ticket reads and a ticket opened at the desk, and serves one ticket with its thread', async () => {
    const verified = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/members/${personId}/verifications`,
      headers: as(agent),
      payload: {
        channel: 'call_centre',
        birthDate: '1990-06-05',
        motherMaidenName: 'tuti handayani',
        phone: '0812-3450-0023',
        reason: 'caller asks about a ticket',
      },
    });
    expect(verified.json().outcome).toBe('passed');
    const opened = await test.app.inject({
      method: 'POST',
      url: `/api/v1/staff/members/${personId}/tickets`,
      headers: as(agent),
      payload: { subject: 'Saldo JHT', body: 'Peserta menanyakan saldo JHT yang belum bertambah.' },
    });
    expect(opened.statusCode).toBe(201);
    const ticketId = opened.json().id as number;
    expect(await entries('staff.ticket_open')).toEqual([
      expect.objectContaining({
        reason: 'caller asks about a ticket',
        subject_person_id: personId,
        details: expect.objectContaining({ ticketId, number: opened.json().number }),
      }),
    ]);

    const mine = await test.app.inject({
      url: `/api/v1/staff/members/${personId}/tickets`,
      headers: as(agent),
    });
    expect(mine.json().tickets.map((ticket: { id: number }) => ticket.id)).toEqual([ticketId]);
    expect(await entries('staff.member_tickets_view')).toEqual([
      expect.objectContaining({
        reason: 'caller asks about a ticket',
        details: expect.objectContaining({ ticketIds: [ticketId] }),
      }),
    ]);

    const queue = await test.app.inject({ url: '/api/v1/staff/tickets', headers: as(agent) });
    expect(queue.json().tickets).toEqual([expect.objectContaining({ id: ticketId, personId })]);
    expect(await entries('staff.ticket_queue_view')).toEqual([
      expect.objectContaining({ subject_person_id: personId, reason: 'ticket queue' }),
    ]);

    const thread = await test.app.inject({ url: `/api/v1/staff/tickets/${ticketId}`, headers: as(agent) });
    expect(thread.json()).toMatchObject({
      id: ticketId,
      personId,
      status: 'open',
      messages: [{ from: 'member', body: 'Peserta menanyakan saldo JHT yang belum bertambah.' }],
    });
    expect(await entries('staff.ticket_view')).toEqual([
      expect.objectContaining({ subject_person_id: personId, reason: `ticket ${opened.json().number}` }),
    ]);
    const missing = await test.app.inject({ url: '/api/v1/staff/tickets/999999', headers: as(agent) });
    expect(missing.statusCode).toBe(404);
  });

  it("audits refusals of other features' staff routes once, in the access check", async () => {
    const before = (await entries('staff.forbidden')).length;
    const payment = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/payments',
      headers: as(agent),
      payload: {},
    });
    const news = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/news',
      headers: as(agent),
      payload: { titleId: 'x', titleEn: 'x', bodyId: 'x', bodyEn: 'x' },
    });
    expect([payment.statusCode, news.statusCode]).toEqual([403, 403]);
    await new Promise((done) => setTimeout(done, 50));
    const after = await entries('staff.forbidden');
    expect(after.slice(before).map((entry) => (entry.details as { route: string }).route)).toEqual([
      '/api/v1/staff/payments',
      '/api/v1/admin/news',
    ]);
  });
});
