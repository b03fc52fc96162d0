// The admin API: a created staff user signs in with the TOTP secret shown once; disabling ends their
// sessions; the audit log filters; rule rows are added effective-dated and refused when they would
// leave a gap or overlap or have the wrong shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../identity/totp';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';

describe('admin routes', () => {
  let test: Awaited<ReturnType<typeof createTestApp>>;
  let admin = '';
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    test = await createTestApp();
    admin = await bearerFor(test.ctx, { role: 'admin', displayName: 'Admin Uji' });
  });
  afterAll(async () => {
    await test.close();
  });

  it('creates a staff user who signs in with the TOTP secret, then disables them', async () => {
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/staff-users',
      headers: as(admin),
      payload: { email: 'Rina.Agen@Lumbung.test', displayName: 'Rina Agen', role: 'agent' },
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body.user).toMatchObject({
      role: 'agent',
      displayName: 'Rina Agen',
      email: 'rina.agen@lumbung.test',
      status: 'active',
    });
    expect(body.otpauthUri).toContain('otpauth://totp/');

    const duplicate = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/staff-users',
      headers: as(admin),
      payload: { email: 'rina.agen@lumbung.test', displayName: 'Rina Lagi', role: 'agent' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('staff_user_exists');
    const badRole = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/staff-users',
      headers: as(admin),
      payload: { email: 'x@lumbung.test', displayName: 'X Y', role: 'member' },
    });
    expect(badRole.json().code).toBe('staff_role_invalid');

    const first = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { identifier: 'rina.agen@lumbung.test', password: body.initialPassword },
    });
    expect(first.json().status).toBe('totp_required');
    const verified = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in/verify',
      payload: {
        challengeId: first.json().challengeId,
        code: currentTotp(body.totpSecret, test.clock.now()),
      },
    });
    expect(verified.statusCode).toBe(200);
    const cookie = verified.cookies.find((c) => c.name === 'lumbung_session')!;
    const queue = () =>
      test.app.inject({ url: '/api/v1/staff/tickets', headers: { authorization: `Bearer ${cookie.value}` } });
    expect((await queue()).statusCode).toBe(200);

    const disabled = await test.app.inject({
      method: 'POST',
      url: `/api/v1/admin/staff-users/${body.user.userId}/disable`,
      headers: as(admin),
    });
    expect(disabled.json()).toEqual({ endedSessions: 1 });
    expect((await queue()).statusCode).toBe(401);

    const list = await test.app.inject({ url: '/api/v1/admin/staff-users', headers: as(admin) });
    expect(
      list.json().users.find((user: { userId: number }) => user.userId === body.user.userId).status,
    ).toBe('disabled');
  });

  it('filters the audit log and logs the reading itself', async () => {
    const response = await test.app.inject({
      url: '/api/v1/admin/audit-log?action=admin.&limit=10',
      headers: as(admin),
    });
    expect(response.statusCode).toBe(200);
    const actions = response.json().entries.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(['admin.staff_user_disable', 'admin.staff_user_create']);
    expect(response.json().entries[0].actorName).toBe('Admin Uji');
    const again = await test.app.inject({
      url: '/api/v1/admin/audit-log?action=admin.audit_log_read',
      headers: as(admin),
    });
    expect(again.json().entries.length).toBe(1);
  });

  it('adds an effective-dated rule row and refuses overlaps and wrong shapes', async () => {
    const tables = (await test.app.inject({ url: '/api/v1/admin/rule-tables', headers: as(admin) })).json()
      .tables;
    const cap = tables.find((table: { id: string }) => table.id === 'jp_wage_cap');
    expect(cap.issues).toEqual([]);
    const last = cap.rows[cap.rows.length - 1];
    expect(last.validTo).toBeNull();
    const nextYear = `${Number(last.validFrom.slice(0, 4)) + 1}${last.validFrom.slice(4)}`;
    const add = (payload: object) =>
      test.app.inject({
        method: 'POST',
        url: '/api/v1/admin/rule-tables/jp_wage_cap/rows',
        headers: as(admin),
        payload,
      });
    const row = {
      value: { wageCapRupiah: 12_345_600 },
      validFrom: nextYear,
      validTo: null,
      regulation: 'Surat Direksi BPJS',
      article: 'lampiran',
    };

    const added = await add(row);
    expect(added.statusCode, added.body).toBe(201);
    const rows = added.json().rows;
    expect(rows[rows.length - 1]).toMatchObject({
      validFrom: nextYear,
      validTo: null,
      source: 'override',
      value: { wageCapRupiah: 12_345_600 },
    });
    expect(rows[rows.length - 2].validTo).not.toBeNull();
    expect(added.json().issues).toEqual([]);

    const overlap = await add({ ...row, validFrom: last.validFrom });
    expect(overlap.json()).toMatchObject({ code: 'rule_row_invalid' });
    const wrongShape = await add({
      ...row,
      validFrom: `${Number(nextYear.slice(0, 4)) + 1}${nextYear.slice(4)}`,
      value: { capRupiah: 1 },
    });
    expect(wrongShape.json()).toMatchObject({ code: 'rule_row_invalid', errors: [{ field: 'value' }] });
    const unknown = await test.app.inject({
      method: 'POST',
      url: '/api/v1/admin/rule-tables/nope/rows',
      headers: as(admin),
      payload: row,
    });
    expect(unknown.json().code).toBe('rule_table_unknown');
  });
});
