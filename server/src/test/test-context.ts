// A service context for tests: its own database, a clock the test controls, fresh keys, quiet logs.
import { loadConfig, type Config } from '../config';
import { createPiiCipher, generatePiiKeys, parsePiiKeys } from '../crypto/pii-cipher';
import { buildApp, type App } from '../http/app';
import { createLogger } from '../logger';
import { openRuleBookStore } from '../rules/rule-book-store';
import { manualClock } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestContext {
  readonly ctx: ServiceContext;
  readonly clock: ReturnType<typeof manualClock>;
  readonly database: TestDatabase;
  readonly config: Config;
  close(): Promise<void>;
}

export async function createTestContext(
  options: { now?: string; env?: Record<string, string> } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const keys = generatePiiKeys();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    LUMBUNG_SEED_DEMO: 'false',
    ...options.env,
  });
  const clock = manualClock(options.now ?? '2026-11-22T03:00:00.000Z');
  const ctx: ServiceContext = {
    db: database.db,
    backend: database.backend,
    clock,
    pii: createPiiCipher(parsePiiKeys(keys.piiKeys, keys.blindIndexKey)),
    config,
    log: createLogger(config.logLevel),
    rules: await openRuleBookStore(database.db),
  };
  return { ctx, clock, database, config, close: () => database.close() };
}

export async function createTestApp(
  options: { now?: string; env?: Record<string, string> } = {},
): Promise<TestContext & { app: App }> {
  const test = await createTestContext(options);
  const app = await buildApp(test.ctx);
  await app.ready();
  return {
    ...test,
    app,
    close: async () => {
      await app.close();
      await test.close();
    },
  };
}
