import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend, type TestDatabase } from '../test/test-database';
import { shouldName, statementName, MAX_NAMED_STATEMENTS_PER_CONNECTION } from './named-statements';

describe('which queries get a name', () => {
  const none = new Set<string>();
  it.each([
    ['a parameterised select', 'select * from users where user_id = $1', [1], none, true],
    ['a statement without parameters (begin, migrations)', 'begin', [], none, false],
    ['a very long IN-list', 'select 1 where 1 in ($1)', Array.from({ length: 65 }, () => 1), none, false],
  ])('%s', (_case, text, values, known, expected) => {
    expect(shouldName(text, values, known)).toBe(expected);
  });

  it('stops naming new statements on a connection that holds the maximum, but keeps the known ones', () => {
    const full = new Set(Array.from({ length: MAX_NAMED_STATEMENTS_PER_CONNECTION }, (_, i) => `s${i}`));
    expect(shouldName('select $1::int', [1], full)).toBe(false);
    full.add(statementName('select $1::int'));
    expect(shouldName('select $1::int', [1], full)).toBe(true);
  });
});

describe.runIf(testBackend === 'postgresql')('named statements on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    await sql`create table named_probe (id int8 primary key, label text)`.execute(database.db);
    await sql`insert into named_probe values (1, 'satu')`.execute(database.db);
  });
  afterAll(async () => {
    await database.close();
  });

  it('prepares a parameterised query once per connection and reuses it', async () => {
    const prepared = await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 3; i += 1) {
        await trx
          .selectFrom('named_probe' as never)
          .select('label' as never)
          .where('id' as never, '=', 1 as never)
          .execute();
      }
      return sql<{
        name: string;
      }>`select name from pg_prepared_statements where name like 'lumbung_%'`.execute(trx);
    });
    expect(prepared.rows.length).toBeGreaterThanOrEqual(1);
  });

  it('fails once and then goes unnamed when a migration changed a table under a prepared select *', async () => {
    const run = () =>
      database.db.transaction().execute(async (trx) => {
        const rows = await sql<{ id: number }>`select * from named_probe where id = ${1}`.execute(trx);
        return rows.rows.length;
      });
    // The pool hands out connections in turn: prepare the statement on every one of them.
    await Promise.all(Array.from({ length: 30 }, run));
    await sql`alter table named_probe add column extra text`.execute(database.db);
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, run));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    for (const outcome of refused) {
      expect(String(outcome.reason)).toContain('cached plan must not change result type');
    }
    // Afterwards every connection answers, unnamed where the plan was refused.
    const again = await Promise.all(Array.from({ length: 30 }, run));
    expect(again).toEqual(Array.from({ length: 30 }, () => 1));
  });
});
