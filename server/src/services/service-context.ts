// What every service function receives: the database, the clock, the PII cipher, config, a logger and
// the rule book in force.
// Services never import HTTP types; channels (REST, SMS, CLI) build one context and call them.
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Backend } from '../db/database';
import type { DB } from '../db/schema';
import type { Logger } from '../logger';
import type { RuleBookStore } from '../rules/rule-book-store';
import type { ReadCache } from './read-cache';
import type { Clock } from './clock';

export interface ServiceContext {
  readonly db: Kysely<DB>;
  readonly backend: Backend;
  readonly clock: Clock;
  readonly pii: PiiCipher;
  readonly config: Config;
  readonly log: Logger;
  /**
   * The rule book calculations use: `ctx.rules.current` is the core's tables with the operator's rows
   * (rule_row_overrides), kept fresh by rule-book-store.ts. Every core calculator takes it.
   */
  readonly rules: RuleBookStore;
  /**
   * Sessions and balance views kept in memory (read-cache.ts); absent means every read goes to the
   * database (most tests, one-off CLI commands).
   */
  readonly readCache?: ReadCache;
}
