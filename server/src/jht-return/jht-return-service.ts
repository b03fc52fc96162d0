// The yearly JHT development return: an operator declares the rate for a finished year; a job credits
// every JHT account using the core calculator. It works in batches of accounts, each batch one
// transaction that also records progress, so a crash resumes where it stopped; the idempotency key
// `jht-return:<year>:<account>` makes a repeated batch change nothing.
import {
  calculateDevelopmentReturn,
  err,
  ok,
  periodYear,
  periodOf,
  type ErrorCode,
  type JhtPosting,
  type Result,
} from '@lumbung/core';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { FUND_ACCOUNT_IDS } from '../ledger/ledger-accounts';
import { postEntries, type EntryInput } from '../ledger/posting-engine';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from '../staff/staff-actor';
import { writeStaffAudit } from '../staff/staff-audit';

export interface DeclareReturnInput {
  readonly year: number;
  readonly rateBasisPoints: number;
  readonly declaredBy: string;
  /** A rate not published by the fund (demo data). */
  readonly isIllustrative?: boolean;
  /** The admin declaring it; the audit entry is written in the same transaction. */
  readonly actor?: StaffActor;
}

export async function declareJhtReturn(
  ctx: ServiceContext,
  input: DeclareReturnInput,
): Promise<Result<{ year: number }, ErrorCode>> {
  const { year, rateBasisPoints } = input;
  if (!Number.isInteger(rateBasisPoints) || rateBasisPoints < 0 || rateBasisPoints > 10_000) {
    return err('jht_return_rate_invalid', undefined, 'rateBasisPoints');
  }
  const currentYear = periodYear(periodOf(todayInJakarta(ctx.clock)));
  if (!Number.isInteger(year) || year < 1990 || year >= currentYear)
    return err('jht_return_year_not_over', { year }, 'year');
  return ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('jht_return_years')
      .values({
        year,
        rate_basis_points: rateBasisPoints,
        declared_by: input.declaredBy,
        declared_at: ctx.clock.now(),
        is_illustrative: input.isIllustrative ?? false,
      })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst();
    if (inserted) {
      // An admin's declaration is on the audit log, committed with it.
      if (input.actor) {
        await writeStaffAudit(trx, ctx.clock.now(), input.actor, {
          action: 'admin.jht_return_declare',
          personId: null,
          reason: null,
          details: { year, rateBasisPoints },
        });
      }
      return ok({ year });
    }
    // A year is declared once. The same rate again is a retry (already declared); another rate is refused
    // by name, so an operator never believes a new rate was applied when the first one stands.
    const existing = await trx
      .selectFrom('jht_return_years')
      .select('rate_basis_points')
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    if (existing.rate_basis_points !== rateBasisPoints) {
      return err(
        'jht_return_rate_conflict',
        { year, declaredBasisPoints: existing.rate_basis_points, requestedBasisPoints: rateBasisPoints },
        'rateBasisPoints',
      );
    }
    return err('jht_return_already_declared', { year }, 'year');
  });
}

export interface ReturnProgress {
  readonly year: number;
  readonly rateBasisPoints: number;
  readonly status: 'declared' | 'running' | 'completed';
  readonly accountsTotal: number | null;
  readonly accountsDone: number;
  readonly amountCreditedRupiah: number;
}

export async function getJhtReturnProgress(
  ctx: ServiceContext,
  year: number,
): Promise<Result<ReturnProgress, ErrorCode>> {
  const row = await ctx.db
    .selectFrom('jht_return_years')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row) return err('jht_return_not_declared', { year });
  return ok({
    year,
    rateBasisPoints: row.rate_basis_points,
    status: row.status,
    accountsTotal: row.accounts_total,
    accountsDone: row.accounts_done,
    amountCreditedRupiah: row.amount_credited,
  });
}

export interface RunOptions {
  readonly batchSize?: number;
  readonly onProgress?: (progress: ReturnProgress) => void;
  /** Test seam: runs inside each batch's transaction after its postings (crash injection). */
  readonly afterBatchPosted?: (batchNumber: number) => Promise<void>;
}

export async function runJhtReturn(
  ctx: ServiceContext,
  year: number,
  options: RunOptions = {},
): Promise<Result<ReturnProgress, ErrorCode>> {
  const batchSize = options.batchSize ?? 1_000;
  const declared = await ctx.db
    .selectFrom('jht_return_years')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst();
  if (!declared) return err('jht_return_not_declared', { year });
  if (declared.status !== 'completed') {
    const [total] = (
      await sql<{
        n: number;
      }>`select count(*) as n from ledger_accounts where kind = 'member' and programme = 'JHT'`.execute(
        ctx.db,
      )
    ).rows;
    await ctx.db
      .updateTable('jht_return_years')
      .set({
        status: 'running',
        accounts_total: Number(total?.n ?? 0),
        started_at: declared.started_at ?? ctx.clock.now(),
      })
      .where('year', '=', year)
      .execute();
    for (let batchNumber = 1; ; batchNumber += 1) {
      const isDone = await ctx.db.transaction().execute(async (trx) => {
        const processed = await creditBatch(ctx, trx, year, declared.rate_basis_points, batchSize);
        await options.afterBatchPosted?.(batchNumber);
        return processed < batchSize;
      });
      const progress = await getJhtReturnProgress(ctx, year);
      if (progress.ok) options.onProgress?.(progress.value);
      if (isDone) break;
    }
    await ctx.db
      .updateTable('jht_return_years')
      .set({ status: 'completed', completed_at: ctx.clock.now() })
      .where('year', '=', year)
      .execute();
  }
  return getJhtReturnProgress(ctx, year);
}

/** Credits the next batch of JHT accounts after the recorded cursor; returns how many it looked at. */
async function creditBatch(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  year: number,
  rateBasisPoints: number,
  batchSize: number,
): Promise<number> {
  const state = await trx
    .selectFrom('jht_return_years')
    .select('last_ledger_account_id')
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const accounts = await trx
    .selectFrom('ledger_accounts')
    .select(['ledger_account_id', 'account_id', 'person_id'])
    .where('kind', '=', 'member')
    .where('programme', '=', 'JHT')
    .where('ledger_account_id', '>', state.last_ledger_account_id)
    .orderBy('ledger_account_id')
    .limit(batchSize)
    .execute();
  if (accounts.length === 0) return 0;
  const ids = accounts.map((a) => a.ledger_account_id);
  // Year boundaries in Jakarta time (WIB, UTC+7). Earlier years' returns belong to the opening balance
  // whenever they were booked; this year's own return is excluded.
  const start = `${year}-01-01T00:00:00+07:00`;
  const end = `${year + 1}-01-01T00:00:00+07:00`;
  // One pass over each account's postings, account by account through postings_account_idx: a row with
  // no day is the opening balance, the others the year's movements per WIB day. Written per account
  // (lateral) so the plan cannot turn into a scan of every journal entry: with the batch's ids as one
  // list, PostgreSQL misjudges how many postings an account has (the fund's own accounts have millions)
  // and hash-joins the whole journal, a cost that grows with the fund rather than with the batch. JIT
  // compilation only slows these short per-account lookups down.
  await sql`set local jit = off`.execute(trx);
  const sums = await sql<{ ledger_account_id: number; day: string | null; amount: number }>`
    select a.ledger_account_id, s.day, s.amount
    from unnest(${ids}::int8[]) as a(ledger_account_id)
    cross join lateral (
      select case when e.source = 'jht_return' or e.booked_at < ${start}::timestamptz then null
          else ((e.booked_at at time zone 'UTC') + interval '7 hours')::date end as day,
        sum(p.amount) as amount
      from postings p join journal_entries e on e.entry_id = p.entry_id
      where p.ledger_account_id = a.ledger_account_id
        and ((e.source <> 'jht_return' and e.booked_at < ${end}::timestamptz)
          or (e.source = 'jht_return' and e.period < ${`${year}-01`}))
      group by 1
    ) s
    order by 1, 2 nulls first
  `.execute(trx);
  const openingById = new Map<number, number>();
  const movementsById = new Map<number, JhtPosting[]>();
  for (const row of sums.rows) {
    const id = Number(row.ledger_account_id);
    if (row.day === null) {
      openingById.set(id, Number(row.amount));
      continue;
    }
    const list = movementsById.get(id) ?? [];
    list.push({ date: row.day, amountRupiah: Number(row.amount) });
    movementsById.set(id, list);
  }
  const development = FUND_ACCOUNT_IDS['fund:jht_development'];
  const bookedAt = ctx.clock.now();
  const entries: EntryInput[] = [];
  const credits: { ledgerAccountId: number; personId: number; accountId: number; amount: number }[] = [];
  for (const account of accounts) {
    const result = calculateDevelopmentReturn({
      year,
      openingBalanceRupiah: openingById.get(account.ledger_account_id) ?? 0,
      postings: movementsById.get(account.ledger_account_id) ?? [],
      rateBasisPoints,
    });
    if (!result.ok)
      throw new Error(`JHT return ${year} for ledger account ${account.ledger_account_id}: ${result.code}`);
    const amount = result.value.returnRupiah;
    credits.push({
      ledgerAccountId: account.ledger_account_id,
      personId: account.person_id!,
      accountId: account.account_id!,
      amount,
    });
    if (amount === 0) continue;
    entries.push({
      idempotencyKey: `jht-return:${year}:${account.account_id}`,
      source: 'jht_return',
      period: `${year}-12`,
      bookedAt,
      personId: account.person_id,
      description: `JHT development return ${year} at ${rateBasisPoints} bp`,
      postings: [
        { ledgerAccountId: development, amountRupiah: -amount },
        { ledgerAccountId: account.ledger_account_id, amountRupiah: amount, component: 'return' },
      ],
    });
  }
  const posted = await postEntries(trx, entries);
  const entryByKey = new Map(posted.map((p) => [p.idempotencyKey, p]));
  const newCredits = credits.filter(
    (c) => c.amount === 0 || entryByKey.get(`jht-return:${year}:${c.accountId}`)?.isNew,
  );
  await sql`
    insert into jht_return_credits (year, ledger_account_id, person_id, account_id, amount, entry_id, credited_at)
    select ${year}, t.ledger_account_id, t.person_id, t.account_id, t.amount, t.entry_id, ${bookedAt.toISOString()}::timestamptz
    from unnest(${credits.map((c) => c.ledgerAccountId)}::int8[], ${credits.map((c) => c.personId)}::int8[],
      ${credits.map((c) => c.accountId)}::int8[], ${credits.map((c) => c.amount)}::int8[],
      ${credits.map((c) => entryByKey.get(`jht-return:${year}:${c.accountId}`)?.entryId ?? null)}::int8[])
      as t(ledger_account_id, person_id, account_id, amount, entry_id)
    on conflict (year, ledger_account_id) do nothing
  `.execute(trx);
  await trx
    .updateTable('jht_return_years')
    .set((eb) => ({
      last_ledger_account_id: ids[ids.length - 1]!,
      accounts_done: eb('accounts_done', '+', accounts.length),
      amount_credited: eb(
        'amount_credited',
        '+',
        newCredits.reduce((sum, c) => sum + c.amount, 0),
      ),
    }))
    .where('year', '=', year)
    .execute();
  return accounts.length;
}
