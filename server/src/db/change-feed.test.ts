// What each statement tells the read caches, the triggers that tell other processes, and the LISTEN
// connection that hears them (PostgreSQL).
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
} from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testBackend, type TestDatabase } from '../test/test-database';
import type { DB } from './schema';
import { ChangeFeed, statementTracker, topicsWrittenBy, VIEW_TABLES } from './change-feed';

describe('topicsWrittenBy', () => {
  it.each([
    ['select * from "balances" where "person_id" = $1', []],
    ['  SELECT 1', []],
    ['with h as (select * from "postings") select * from h', []],
    ['begin', []],
    ['commit', []],
    ['insert into "sessions" ("user_id") values ($1)', []],
    ['update "sessions" set "last_seen_at" = $1 where "session_id" = $2', []],
    ['insert into "audit_log" ("action") values ($1)', []],
    ['update "sessions" set "revoked_at" = $1, "revoked_reason" = $2 where "session_id" = $3', ['sessions']],
    ['update "sessions" set "last_seen_at" = $1 where "user_id" = $2', ['sessions']],
    ['delete from "sessions" where "expires_at" < $1', ['sessions']],
    ['update "users" set "status" = $1 where "user_id" = $2', ['sessions']],
    ['insert into "postings" ("entry_id") values ($1)', ['views']],
    ['update balances set amount = amount + $1', ['views']],
    ['insert into "persons" ("nik_index") values ($1)', ['views']],
    ['insert into "a_table_added_later" ("x") values ($1)', ['sessions', 'views']],
    ['with gone as (delete from "x" returning *) insert into "y" select * from gone', ['sessions', 'views']],
    ['create table t (x int); insert into t values (1)', ['sessions', 'views']],
  ])('%s → %j', (text, topics) => {
    expect(topicsWrittenBy(text)).toEqual(topics);
  });

  it('recognises the session touch exactly as Kysely writes it', () => {
    const compiler = new Kysely<DB>({
      dialect: {
        createAdapter: () => new PostgresAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (db) => new PostgresIntrospector(db),
        createQueryCompiler: () => new PostgresQueryCompiler(),
      },
    });
    const touch = compiler
      .updateTable('sessions')
      .set({ last_seen_at: new Date() })
      .where('session_id', '=', 1)
      .compile();
    expect(topicsWrittenBy(touch.sql)).toEqual([]);
    const revoke = compiler.updateTable('sessions').set({ revoked_at: new Date() }).where('user_id', '=', 1);
    expect(topicsWrittenBy(revoke.compile().sql)).toEqual(['sessions']);
  });
});

describe('statementTracker', () => {
  it('bumps a written topic when the write completes and again when its transaction ends', () => {
    const feed = new ChangeFeed();
    const track = statementTracker(feed);
    track('begin');
    track('insert into "postings" ("entry_id") values ($1)');
    expect(feed.generation('views')).toBe(1);
    track('select 1');
    track('commit');
    expect(feed.generation('views')).toBe(2);
    expect(feed.generation('sessions')).toBe(0);
    track('begin');
    track('commit');
    expect(feed.generation('views')).toBe(2);
  });
});

describe('change notifications', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database?.close());

  it('puts the views trigger on exactly the tables change-feed.ts lists', async () => {
    const result = await sql<{ table: string }>`
      select distinct c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname like '%_notify_views' order by 1`.execute(database.db);
    expect(result.rows.map((row) => row.table)).toEqual([...VIEW_TABLES].sort());
  });

  it('is not live until told to listen, and every local write is seen', async () => {
    expect(database.changes.live).toBe(false);
    const before = database.changes.generation('views');
    await sql`update employers set name = name where false`.execute(database.db);
    expect(database.changes.generation('views')).toBeGreaterThan(before);
  });

  it.skipIf(testBackend !== 'postgresql')(
    "hears another process's commits, and goes dark while its connection is lost",
    async () => {
      await database.listenForChanges();
      expect(database.changes.live).toBe(true);
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      try {
        const views = database.changes.generation('views');
        const sessions = database.changes.generation('sessions');
        await other.query('begin');
        await other.query('update employers set name = name where false');
        await other.query('update users set status = status where false');
        // Nothing is sent before the commit.
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(database.changes.generation('views')).toBe(views);
        await other.query('commit');
        await expect
          .poll(() => database.changes.generation('views'), { timeout: 3_000 })
          .toBeGreaterThan(views);
        await expect.poll(() => database.changes.generation('sessions')).toBeGreaterThan(sessions);

        const rolledBack = database.changes.generation('views');
        await other.query('begin');
        await other.query('update persons set full_name = full_name where false');
        await other.query('rollback');
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(database.changes.generation('views')).toBe(rolledBack);

        await other.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and query ilike 'listen%'`,
        );
        await expect.poll(() => database.changes.live, { timeout: 3_000 }).toBe(false);
        await expect.poll(() => database.changes.live, { timeout: 10_000 }).toBe(true);
      } finally {
        await other.end();
      }
    },
  );
});
