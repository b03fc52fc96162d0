// Each test file gets its own database: an in-memory PGlite by default, or a fresh PostgreSQL database
// on the server named by TEST_DATABASE_URL (dropped afterwards). No state is shared between files.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { readPgliteTemplate } from './pglite-template';

export const testBackend = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

export interface TestDatabase extends Database {
  /** The PostgreSQL URL of this test's own database (PostgreSQL backend only). */
  readonly url: string | undefined;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  let database: Database;
  let url: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  if (adminUrl) {
    const name = `lumbung_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url = withDatabaseName(adminUrl, name);
    database = await openDatabase({ kind: 'postgresql', url, poolSize: 25 });
    drop = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  } else {
    const template = options.migrate === false ? undefined : await readPgliteTemplate();
    database = await openDatabase({
      kind: 'pglite',
      dataDir: undefined,
      ...(template ? { loadDataDir: template } : {}),
    });
  }
  // From the template this only confirms every migration is applied (and applies any newer one).
  if (options.migrate !== false) await migrate(database.db);
  return {
    db: database.db,
    backend: database.backend,
    changes: database.changes,
    listenForChanges: (log) => database.listenForChanges(log),
    url,
    close: async () => {
      await database.close();
      await drop?.();
    },
  };
}
