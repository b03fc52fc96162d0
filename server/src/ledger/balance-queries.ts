// Read functions other features call (portal, statements, SMS, staff console): balances per KPJ and
// programme with their parts, contribution history, the JHT balance as of a date, and a monthly series.
// Every query is keyed by person_id (the distribution key) and reads only that member's rows.
import { addDays, assert, isCalendarDate, nextPeriod, type CalendarDate } from '@lumbung/core';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface BalanceParts {
  readonly amountRupiah: number;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly returnRupiah: number;
  /** Negative: partial and full claims paid out. */
  readonly withdrawalRupiah: number;
}

export interface AccountBalances {
  readonly accountId: number;
  readonly kpj: string;
  readonly segment: 'PU' | 'BPU';
  readonly status: 'active' | 'inactive' | 'merged';
  readonly JHT: BalanceParts;
  readonly JP: BalanceParts;
}

export interface MemberBalances {
  readonly personId: number;
  readonly accounts: readonly AccountBalances[];
  /** Sum over all KPJ accounts. */
  readonly total: { readonly JHT: BalanceParts; readonly JP: BalanceParts };
}

const ZERO: BalanceParts = {
  amountRupiah: 0,
  workerRupiah: 0,
  employerRupiah: 0,
  returnRupiah: 0,
  withdrawalRupiah: 0,
};

const addParts = (a: BalanceParts, b: BalanceParts): BalanceParts => ({
  amountRupiah: a.amountRupiah + b.amountRupiah,
  workerRupiah: a.workerRupiah + b.workerRupiah,
  employerRupiah: a.employerRupiah + b.employerRupiah,
  returnRupiah: a.returnRupiah + b.returnRupiah,
  withdrawalRupiah: a.withdrawalRupiah + b.withdrawalRupiah,
});

export async function getMemberBalances(db: Kysely<DB>, personId: number): Promise<MemberBalances> {
  // One round trip: every account with its JHT and JP balance rows (an account without postings yet
  // has no balance rows and reads as zero).
  const rows = await db
    .selectFrom('member_accounts as a')
    .leftJoin('ledger_accounts as la', (join) =>
      join
        .onRef('la.account_id', '=', 'a.account_id')
        .on('la.person_id', '=', personId)
        .on('la.kind', '=', 'member'),
    )
    .leftJoin('balances as b', 'b.ledger_account_id', 'la.ledger_account_id')
    .select([
      'a.account_id',
      'a.kpj',
      'a.segment',
      'a.status',
      'la.programme',
      'b.amount',
      'b.worker_amount',
      'b.employer_amount',
      'b.return_amount',
      'b.withdrawal_amount',
    ])
    .where('a.person_id', '=', personId)
    .orderBy('a.account_id')
    .execute();
  const accounts = [...new Map(rows.map((row) => [row.account_id, row])).values()];
  const partsOf = (accountId: number, programme: 'JHT' | 'JP'): BalanceParts => {
    const row = rows.find((r) => r.account_id === accountId && r.programme === programme);
    return row && row.amount !== null
      ? {
          amountRupiah: row.amount,
          workerRupiah: row.worker_amount ?? 0,
          employerRupiah: row.employer_amount ?? 0,
          returnRupiah: row.return_amount ?? 0,
          withdrawalRupiah: row.withdrawal_amount ?? 0,
        }
      : ZERO;
  };
  const list = accounts.map((a) => ({
    accountId: a.account_id,
    kpj: a.kpj,
    segment: a.segment,
    status: a.status,
    JHT: partsOf(a.account_id, 'JHT'),
    JP: partsOf(a.account_id, 'JP'),
  }));
  return {
    personId,
    accounts: list,
    total: {
      JHT: list.reduce((sum, a) => addParts(sum, a.JHT), ZERO),
      JP: list.reduce((sum, a) => addParts(sum, a.JP), ZERO),
    },
  };
}

export interface ContributionMonth {
  readonly period: string;
  readonly accountId: number;
  readonly kpj: string;
  readonly segment: 'PU' | 'BPU';
  /** Null for BPU members (they pay themselves). */
  readonly employerId: number | null;
  readonly employerName: string | null;
  /** Reported wage (PU) or declared income (BPU). */
  readonly wageRupiah: number;
  readonly jhtWorkerRupiah: number;
  readonly jhtEmployerRupiah: number;
  readonly jpWorkerRupiah: number;
  readonly jpEmployerRupiah: number;
  /** The worker's share over all programmes, and the employer's (JKK and JKM included). */
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly totalRupiah: number;
  readonly isPaid: boolean;
  /** The day the contribution was credited (WIB), null while unpaid. */
  readonly paidOn: string | null;
}

type HistoryRow = {
  period: string;
  account_id: number;
  kpj: string;
  segment: 'PU' | 'BPU';
  employer_id: number | null;
  employer_name: string | null;
  wage: number;
  jht_worker: number;
  jht_employer: number;
  jp_worker: number;
  jp_employer: number;
  jkk: number;
  jkm: number;
  total: number;
  is_paid: boolean;
  paid_on: string | null;
};

/** Reported months (paid or not) and BPU payments, newest first; optionally one KPJ account only. */
export async function getContributionHistory(
  db: Kysely<DB>,
  personId: number,
  options: { accountId?: number; limit?: number } = {},
): Promise<ContributionMonth[]> {
  const limit = Math.min(options.limit ?? 600, 2_400);
  const accountFilter =
    options.accountId === undefined ? sql`true` : sql`a.account_id = ${options.accountId}`;
  const result = await sql<HistoryRow>`
    select * from (
      select l.period, l.account_id, a.kpj, a.segment, l.employer_id, e.name as employer_name, l.wage,
        l.jht_worker_amount as jht_worker, l.jht_employer_amount as jht_employer,
        l.jp_worker_amount as jp_worker, l.jp_employer_amount as jp_employer,
        l.jkk_amount as jkk, l.jkm_amount as jkm, l.total_amount as total, l.is_posted as is_paid,
        ((l.posted_at at time zone 'UTC') + interval '7 hours')::date as paid_on
      from bill_lines l
      join member_accounts a on a.account_id = l.account_id
      join employers e on e.employer_id = l.employer_id
      where l.person_id = ${personId} and ${accountFilter}
      union all
      select c.period, c.account_id, a.kpj, a.segment, null, null, c.declared_income,
        c.jht_amount, 0, 0, 0, c.jkk_amount, c.jkm_amount, c.total_amount, true,
        ((c.paid_at at time zone 'UTC') + interval '7 hours')::date
      from bpu_contributions c
      join member_accounts a on a.account_id = c.account_id
      where c.person_id = ${personId} and ${accountFilter}
    ) h
    order by period desc, account_id
    limit ${limit}
  `.execute(db);
  return result.rows.map((r) => ({
    period: r.period,
    accountId: r.account_id,
    kpj: r.kpj,
    segment: r.segment,
    employerId: r.employer_id,
    employerName: r.employer_name,
    wageRupiah: r.wage,
    jhtWorkerRupiah: r.jht_worker,
    jhtEmployerRupiah: r.jht_employer,
    jpWorkerRupiah: r.jp_worker,
    jpEmployerRupiah: r.jp_employer,
    workerRupiah: r.segment === 'BPU' ? r.total : r.jht_worker + r.jp_worker,
    employerRupiah: r.segment === 'BPU' ? 0 : r.jht_employer + r.jp_employer + r.jkk + r.jkm,
    totalRupiah: r.total,
    isPaid: r.is_paid,
    paidOn: r.is_paid ? r.paid_on : null,
  }));
}

/** The end of a WIB calendar day as an instant: postings booked before it count. */
function endOfJakartaDay(date: CalendarDate): string {
  return `${addDays(date, 1)}T00:00:00+07:00`;
}

/** The JHT balance with its parts at the end of `date` (WIB), from the postings themselves. */
export async function getJhtBalanceAsOf(
  db: Kysely<DB>,
  personId: number,
  date: CalendarDate,
  options: { accountId?: number } = {},
): Promise<BalanceParts> {
  assert(isCalendarDate(date), `getJhtBalanceAsOf needs a date, got ${date}`);
  const accountFilter =
    options.accountId === undefined ? sql`true` : sql`la.account_id = ${options.accountId}`;
  const result = await sql<{
    amount: number;
    worker: number;
    employer: number;
    ret: number;
    withdrawal: number;
  }>`
    select coalesce(sum(p.amount), 0) as amount,
      coalesce(sum(p.amount) filter (where p.component = 'worker'), 0) as worker,
      coalesce(sum(p.amount) filter (where p.component = 'employer'), 0) as employer,
      coalesce(sum(p.amount) filter (where p.component = 'return'), 0) as ret,
      coalesce(sum(p.amount) filter (where p.component = 'withdrawal'), 0) as withdrawal
    from postings p
    join ledger_accounts la on la.ledger_account_id = p.ledger_account_id
    join journal_entries e on e.entry_id = p.entry_id
    where p.person_id = ${personId} and la.person_id = ${personId} and la.kind = 'member' and la.programme = 'JHT'
      and ${accountFilter} and e.booked_at < ${endOfJakartaDay(date)}::timestamptz
  `.execute(db);
  const row = result.rows[0];
  return {
    amountRupiah: Number(row?.amount ?? 0),
    workerRupiah: Number(row?.worker ?? 0),
    employerRupiah: Number(row?.employer ?? 0),
    returnRupiah: Number(row?.ret ?? 0),
    withdrawalRupiah: Number(row?.withdrawal ?? 0),
  };
}

export interface BalancePoint {
  /** 'YYYY-MM': the balance at the end of this month (WIB booking time). */
  readonly month: string;
  readonly balanceRupiah: number;
}

/** Month-end balances of one programme over all the member's KPJ, for a chart; months without movement are filled. */
export async function getBalanceSeries(
  db: Kysely<DB>,
  personId: number,
  options: { programme?: 'JHT' | 'JP'; accountId?: number } = {},
): Promise<BalancePoint[]> {
  const rows = await monthlyMovements(db, personId, options.programme ?? 'JHT', options.accountId);
  return fillSeries(sumByMonth(rows));
}

/**
 * The series of every KPJ and of their sum, from one query: what the JHT page shows, without a
 * round trip per account.
 */
export async function getBalanceSeriesByAccount(
  db: Kysely<DB>,
  personId: number,
  programme: 'JHT' | 'JP' = 'JHT',
): Promise<{ byAccount: ReadonlyMap<number, BalancePoint[]>; sum: BalancePoint[] }> {
  const rows = await monthlyMovements(db, personId, programme);
  const accountIds = [...new Set(rows.map((row) => row.accountId))];
  const byAccount = new Map(
    accountIds.map((accountId) => [accountId, fillSeries(rows.filter((row) => row.accountId === accountId))]),
  );
  return { byAccount, sum: fillSeries(sumByMonth(rows)) };
}

/** One movement per month over all accounts (rows come in month order). */
function sumByMonth(rows: readonly MonthlyMovement[]): MonthlyMovement[] {
  const byMonth = new Map<string, number>();
  for (const row of rows) byMonth.set(row.month, (byMonth.get(row.month) ?? 0) + row.amountRupiah);
  return [...byMonth.entries()].map(([month, amountRupiah]) => ({ accountId: 0, month, amountRupiah }));
}

interface MonthlyMovement {
  readonly accountId: number;
  readonly month: string;
  readonly amountRupiah: number;
}

async function monthlyMovements(
  db: Kysely<DB>,
  personId: number,
  programme: 'JHT' | 'JP',
  accountId?: number,
): Promise<MonthlyMovement[]> {
  const accountFilter = accountId === undefined ? sql`true` : sql`la.account_id = ${accountId}`;
  const result = await sql<{ account_id: number; month: string; amount: number }>`
    select la.account_id, to_char((e.booked_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM') as month,
      sum(p.amount) as amount
    from postings p
    join ledger_accounts la on la.ledger_account_id = p.ledger_account_id
    join journal_entries e on e.entry_id = p.entry_id
    where p.person_id = ${personId} and la.person_id = ${personId} and la.kind = 'member'
      and la.programme = ${programme} and ${accountFilter}
    group by 1, 2 order by 2, 1
  `.execute(db);
  return result.rows.map((row) => ({
    accountId: Number(row.account_id),
    month: row.month,
    amountRupiah: Number(row.amount),
  }));
}

/** Running balance at each month end, in month order, with months without movement filled in. */
function fillSeries(rows: readonly MonthlyMovement[]): BalancePoint[] {
  const points: BalancePoint[] = [];
  let balance = 0;
  let month: string | null = null;
  for (const row of rows) {
    while (month !== null && nextPeriod(month) < row.month) {
      month = nextPeriod(month);
      points.push({ month, balanceRupiah: balance });
    }
    balance += row.amountRupiah;
    month = row.month;
    points.push({ month, balanceRupiah: balance });
  }
  return points;
}
