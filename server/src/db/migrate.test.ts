import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { migrate, pendingMigrations, readMigrations } from './migrate';
import { createTestDatabase, testBackend, type TestDatabase } from '../test/test-database';

describe(`migrations on ${testBackend}`, () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    dir = (await mkdtemp(join(tmpdir(), 'lumbung-migrations-'))) + '/';
    await writeFile(
      join(dir, '0001_first.sql'),
      'create table first_t (id int);\ncreate table first_u (id int);',
    );
    await writeFile(join(dir, '0002_second.sql'), 'insert into first_t values (1);');
  });
  afterAll(async () => {
    await database.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('applies the project migrations, then nothing on a second run', async () => {
    const first = await migrate(database.db);
    expect(first.applied.length).toBe((await readMigrations()).length);
    expect(first.applied[0]).toBe('0001_foundation');
    const second = await migrate(database.db);
    expect(second.applied).toEqual([]);
    expect(await pendingMigrations(database.db)).toEqual([]);
  });

  it('applies each file once even when two runners start together', async () => {
    await sql`drop table if exists schema_migrations`.execute(database.db);
    await sql`drop table if exists first_t`.execute(database.db);
    await sql`drop table if exists first_u`.execute(database.db);
    const other = database.url ? await openDatabase({ kind: 'postgresql', url: database.url }) : database;
    const [a, b] = await Promise.all([migrate(database.db, dir), migrate(other.db, dir)]);
    if (other !== database) await other.close();
    expect([...a.applied, ...b.applied].sort()).toEqual(['0001_first', '0002_second']);
    const rows = await sql<{ id: number }>`select id from first_t`.execute(database.db);
    expect(rows.rows).toEqual([{ id: 1 }]);
  });

  it('refuses to start when an applied migration was edited', async () => {
    await writeFile(join(dir, '0002_second.sql'), 'insert into first_t values (2);');
    await expect(migrate(database.db, dir)).rejects.toThrow(/0002_second changed after it was applied/);
    const rows = await sql<{ id: number }>`select id from first_t`.execute(database.db);
    expect(rows.rows).toEqual([{ id: 1 }]);
  });

  it('rolls back a failing migration as a whole', async () => {
    await writeFile(join(dir, '0002_second.sql'), 'insert into first_t values (1);');
    await writeFile(
      join(dir, '0003_broken.sql'),
      'create table third_t (id int);\nselect no_such_function();',
    );
    await expect(migrate(database.db, dir)).rejects.toThrow();
    const exists = await sql<{ t: string | null }>`select to_regclass('third_t')::text as t`.execute(
      database.db,
    );
    expect(exists.rows[0]?.t).toBeNull();
  });
});
