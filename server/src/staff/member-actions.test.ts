// Staff actions on a verified member change what they should, and each is audited with its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPerson, insertPerson } from '../persons/person-store';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';

const NIK = '3273014506900011';
const KPJ = '99000000010';

describe('staff actions on a member', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  let personId = 0;
  let officer = '';
  const post = (path: string, payload: object, method: 'POST' | 'PUT' = 'POST') =>
    test.app.inject({
      method,
      url: `/api/v1/staff/members/${personId}${path}`,
      headers: { authorization: `Bearer ${officer}` },
      payload,
    });

  beforeAll(async () => {
    test = await createTestApp();
    const { ctx } = test;
    personId = await insertPerson(ctx.db, ctx.pii, {
      nik: NIK,
      fullName: 'Dewi Lestari',
      birthDate: '1990-06-05',
      sex: 'F',
      phone: '+6281200000001',
    });
    await ctx.db
      .insertInto('member_accounts')
      .values({ person_id: personId, kpj: KPJ, segment: 'PU', joined_on: '2015-01-01' })
      .execute();
    await bearerFor(ctx, { role: 'member', personId });
    officer = await bearerFor(ctx, { role: 'branch_officer', displayName: 'Petugas Budi' });
    const verified = await post('/verifications', {
      channel: 'branch',
      idCardSeen: true,
      photoMatches: true,
      nik: NIK,
      reason: 'member at counter',
    });
    expect(verified.json().outcome).toBe('passed');
  });
  afterAll(async () => {
    await test.close();
  });

  it('updates contact data in the person and the sign-in account', async () => {
    const response = await post(
      '/contact',
      { phone: '0813-9999-0000', email: 'Dewi@Example.com', reason: 'old phone lost' },
      'PUT',
    );
    expect(response.json()).toEqual({ changedFields: ['phone', 'email'] });
    const person = await getPerson(test.ctx.db, test.ctx.pii, personId);
    expect([person.phone, person.email]).toEqual(['+6281399990000', 'dewi@example.com']);
    const user = await test.ctx.db
      .selectFrom('users')
      .select(['phone_index', 'email_index'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(user.phone_index).toBe(test.ctx.pii.blindIndex('phone', '+6281399990000'));
    const unchanged = await post('/contact', { phone: '081399990000', reason: 'old phone lost' }, 'PUT');
    expect(unchanged.json().code).toBe('contact_unchanged');
    const noReason = await post('/contact', { address: 'Jl. Baru 2', reason: '' }, 'PUT');
    expect(noReason.json()).toMatchObject({ code: 'staff_reason_required', errors: [{ field: 'reason' }] });
  });

  it('links and unlinks a phone for SMS, and shows it in the member 360', async () => {
    const linked = await post('/sms-link', { kpj: KPJ, phone: '081399990000', reason: 'member asked' });
    expect(linked.json()).toEqual({ isNew: true });
    const overview = await test.app.inject({
      url: `/api/v1/staff/members/${personId}/overview`,
      headers: { authorization: `Bearer ${officer}` },
    });
    expect(overview.json().sms.links).toEqual([
      expect.objectContaining({ kpj: KPJ, phone: '+6281399990000', linkedBy: 'staff' }),
    ]);
    expect(overview.json().claims).toEqual({ items: [], note: null });
    const unlinked = await post('/sms-unlink', { phone: '081399990000', reason: 'member asked' });
    expect(unlinked.json()).toEqual({ unlinkedCount: 1 });
  });

  it('reissues the card code and sends a reset code to the registered contact', async () => {
    const before = await test.ctx.db
      .selectFrom('member_cards')
      .select('verify_code')
      .where('person_id', '=', personId)
      .executeTakeFirst();
    expect((await post('/card-reissue', { reason: 'card lost' })).statusCode).toBe(200);
    const after = await test.ctx.db
      .selectFrom('member_cards')
      .select('verify_code')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(after.verify_code).not.toBe(before?.verify_code);
    const reset = await post('/password-reset', { reason: 'forgot password' });
    const user = await test.ctx.db
      .selectFrom('users')
      .select('preferred_channel')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    // Where the code went, masked; never the code or the challenge (the member finishes from the link).
    expect(reset.json()).toEqual({ channel: user.preferred_channel, maskedDestination: expect.any(String) });
    const audit = await test.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'reason'])
      .where('subject_person_id', '=', personId)
      .where('action', 'in', [
        'staff.contact_update',
        'staff.sms_link',
        'staff.sms_unlink',
        'staff.card_reissue',
        'staff.password_reset_sent',
      ])
      .orderBy('audit_id')
      .execute();
    expect(audit.map((entry) => entry.action)).toEqual([
      'staff.contact_update',
      'staff.sms_link',
      'staff.sms_unlink',
      'staff.card_reissue',
      'staff.password_reset_sent',
    ]);
    expect(audit[3]?.reason).toBe('card lost');
  });

  it('starts a claim through the claims service, which applies its own rules', async () => {
    // The full flow is in server/src/claims/claim-staff-open.test.ts; this member's KPJ is still active.
    const response = await post('/claims', {
      claim: { kpj: KPJ, programme: 'JHT', reason: 'resignation' },
      idempotencyKey: 'desk-claim-0001',
      reason: 'member asks at the counter',
    });
    expect([response.statusCode, response.json().code]).toEqual([422, 'claim_membership_active']);
    const incomplete = await post('/claims', { reason: 'member asks' });
    expect(incomplete.statusCode).toBe(400);
  });
});
