import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend, type TestDatabase } from '../test/test-database';

describe(`database on ${testBackend}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it('names its backend', () => {
    expect(database.backend).toBe(testBackend);
  });

  it('returns bigint and SUM(bigint) as exact safe integers, date as YYYY-MM-DD', async () => {
    const result = await sql<{ big: number; total: number; day: string; at: Date }>`
      select 9007199254740991::bigint as big,
             (select sum(x) from (values (1000000000000000::bigint), (2::bigint)) v(x)) as total,
             '2024-02-29'::date as day,
             '2024-02-29T17:30:00Z'::timestamptz as at`.execute(database.db);
    const row = result.rows[0]!;
    expect(row.big).toBe(Number.MAX_SAFE_INTEGER);
    expect(row.total).toBe(1_000_000_000_000_002);
    expect(row.day).toBe('2024-02-29');
    expect(row.at).toBeInstanceOf(Date);
    expect(row.at.toISOString()).toBe('2024-02-29T17:30:00.000Z');
  });

  it('refuses a bigint beyond the safe range instead of rounding it', async () => {
    await expect(sql`select 9007199254740993::bigint as big`.execute(database.db)).rejects.toThrow(
      /safe range/,
    );
  });

  it('rolls a failed transaction back, and a savepoint back to itself', async () => {
    await sql`create table tx_probe (n int)`.execute(database.db);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await sql`insert into tx_probe values (1)`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const trx = await database.db.startTransaction().execute();
    await sql`insert into tx_probe values (2)`.execute(trx);
    const nested = await trx.savepoint('inner').execute();
    await sql`insert into tx_probe values (3)`.execute(nested);
    await nested.rollbackToSavepoint('inner').execute();
    await trx.commit().execute();
    const rows = await sql<{ n: number }>`select n from tx_probe order by n`.execute(database.db);
    expect(rows.rows.map((r) => r.n)).toEqual([2]);
  });

  it('keeps concurrent transactions apart', async () => {
    await sql`create table counter (id int primary key, n int not null)`.execute(database.db);
    await sql`insert into counter values (1, 0)`.execute(database.db);
    await Promise.all(
      Array.from({ length: 10 }, () =>
        database.db.transaction().execute(async (trx) => {
          const row = await sql<{ n: number }>`select n from counter where id = 1 for update`.execute(trx);
          await sql`update counter set n = ${row.rows[0]!.n + 1} where id = 1`.execute(trx);
        }),
      ),
    );
    const row = await sql<{ n: number }>`select n from counter where id = 1`.execute(database.db);
    expect(row.rows[0]!.n).toBe(10);
  });
});
