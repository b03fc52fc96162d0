import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalMember, type PortalMember } from '../portal/portal-fixtures';
import { createTestApp } from '../test/test-context';

let test: Awaited<ReturnType<typeof createTestApp>>;
let alice: PortalMember;
let bob: PortalMember;

beforeAll(async () => {
  test = await createTestApp();
  alice = await createPortalMember(test.ctx, {
    fullName: 'Siti Ñurhaliza Çağlar',
    email: 'siti.aminah@example.com',
    phone: '+6281234567890',
    employerName: 'PT Maju Bersama',
  });
  bob = await createPortalMember(test.ctx, { fullName: 'Bob Wijaya', employerName: 'PT Lain' });
});
afterAll(async () => test?.close());

const childNik = '3201015203150002';
const spouseNik = '3201010101900003';

describe('profile', () => {
  it('refuses without a session', async () => {
    const response = await test.app.inject({ method: 'GET', url: '/api/v1/me/profile' });
    expect(response.statusCode).toBe(401);
  });

  it('shows the profile with contacts masked', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/profile',
      headers: alice.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      fullName: 'Siti Ñurhaliza Çağlar',
      birthDate: '1990-01-15',
      email: 's*********h@example.com',
      phone: '+62 812****7890',
      address: 'Jl. Melati No. 5, Bandung',
      language: 'id',
    });
  });

  it('changes address and language, and refuses a too-long address', async () => {
    const changed = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: alice.headers,
      payload: { address: '  Jl. Kenanga 7,  Surabaya ', language: 'en' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ address: 'Jl. Kenanga 7, Surabaya', language: 'en' });
    const stored = await test.ctx.db
      .selectFrom('persons')
      .select(['address_cipher'])
      .where('person_id', '=', alice.personId)
      .executeTakeFirstOrThrow();
    expect(stored.address_cipher).not.toContain('Kenanga');
    const user = await test.ctx.db
      .selectFrom('users')
      .select('language')
      .where('person_id', '=', alice.personId)
      .executeTakeFirstOrThrow();
    expect(user.language).toBe('en');

    const tooLong = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: alice.headers,
      payload: { address: 'x'.repeat(301) },
    });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.json().code).toBe('profile_address_invalid');

    const contact = await test.app.inject({
      method: 'PUT',
      url: '/api/v1/me/profile',
      headers: alice.headers,
      payload: { email: 'a@b.c' },
    });
    expect(contact.statusCode).toBe(400);
  });
});

describe('beneficiaries', () => {
  let childId: number;

  it('adds beneficiaries, warns until the shares reach 100%, and refuses more than 100%', async () => {
    const first = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/beneficiaries',
      headers: alice.headers,
      payload: { name: 'Putri Ayu', relation: 'child', nik: childNik, sharePercent: 40 },
    });
    expect(first.statusCode).toBe(201);
    childId = first.json().id;
    expect(first.json()).toMatchObject({
      totalSharePercent: 40,
      remainingSharePercent: 60,
      shareWarning: true,
    });
    expect(first.json().beneficiaries[0]).toMatchObject({
      name: 'Putri Ayu',
      relation: 'child',
      nik: '32**********0002',
      sharePercent: 40,
    });

    const over = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/beneficiaries',
      headers: alice.headers,
      payload: { name: 'Agus', relation: 'spouse', nik: spouseNik, sharePercent: 61 },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json()).toMatchObject({ code: 'beneficiary_shares_exceed_total' });
    expect(over.json().errors[0].field).toBe('sharePercent');

    const full = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/beneficiaries',
      headers: alice.headers,
      payload: { name: 'Agus', relation: 'spouse', nik: spouseNik, sharePercent: 60 },
    });
    expect(full.statusCode).toBe(201);
    expect(full.json()).toMatchObject({ totalSharePercent: 100, shareWarning: false });
  });

  it('refuses an invalid NIK, a duplicate NIK and an unknown relation', async () => {
    const bad = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/beneficiaries',
      headers: bob.headers,
      payload: { name: 'X', relation: 'child', nik: '3201013213150002', sharePercent: 10 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('nik_invalid_birth_date');
    const duplicate = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/beneficiaries',
      headers: alice.headers,
      payload: { name: 'Putri', relation: 'child', nik: childNik, sharePercent: 1 },
    });
    expect(duplicate.statusCode).toBe(409);
    const relation = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/beneficiaries',
      headers: bob.headers,
      payload: { name: 'X', relation: 'cousin', nik: childNik, sharePercent: 10 },
    });
    expect(relation.statusCode).toBe(400);
  });

  it("keeps one member's beneficiaries from another", async () => {
    const list = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/beneficiaries',
      headers: bob.headers,
    });
    expect(list.json()).toEqual({
      beneficiaries: [],
      totalSharePercent: 0,
      remainingSharePercent: 100,
      shareWarning: true,
    });
    const remove = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/beneficiaries/${childId}`,
      headers: bob.headers,
    });
    expect(remove.statusCode).toBe(404);
  });

  it('removes a beneficiary', async () => {
    const remove = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/beneficiaries/${childId}`,
      headers: alice.headers,
    });
    expect(remove.statusCode).toBe(200);
    expect(remove.json()).toMatchObject({ totalSharePercent: 60, shareWarning: true });
    expect(remove.json().beneficiaries.map((b: { name: string }) => b.name)).toEqual(['Agus']);
    const again = await test.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/beneficiaries/${childId}`,
      headers: alice.headers,
    });
    expect(again.statusCode).toBe(404);
  });
});

describe('digital card', () => {
  it('shows the card with a stable verify code', async () => {
    const first = await test.app.inject({ method: 'GET', url: '/api/v1/me/card', headers: alice.headers });
    expect(first.statusCode).toBe(200);
    const card = first.json();
    expect(card).toMatchObject({
      fullName: 'Siti Ñurhaliza Çağlar',
      kpj: alice.kpj,
      segment: 'PU',
      status: 'active',
      programmes: ['JHT', 'JKK', 'JKM', 'JP', 'JKP'],
      since: '2020-01-01',
      employerName: 'PT Maju Bersama',
    });
    expect(card.verifyCode).toMatch(/^[0-9A-Z]{12}$/);
    expect(card.verifyUrl).toBe(`${test.config.publicUrl}/verify/card/${card.verifyCode}`);
    const second = await test.app.inject({ method: 'GET', url: '/api/v1/me/card', headers: alice.headers });
    expect(second.json().verifyCode).toBe(card.verifyCode);
  });

  it('verifies a card publicly with masked details', async () => {
    const { verifyCode } = (
      await test.app.inject({ method: 'GET', url: '/api/v1/me/card', headers: alice.headers })
    ).json();
    const check = await test.app.inject({
      method: 'GET',
      url: `/api/v1/cards/verify/${verifyCode.toLowerCase()}`,
    });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toEqual({
      valid: true,
      fullName: 'Siti Ñ. Ç.',
      kpj: `••••••••${alice.kpj.slice(-3)}`,
      status: 'active',
    });
    const unknown = await test.app.inject({ method: 'GET', url: '/api/v1/cards/verify/AAAAAAAAAAAA' });
    expect(unknown.json()).toEqual({ valid: false });
  });

  it('downloads the card as PDF and PNG', async () => {
    const pdf = await test.app.inject({ method: 'GET', url: '/api/v1/me/card.pdf', headers: alice.headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const png = await test.app.inject({ method: 'GET', url: '/api/v1/me/card.png', headers: alice.headers });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
  });
});
