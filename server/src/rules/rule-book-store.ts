// The rule book in force in this process: the core's built-in tables with the operator's rows from
// rule_row_overrides layered over them. Loaded at start, reloaded right after an admin adds a row, and
// checked every LUMBUNG_RULE_REFRESH_SECONDS for rows another process added (docs/adr/0005-rule-overrides.md).
import {
  defaultRuleBook,
  layerRuleOverrides,
  type RejectedOverride,
  type RuleBook,
  type RuleOverride,
} from '@lumbung/core';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Logger } from '../logger';

export interface RuleBookStore {
  /** The book every calculation of this process uses now. */
  readonly current: RuleBook;
  /** Stored rows that could not join their table as of the last load (the admin page lists them). */
  readonly rejected: readonly RejectedOverride[];
  /** The base the rows are layered over (the built-in tables unless a fund loads its own). */
  readonly base: RuleBook;
  /**
   * Reloads when rule_row_overrides changed since the last load (a count and the highest id, one
   * indexed query); true when it reloaded. Calls are serialised, so a slow load never undoes a newer one.
   */
  refresh(): Promise<boolean>;
}

/** Every operator row, in entry order (override_id). */
export async function loadRuleOverrides(db: Kysely<DB>): Promise<RuleOverride[]> {
  const rows = await db
    .selectFrom('rule_row_overrides')
    .select(['override_id', 'table_id', 'value', 'valid_from', 'valid_to', 'regulation', 'article', 'note'])
    .orderBy('override_id')
    .execute();
  return rows.map((row) => ({
    overrideId: Number(row.override_id),
    tableId: row.table_id,
    // jsonb arrives parsed on both backends; a string is a value stored by hand as JSON text.
    value: typeof row.value === 'string' ? (JSON.parse(row.value) as unknown) : row.value,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    regulation: row.regulation,
    article: row.article,
    note: row.note,
  }));
}

async function fingerprintOf(db: Kysely<DB>): Promise<string> {
  const result = await sql<{ rows: number | string; last: number | string }>`
    select count(*) as rows, coalesce(max(override_id), 0) as last from rule_row_overrides
  `.execute(db);
  const row = result.rows[0];
  return `${Number(row?.rows ?? 0)}:${Number(row?.last ?? 0)}`;
}

/**
 * A store that starts with the base book and loads the stored rows on the first refresh() (the bench
 * harness uses it as is; the runtime and tests open one with openRuleBookStore).
 */
export function createRuleBookStore(
  db: Kysely<DB>,
  options: { base?: RuleBook; log?: Logger } = {},
): RuleBookStore {
  const base = options.base ?? defaultRuleBook;
  let current = base;
  let rejected: readonly RejectedOverride[] = [];
  let loaded: string | null = null;
  let queue: Promise<boolean> = Promise.resolve(false);

  const reload = async (): Promise<boolean> => {
    const fingerprint = await fingerprintOf(db);
    if (fingerprint === loaded) return false;
    const layered = layerRuleOverrides(base, await loadRuleOverrides(db));
    current = layered.book;
    rejected = layered.rejected;
    loaded = fingerprint;
    if (layered.rejected.length > 0) {
      options.log?.warn(
        { rejected: layered.rejected.map((each) => each.override.overrideId) },
        'stored rule rows that do not fit their table are not used',
      );
    }
    return true;
  };

  return {
    get current() {
      return current;
    },
    get rejected() {
      return rejected;
    },
    base,
    refresh() {
      queue = queue.catch(() => false).then(reload);
      return queue;
    },
  };
}

export async function openRuleBookStore(
  db: Kysely<DB>,
  options: { base?: RuleBook; log?: Logger } = {},
): Promise<RuleBookStore> {
  const store = createRuleBookStore(db, options);
  await store.refresh();
  return store;
}

/** Refreshes the store every `seconds` until stopped; a failed check is logged and tried again next time. */
export function startRuleBookRefresh(store: RuleBookStore, seconds: number, log: Logger): () => void {
  const timer = setInterval(() => {
    store.refresh().catch((error: unknown) => log.warn({ err: error }, 'rule book refresh failed'));
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
