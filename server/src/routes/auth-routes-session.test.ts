// Sessions and data at rest: the CSRF header on cookie writes, sign-out, no plaintext PII anywhere in
// the database, and an audit log that refuses changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp } from '../test/test-context';
import { authClient, type TestApp } from './auth-routes-test-support';

describe('auth API: sessions and data at rest', () => {
  let test: TestApp;
  const { post, registeredMember, signInWithCode } = authClient(() => test);

  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(async () => {
    await test.close();
  });

  describe('sessions and CSRF', () => {
    it('needs the CSRF header on a cookie POST, and signs out', async () => {
      const member = await registeredMember();
      const { cookie, csrfToken } = await signInWithCode(member.email, member.phone);
      const refused = await post('/api/v1/auth/sign-out', {}, { cookies: { lumbung_session: cookie } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('csrf_failed');
      const session = await test.app.inject({
        url: '/api/v1/auth/session',
        cookies: { lumbung_session: cookie },
      });
      expect(session.json().csrfToken).toBe(csrfToken);
      const signedOut = await post(
        '/api/v1/auth/sign-out',
        {},
        { cookies: { lumbung_session: cookie }, headers: { 'x-csrf-token': csrfToken } },
      );
      expect(signedOut.statusCode).toBe(204);
      expect(String(signedOut.headers['set-cookie'])).toContain('lumbung_session=;');
      const after = await test.app.inject({
        url: '/api/v1/auth/session',
        cookies: { lumbung_session: cookie },
      });
      expect(after.statusCode).toBe(401);
    });
  });

  describe('data at rest', () => {
    it('keeps no plaintext NIK, phone or e-mail anywhere in the database', async () => {
      const member = await registeredMember();
      await signInWithCode(member.email, member.phone);
      await post('/api/v1/auth/password/forgot', { identifier: member.phone });
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
        test.ctx.db,
      );
      expect(tables.rows.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['users', 'sessions', 'challenges', 'dev_outbox', 'persons']),
      );
      let dump = '';
      for (const { table_name } of tables.rows) {
        const rows = await sql<{
          row: string;
        }>`select row_to_json(t)::text as row from ${sql.table(table_name)} t`.execute(test.ctx.db);
        dump += rows.rows.map((r) => r.row).join('\n');
      }
      expect(dump.length).toBeGreaterThan(1000);
      expect(dump).toContain(member.kpj); // sanity: the dump does contain the rows
      for (const secret of [
        member.nik,
        member.phone,
        member.phone.replace('+62', '0'),
        member.phone.slice(3),
        member.email,
      ]) {
        expect(dump.includes(secret), secret).toBe(false);
      }
    });

    it('refuses to change or delete audit log entries', async () => {
      const count = await test.ctx.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBeGreaterThan(0);
      await expect(test.ctx.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(test.ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    });
  });
});
