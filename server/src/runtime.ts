// Assembles a running Lumbung: configuration, keys, the database (migrated) and the service context.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from './config';
import { createPiiCipher, generatePiiKeys, parsePiiKeys, type PiiCipher } from './crypto/pii-cipher';
import { openDatabase, type Database } from './db/database';
import { READ_CACHE_MAX_ENTRIES, ReadCache } from './services/read-cache';
import { migrate } from './db/migrate';
import { installMailAdapter } from './delivery/smtp-mail-adapter';
import { installSmsDelivery } from './sms/sms-delivery';
import { startJobWorker, type JobWorker, type LoopOptions } from './jobs/job-worker';
import { createLogger, type Logger } from './logger';
import { openRuleBookStore, startRuleBookRefresh } from './rules/rule-book-store';
import { systemClock, type Clock } from './services/clock';
import type { ServiceContext } from './services/service-context';

export interface Runtime {
  readonly ctx: ServiceContext;
  readonly database: Database;
  /**
   * Starts the background job worker (docs/operations.md); `lumbung serve` calls it once demo data is
   * seeded, when LUMBUNG_JOBS is on. close() stops it before the database closes.
   */
  startJobWorker(options?: LoopOptions): JobWorker;
  close(): Promise<void>;
}

/**
 * Outside production, missing keys are generated once and kept beside the data (data/keys.json) so a
 * new user needs no setup and a restart can still read what it wrote. Production must configure them.
 */
async function loadPiiCipher(config: Config, log: Logger): Promise<PiiCipher> {
  if (config.piiKeys && config.blindIndexKey) {
    return createPiiCipher(parsePiiKeys(config.piiKeys, config.blindIndexKey));
  }
  const file = join(config.dataDir, 'keys.json');
  let keys: { piiKeys: string; blindIndexKey: string };
  try {
    keys = JSON.parse(await readFile(file, 'utf8')) as typeof keys;
  } catch {
    keys = generatePiiKeys();
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(keys), { mode: 0o600 });
    await chmod(file, 0o600);
    log.warn(
      { file },
      'generated development PII keys; set LUMBUNG_PII_KEYS and LUMBUNG_BLIND_INDEX_KEY in production',
    );
  }
  return createPiiCipher(parsePiiKeys(keys.piiKeys, keys.blindIndexKey));
}

/** The read caches, once the change feed listens (docs/adr/0006-read-caches.md). */
export async function openReadCache(database: Database, config: Config, log?: Logger): Promise<ReadCache> {
  await database.listenForChanges(log);
  return new ReadCache(database.changes, {
    ttlMs: config.readCacheSeconds * 1000,
    maxEntries: READ_CACHE_MAX_ENTRIES,
  });
}

export async function startRuntime(
  config: Config,
  options: {
    log?: Logger;
    clock?: Clock;
    migrate?: boolean;
    /** Keep sessions and balance views in memory (the server; one-off commands read through). */
    readCache?: boolean;
  } = {},
): Promise<Runtime> {
  // Human-readable logs for a developer at a terminal; JSON everywhere else (collectors parse it).
  const log =
    options.log ?? createLogger(config.logLevel, config.env === 'development' && process.stdout.isTTY);
  const database = config.databaseUrl
    ? await openDatabase({
        kind: 'postgresql',
        url: config.databaseUrl,
        onIdleError: (error) => log.warn({ err: error }, 'idle database connection lost'),
      })
    : await (async () => {
        await mkdir(config.dataDir, { recursive: true });
        return openDatabase({ kind: 'pglite', dataDir: join(config.dataDir, 'pglite') });
      })();
  if (options.migrate !== false) {
    const outcome = await migrate(database.db);
    if (outcome.applied.length > 0) log.info({ applied: outcome.applied }, 'migrations applied');
  }
  const readCache =
    options.readCache && config.readCacheSeconds > 0 ? await openReadCache(database, config, log) : undefined;
  const ctx: ServiceContext = {
    db: database.db,
    backend: database.backend,
    clock: options.clock ?? systemClock,
    pii: await loadPiiCipher(config, log),
    config,
    log,
    rules: await openRuleBookStore(database.db, { log }),
    ...(readCache ? { readCache } : {}),
  };
  // Another process may add a rule row; this one sees it within the refresh interval (ADR 0005).
  const stopRuleRefresh = startRuleBookRefresh(ctx.rules, config.ruleRefreshSeconds, log);
  // Delivery adapters compose: each keeps the other channel of the adapter already in force.
  installMailAdapter(ctx);
  installSmsDelivery(ctx);
  let worker: JobWorker | undefined;
  return {
    ctx,
    database,
    startJobWorker: (workerOptions) => (worker ??= startJobWorker(ctx, workerOptions)),
    close: async () => {
      stopRuleRefresh();
      await worker?.stop();
      await database.close();
    },
  };
}
