// What every service function receives: the database, the clock, the PII cipher, config and a logger.
// Services never import HTTP types; channels (REST, SMS, CLI) build one context and call them.
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { Backend } from '../db/database';
import type { DB } from '../db/schema';
import type { Logger } from '../logger';
import type { Clock } from './clock';

export interface ServiceContext {
  readonly db: Kysely<DB>;
  readonly backend: Backend;
  readonly clock: Clock;
  readonly pii: PiiCipher;
  readonly config: Config;
  readonly log: Logger;
}
