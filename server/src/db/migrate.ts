// Forward-only SQL migrations from server/migrations, applied in one transaction under an advisory
// lock so two processes starting at once apply each file exactly once. An applied file that changed
// on disk stops the server: migrations are never edited once landed.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));
/** Arbitrary but fixed: the advisory lock key that serialises migration runs. */
const MIGRATION_LOCK_KEY = 4_711_2026;

export interface MigrationFile {
  readonly version: string;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).sort();
  const files: MigrationFile[] = [];
  for (const fileName of names) {
    const text = await readFile(dir + fileName, 'utf8');
    files.push({
      version: fileName.slice(0, 4),
      name: fileName.replace(/\.sql$/, ''),
      sql: text,
      checksum: createHash('sha256').update(text).digest('hex'),
    });
  }
  const versions = new Set(files.map((file) => file.version));
  if (versions.size !== files.length) throw new Error('two migration files share a version number');
  return files;
}

export interface MigrationOutcome {
  readonly applied: string[];
  readonly alreadyApplied: number;
}

export async function migrate(db: Kysely<DB>, dir: string = MIGRATIONS_DIR): Promise<MigrationOutcome> {
  const files = await readMigrations(dir);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version text primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = await trx.selectFrom('schema_migrations').select(['version', 'name', 'checksum']).execute();
    const doneByVersion = new Map(done.map((row) => [row.version, row]));
    const applied: string[] = [];
    for (const file of files) {
      const previous = doneByVersion.get(file.version);
      if (previous) {
        if (previous.checksum !== file.checksum) {
          throw new Error(`migration ${file.name} changed after it was applied; add a new migration instead`);
        }
        continue;
      }
      await sql.raw(file.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ version: file.version, name: file.name, checksum: file.checksum })
        .execute();
      applied.push(file.name);
    }
    return { applied, alreadyApplied: doneByVersion.size };
  });
}

/** For /readyz: the database answers and every migration on disk is applied. */
export async function pendingMigrations(db: Kysely<DB>): Promise<string[]> {
  const files = await readMigrations();
  const exists = await sql<{
    present: boolean;
  }>`select to_regclass('schema_migrations') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return files.map((file) => file.name);
  const done = new Set(
    (await db.selectFrom('schema_migrations').select('version').execute()).map((r) => r.version),
  );
  return files.filter((file) => !done.has(file.version)).map((file) => file.name);
}
