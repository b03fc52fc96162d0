// Tells in-process read caches when what they hold may have changed. Two sources:
// - this process's own writes, seen synchronously at the driver as each write statement and each commit
//   completes (so a request that wrote reads its own write on the very next query);
// - every other process's writes, as PostgreSQL notifications sent by the triggers of migration 0013
//   on commit, received on one dedicated LISTEN connection.
// A cache may serve an entry only while the feed is live (listening, or the embedded database, which no
// other process can open) and only if the entry's topic generation has not moved since it was read.
import pg from 'pg';

export const CHANGES_CHANNEL = 'lumbung_changes';

/**
 * 'sessions': a session was revoked or ended, or a user changed (status, role, name, links).
 * 'views': data a member's balance views are read from (ledger, accounts, employers, persons, rules).
 */
export type ChangeTopic = 'sessions' | 'views';
export const CHANGE_TOPICS: readonly ChangeTopic[] = ['sessions', 'views'];

/** Tables whose writes change a member's balance views; migration 0013 puts the trigger on each. */
export const VIEW_TABLES: readonly string[] = [
  'balances',
  'bill_lines',
  'bpu_contributions',
  'employers',
  'employments',
  'jht_return_credits',
  'journal_entries',
  'kpj_merges',
  'ledger_accounts',
  'member_accounts',
  'persons',
  'postings',
  'rule_row_overrides',
];

/** Writes to these never change what a cache holds (new rows nobody has cached, logs, queues). */
const UNCACHED_TABLES = new Set([
  'audit_log',
  'challenges',
  'devices',
  'dev_outbox',
  'jobs',
  'lockouts',
  'notification_deliveries',
  'notifications',
  'rate_limit_counters',
  'sign_in_events',
  'sms_messages',
  'ticket_attachments',
  'ticket_messages',
  'tickets',
]);

const READ_ONLY = /^\s*(select|show|begin|start|savepoint|release|rollback to|set|listen|explain)\b/i;
const WRITE_TARGET =
  /^\s*(insert\s+into|update|delete\s+from|truncate(?:\s+table)?)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/i;
const WRITE_ANYWHERE = /\b(insert\s+into|update\s+"?[a-z_][a-z0-9_]*"?\s+set|delete\s+from|truncate)\b/i;
// The only session write that revokes nothing: the throttled last-seen touch of an active session.
const SESSION_TOUCH =
  /^\s*update\s+"sessions"\s+set\s+"last_seen_at"\s*=\s*\$1\s+where\s+"session_id"\s*=\s*\$2\s*$/i;

/** Which topics a statement may change: none for reads, all for anything not understood. */
export function topicsWrittenBy(sqlText: string): readonly ChangeTopic[] {
  if (READ_ONLY.test(sqlText)) return [];
  if (/^\s*with\b/i.test(sqlText) && !WRITE_ANYWHERE.test(sqlText)) return [];
  const match = WRITE_TARGET.exec(sqlText);
  if (!match) return /^\s*(commit|end|rollback)\b/i.test(sqlText) ? [] : CHANGE_TOPICS;
  const verb = match[1]!.toLowerCase();
  const table = match[2]!.toLowerCase();
  if (UNCACHED_TABLES.has(table)) return [];
  if (table === 'sessions')
    return verb.startsWith('insert') || SESSION_TOUCH.test(sqlText) ? [] : ['sessions'];
  if (table === 'users') return verb.startsWith('insert') ? [] : ['sessions'];
  if (VIEW_TABLES.includes(table)) return ['views'];
  // A table this list does not know (a new feature's): assume it matters.
  return CHANGE_TOPICS;
}

export interface ChangeFeedLog {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

export class ChangeFeed {
  readonly #generations = new Map<ChangeTopic, number>(CHANGE_TOPICS.map((topic) => [topic, 0]));
  #live = false;
  #stop: (() => Promise<void>) | undefined;

  /** True while other processes' writes reach this one (or there can be no other process). */
  get live(): boolean {
    return this.#live;
  }

  generation(topic: ChangeTopic): number {
    return this.#generations.get(topic) ?? 0;
  }

  bump(topics: readonly ChangeTopic[]): void {
    for (const topic of topics) this.#generations.set(topic, this.generation(topic) + 1);
  }

  /** Called by the drivers: a completed write statement, or the end of a transaction that wrote. */
  noteStatement(sqlText: string): readonly ChangeTopic[] {
    const topics = topicsWrittenBy(sqlText);
    this.bump(topics);
    return topics;
  }

  /** The embedded database: one process holds it, so local writes are all the writes there are. */
  markSoleWriter(): void {
    this.#live = true;
  }

  /** PostgreSQL: listen for other processes' changes on a connection of its own, reconnecting. */
  async listen(url: string, log?: ChangeFeedLog): Promise<void> {
    if (this.#stop) return;
    let stopped = false;
    let client: pg.Client | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    let delayMs = 500;
    const goDark = (reason: unknown) => {
      if (!this.#live) return;
      this.#live = false;
      this.bump(CHANGE_TOPICS);
      log?.warn({ err: reason }, 'change feed lost; read caches bypassed until it is back');
    };
    const connect = async (): Promise<void> => {
      const next = new pg.Client({ connectionString: url });
      next.on('notification', (message) => {
        const topic = message.payload as ChangeTopic | undefined;
        this.bump(topic && CHANGE_TOPICS.includes(topic) ? [topic] : CHANGE_TOPICS);
      });
      next.on('error', (error) => {
        goDark(error);
        schedule();
      });
      next.on('end', () => {
        goDark(new Error('listen connection ended'));
        schedule();
      });
      await next.connect();
      await next.query(`listen ${CHANGES_CHANNEL}`);
      client = next;
      delayMs = 500;
      // Whatever was cached before the gap may be stale: start every topic afresh.
      this.bump(CHANGE_TOPICS);
      this.#live = true;
    };
    const schedule = () => {
      if (stopped || retryTimer) return;
      client?.removeAllListeners();
      void client?.end().catch(() => undefined);
      client = undefined;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        connect().catch((error: unknown) => {
          log?.warn({ err: error }, 'change feed reconnect failed');
          delayMs = Math.min(delayMs * 2, 30_000);
          schedule();
        });
      }, delayMs);
      retryTimer.unref();
    };
    this.#stop = async () => {
      stopped = true;
      this.#live = false;
      if (retryTimer) clearTimeout(retryTimer);
      const last = client;
      client = undefined;
      last?.removeAllListeners();
      last?.on('error', () => undefined);
      await last?.end().catch(() => undefined);
    };
    await connect();
  }

  async close(): Promise<void> {
    await this.#stop?.();
    this.#stop = undefined;
    this.#live = false;
  }
}

const TRANSACTION_END = /^\s*(commit|end|rollback)\s*$/i;

/**
 * One per connection: bumps the topics of each completed write statement, and again when the
 * transaction that wrote them ends, so a read that filled a cache from the old rows in between is
 * dropped too.
 */
export function statementTracker(feed: ChangeFeed): (sqlText: string) => void {
  const written = new Set<ChangeTopic>();
  return (sqlText) => {
    if (TRANSACTION_END.test(sqlText)) {
      feed.bump([...written]);
      written.clear();
      return;
    }
    for (const topic of feed.noteStatement(sqlText)) written.add(topic);
  };
}
