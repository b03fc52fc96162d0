// The double-entry posting engine: journal entries with ≥2 postings summing to zero, balances updated in
// the same statement, idempotent by key (the unique constraint decides, also under concurrency), and
// corrections only by reversing entries. Many entries post in one round-trip (unnest arrays).
import { assert, err, isPeriod, ok, type Result } from '@lumbung/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { PostingComponent } from '../db/tables/ledger-tables';

export interface PostingInput {
  readonly ledgerAccountId: number;
  /** Credit positive, debit negative; never zero. */
  readonly amountRupiah: number;
  /** Which part of a member balance this moves; 'other' for fund and employer accounts. */
  readonly component?: PostingComponent;
}

export interface EntryInput {
  /** From the source: wage report line, payment reference, yearly return run, claim id. */
  readonly idempotencyKey: string;
  /** e.g. 'contribution', 'payment', 'penalty', 'jht_return', 'reversal'. */
  readonly source: string;
  /** The contribution month the entry belongs to ('YYYY-MM'), when it has one. */
  readonly period?: string | null;
  readonly bookedAt: Date;
  /**
   * The member the entry is about (its distribution key), if any. Every entry that touches a member's
   * ledger accounts must carry that member's personId: postings copy it and member reads filter on it.
   */
  readonly personId?: number | null;
  readonly employerId?: number | null;
  readonly reversesEntryId?: number | null;
  readonly description?: string | null;
  readonly postings: readonly PostingInput[];
}

export interface PostedEntry {
  readonly entryId: number;
  readonly idempotencyKey: string;
  /** False when the key was already posted: nothing changed. */
  readonly isNew: boolean;
}

/** Entries per statement: keeps statements (and PGlite's single thread) short. */
export const POSTING_BATCH_SIZE = 1_000;
const MAX_POSTINGS_PER_ENTRY = 64;
const SOURCE = /^[a-z][a-z_]*$/;

export function assertBalancedEntry(entry: EntryInput): void {
  const key = entry.idempotencyKey;
  assert(key.length >= 1 && key.length <= 200, `idempotency key length out of range: '${key}'`);
  assert(SOURCE.test(entry.source), `invalid entry source '${entry.source}'`);
  assert(
    entry.period === undefined || entry.period === null || isPeriod(entry.period),
    `invalid period '${entry.period}' on ${key}`,
  );
  assert(!Number.isNaN(entry.bookedAt.getTime()), `invalid bookedAt on ${key}`);
  assert(entry.postings.length >= 2, `entry ${key} needs at least two postings`);
  assert(entry.postings.length <= MAX_POSTINGS_PER_ENTRY, `entry ${key} has too many postings`);
  let sum = 0n;
  for (const posting of entry.postings) {
    assert(Number.isSafeInteger(posting.amountRupiah), `posting amount on ${key} is not a safe integer`);
    assert(posting.amountRupiah !== 0, `zero posting on ${key}`);
    assert(
      Number.isSafeInteger(posting.ledgerAccountId) && posting.ledgerAccountId > 0,
      `bad ledger account on ${key}`,
    );
    sum += BigInt(posting.amountRupiah);
  }
  assert(sum === 0n, `entry ${key} does not balance: postings sum to ${sum}`);
}

type Executor = Kysely<DB> | Transaction<DB>;

/**
 * Posts entries in one statement per batch: journal entries (on conflict do nothing), their postings,
 * and the balance upsert aggregated per ledger account. Keys already posted are returned with
 * isNew=false and change nothing. Call inside a transaction so the batch commits with the caller's work.
 */
export async function postEntries(trx: Executor, entries: readonly EntryInput[]): Promise<PostedEntry[]> {
  const seen = new Set<string>();
  for (const entry of entries) {
    assertBalancedEntry(entry);
    assert(!seen.has(entry.idempotencyKey), `idempotency key ${entry.idempotencyKey} twice in one batch`);
    seen.add(entry.idempotencyKey);
  }
  const results: PostedEntry[] = [];
  for (let start = 0; start < entries.length; start += POSTING_BATCH_SIZE) {
    results.push(...(await postBatch(trx, entries.slice(start, start + POSTING_BATCH_SIZE))));
  }
  return results;
}

export async function postEntry(trx: Executor, entry: EntryInput): Promise<PostedEntry> {
  const [posted] = await postEntries(trx, [entry]);
  assert(posted !== undefined, 'postEntries returned nothing');
  return posted;
}

async function postBatch(trx: Executor, batch: readonly EntryInput[]): Promise<PostedEntry[]> {
  if (batch.length === 0) return [];
  const ords: number[] = [];
  const keys: string[] = [];
  const sources: string[] = [];
  const periods: (string | null)[] = [];
  const bookedAts: string[] = [];
  const personIds: (number | null)[] = [];
  const employerIds: (number | null)[] = [];
  const reverses: (number | null)[] = [];
  const descriptions: (string | null)[] = [];
  const postingOrds: number[] = [];
  const postingAccounts: number[] = [];
  const postingAmounts: string[] = [];
  const postingComponents: string[] = [];
  batch.forEach((entry, ord) => {
    ords.push(ord);
    keys.push(entry.idempotencyKey);
    sources.push(entry.source);
    periods.push(entry.period ?? null);
    bookedAts.push(entry.bookedAt.toISOString());
    personIds.push(entry.personId ?? null);
    employerIds.push(entry.employerId ?? null);
    reverses.push(entry.reversesEntryId ?? null);
    descriptions.push(entry.description ?? null);
    for (const posting of entry.postings) {
      postingOrds.push(ord);
      postingAccounts.push(posting.ledgerAccountId);
      postingAmounts.push(String(posting.amountRupiah));
      postingComponents.push(posting.component ?? 'other');
    }
  });
  // One statement: data-modifying CTEs run once and to completion; balances aggregate per account so
  // each balance row is touched once, in ledger_account_id order (a stable lock order between writers).
  const inserted = await sql<{ ord: number; entry_id: number }>`
    with input as (
      select * from unnest(${ords}::int4[], ${keys}::text[], ${sources}::text[], ${periods}::text[],
        ${bookedAts}::timestamptz[], ${personIds}::int8[], ${employerIds}::int8[], ${reverses}::int8[],
        ${descriptions}::text[])
        as t(ord, idempotency_key, source, period, booked_at, person_id, employer_id, reverses_entry_id, description)
    ),
    ins as (
      insert into journal_entries
        (idempotency_key, source, period, booked_at, person_id, employer_id, reverses_entry_id, description)
      select idempotency_key, source, period, booked_at, person_id, employer_id, reverses_entry_id, description
      from input order by ord
      on conflict (idempotency_key) do nothing
      returning entry_id, idempotency_key, person_id
    ),
    new_entries as (
      select input.ord, ins.entry_id, ins.person_id from ins join input using (idempotency_key)
    ),
    new_postings as (
      insert into postings (entry_id, ledger_account_id, person_id, amount, component)
      select n.entry_id, p.ledger_account_id, n.person_id, p.amount, p.component
      from unnest(${postingOrds}::int4[], ${postingAccounts}::int8[], ${postingAmounts}::int8[],
        ${postingComponents}::text[]) as p(ord, ledger_account_id, amount, component)
      join new_entries n using (ord)
      returning ledger_account_id, amount, component
    ),
    balance_rows as (
      insert into balances as b (ledger_account_id, person_id, employer_id, amount, worker_amount,
        employer_amount, return_amount, withdrawal_amount, updated_at)
      select d.ledger_account_id, la.person_id, la.employer_id, d.amount, d.worker_amount, d.employer_amount,
        d.return_amount, d.withdrawal_amount, now()
      from (
        select ledger_account_id, sum(amount) as amount,
          coalesce(sum(amount) filter (where component = 'worker'), 0) as worker_amount,
          coalesce(sum(amount) filter (where component = 'employer'), 0) as employer_amount,
          coalesce(sum(amount) filter (where component = 'return'), 0) as return_amount,
          coalesce(sum(amount) filter (where component = 'withdrawal'), 0) as withdrawal_amount
        from new_postings group by ledger_account_id
      ) d join ledger_accounts la using (ledger_account_id)
      order by d.ledger_account_id
      on conflict (ledger_account_id) do update set
        amount = b.amount + excluded.amount,
        worker_amount = b.worker_amount + excluded.worker_amount,
        employer_amount = b.employer_amount + excluded.employer_amount,
        return_amount = b.return_amount + excluded.return_amount,
        withdrawal_amount = b.withdrawal_amount + excluded.withdrawal_amount,
        updated_at = excluded.updated_at
      returning 1
    )
    select ord, entry_id from new_entries
  `.execute(trx);

  const entryIdByOrd = new Map(inserted.rows.map((row) => [Number(row.ord), Number(row.entry_id)]));
  const existingKeys = keys.filter((_, ord) => !entryIdByOrd.has(ord));
  const existing = new Map<string, number>();
  if (existingKeys.length > 0) {
    const rows = await trx
      .selectFrom('journal_entries')
      .select(['entry_id', 'idempotency_key'])
      .where('idempotency_key', 'in', existingKeys)
      .execute();
    for (const row of rows) existing.set(row.idempotency_key, row.entry_id);
  }
  return keys.map((key, ord) => {
    const newId = entryIdByOrd.get(ord);
    if (newId !== undefined) return { entryId: newId, idempotencyKey: key, isNew: true };
    const oldId = existing.get(key);
    assert(oldId !== undefined, `entry ${key} neither inserted nor found`);
    return { entryId: oldId, idempotencyKey: key, isNew: false };
  });
}

export interface ReverseInput {
  readonly entryId: number;
  readonly bookedAt: Date;
  /** Defaults to 'reversal:<entryId>', so repeating the same reversal changes nothing. */
  readonly idempotencyKey?: string;
  readonly description?: string;
}

/**
 * Posts the mirror image of an entry. Nothing is updated or deleted; an entry is reversed at most once.
 * The original entry's row is locked first (a row lock, not an update: the append-only triggers do not
 * fire), so concurrent reversals take turns: the first posts, a later one with the same key gets that
 * entry back, one with another key gets `ledger_entry_already_reversed` instead of a unique violation.
 * Call inside a transaction so the lock lasts until the reversal commits.
 */
export async function reverseEntry(
  trx: Executor,
  input: ReverseInput,
): Promise<Result<PostedEntry, 'ledger_entry_not_found' | 'ledger_entry_already_reversed'>> {
  const key = input.idempotencyKey ?? `reversal:${input.entryId}`;
  const original = await trx
    .selectFrom('journal_entries')
    .select(['entry_id', 'period', 'person_id', 'employer_id', 'reverses_entry_id'])
    .where('entry_id', '=', input.entryId)
    .forNoKeyUpdate()
    .executeTakeFirst();
  if (!original) return err('ledger_entry_not_found');
  const previous = await trx
    .selectFrom('journal_entries')
    .select(['entry_id', 'idempotency_key'])
    .where('reverses_entry_id', '=', input.entryId)
    .executeTakeFirst();
  if (previous) {
    return previous.idempotency_key === key
      ? ok({ entryId: previous.entry_id, idempotencyKey: key, isNew: false })
      : err('ledger_entry_already_reversed');
  }
  const postings = await trx
    .selectFrom('postings')
    .select(['ledger_account_id', 'amount', 'component'])
    .where('entry_id', '=', input.entryId)
    .orderBy('posting_id')
    .execute();
  const posted = await postEntry(trx, {
    idempotencyKey: key,
    source: 'reversal',
    period: original.period,
    bookedAt: input.bookedAt,
    personId: original.person_id,
    employerId: original.employer_id,
    reversesEntryId: original.entry_id,
    description: input.description ?? `reversal of entry ${original.entry_id}`,
    postings: postings.map((p) => ({
      ledgerAccountId: p.ledger_account_id,
      amountRupiah: -p.amount,
      component: p.component,
    })),
  });
  return ok(posted);
}
