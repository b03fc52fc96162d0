// Opens the system of record: PGlite under a data directory by default, PostgreSQL with a URL.
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { ChangeFeed, type ChangeFeedLog } from './change-feed';
import { namedStatementPool } from './named-statements';
import { PgliteDialect } from './pglite-dialect';
import type { DB } from './schema';
import { typeParsers } from './type-parsers';

export type Backend = 'pglite' | 'postgresql';

export interface Database {
  readonly db: Kysely<DB>;
  readonly backend: Backend;
  /** What this process and (once listening) every other one wrote, for the read caches. */
  readonly changes: ChangeFeed;
  /**
   * Starts the change feed so read caches may serve: on PostgreSQL a LISTEN connection of its own, on
   * the embedded database nothing (no other process can write it). Until then caches always read through.
   */
  listenForChanges(log?: ChangeFeedLog): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | {
      readonly kind: 'postgresql';
      readonly url: string;
      readonly poolSize?: number;
      readonly onIdleError?: (error: Error) => void;
    }
  /** dataDir undefined means in memory (tests); loadDataDir starts it from a dumped data directory. */
  | { readonly kind: 'pglite'; readonly dataDir: string | undefined; readonly loadDataDir?: Blob };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgresql') {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          typeParsers[oid] ??
          (pg.types.getTypeParser(oid, format ?? 'text') as (
            text: string,
          ) => unknown)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client can lose its server (restart, failover); pg reports that on the pool, and an
    // unhandled 'error' event would end the process. The next query simply gets a new client.
    pool.on('error', (error) => options.onIdleError?.(error));
    const changes = new ChangeFeed();
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: namedStatementPool(pool, changes) }) });
    return {
      db,
      backend: 'postgresql',
      changes,
      listenForChanges: (log) => changes.listen(options.url, log),
      close: async () => {
        await changes.close();
        await db.destroy();
      },
    };
  }
  const pglite = new PGlite({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  await pglite.waitReady;
  const changes = new ChangeFeed();
  const db = new Kysely<DB>({ dialect: new PgliteDialect(pglite, changes) });
  return {
    db,
    backend: 'pglite',
    changes,
    listenForChanges: () => {
      changes.markSoleWriter();
      return Promise.resolve();
    },
    close: async () => {
      await changes.close();
      await db.destroy();
    },
  };
}
