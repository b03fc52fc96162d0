// Named (prepared) statements for PostgreSQL: every parameterised query Kysely sends is given a name
// derived from its SQL text, so each pooled connection parses and plans it once and PostgreSQL may then
// reuse a generic plan. Measured on the balance read: planning took ~1.5 ms of a query whose execution
// took ~0.3 ms, so without this the database spent most of its CPU re-planning the same few queries.
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { statementTracker, type ChangeFeed } from './change-feed';

/** Statements per connection stay bounded: generated IN-lists make a few variants, not thousands. */
export const MAX_NAMED_STATEMENTS_PER_CONNECTION = 2_000;
const MAX_NAMED_PARAMETERS = 64;
const MAX_NAMED_SQL_LENGTH = 16_384;

interface ClientStatements {
  readonly named: Set<string>;
  /** Tells the change feed what this connection wrote (see change-feed.ts). */
  readonly track: (sqlText: string) => void;
  /** Names PostgreSQL refused to reuse on this connection; sent unnamed from then on. */
  readonly refused: Set<string>;
}

const statementsByClient = new WeakMap<pg.PoolClient, ClientStatements>();

/**
 * A migration that changes a table's columns makes PostgreSQL refuse a statement prepared before it
 * (`select *`): "cached plan must not change result type". That one query fails (it may be inside a
 * transaction, so it is not retried); the statement then goes unnamed on that connection.
 */
export function isStalePlanError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === '0A000' &&
    String((error as { message?: unknown }).message).includes('cached plan must not change result type')
  );
}

export function statementName(sqlText: string): string {
  return `lumbung_${createHash('sha1').update(sqlText).digest('hex').slice(0, 24)}`;
}

/** Whether a query is worth naming: parameterised, not huge, and the connection has room. */
export function shouldName(
  sqlText: string,
  parameters: readonly unknown[],
  known: ReadonlySet<string>,
): boolean {
  return (
    parameters.length > 0 &&
    parameters.length <= MAX_NAMED_PARAMETERS &&
    sqlText.length <= MAX_NAMED_SQL_LENGTH &&
    (known.size < MAX_NAMED_STATEMENTS_PER_CONNECTION || known.has(statementName(sqlText)))
  );
}

function namedClient(client: pg.PoolClient, feed: ChangeFeed): PostgresPoolClient {
  let statements = statementsByClient.get(client);
  if (!statements) {
    statements = { named: new Set(), refused: new Set(), track: statementTracker(feed) };
    statementsByClient.set(client, statements);
  }
  const { named, refused, track } = statements;
  const send = (sqlText: string, values: unknown[]): Promise<pg.QueryResult> => {
    const name = statementName(sqlText);
    if (refused.has(name) || !shouldName(sqlText, values, named)) return client.query(sqlText, values);
    named.add(name);
    return client.query({ name, text: sqlText, values }).catch((error: unknown) => {
      if (isStalePlanError(error)) refused.add(name);
      throw error;
    });
  };
  return {
    query: ((sqlText: unknown, parameters?: readonly unknown[]) => {
      if (typeof sqlText !== 'string') return client.query(sqlText as pg.Submittable);
      return send(sqlText, [...(parameters ?? [])]).then((result) => {
        track(sqlText);
        return result;
      });
    }) as unknown as PostgresPoolClient['query'],
    release: () => client.release(),
  };
}

/** The pool Kysely's PostgresDialect uses, with named statements. */
export function namedStatementPool(pool: pg.Pool, feed: ChangeFeed): PostgresPool {
  return {
    connect: async () => namedClient(await pool.connect(), feed),
    end: () => pool.end(),
  };
}
