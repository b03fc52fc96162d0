// What the SMS service needs from the ledger: one account's JHT and JP balance as of a date and the
// last month a contribution was credited. A dependency so that the service is tested against the real
// ledger and the lead can swap the read path (e.g. to a read replica) without touching the service.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { getJhtBalanceAsOf } from '../ledger/balance-queries';

type Executor = Kysely<DB> | Transaction<DB>;

export interface SmsBalance {
  readonly jhtRupiah: number;
  /** Null when the account has no JP ledger account (BPU members are not in JP). */
  readonly jpRupiah: number | null;
  /** 'YYYY-MM' of the latest contribution credited to the account, or null. */
  readonly lastContributionPeriod: string | null;
}

export interface SmsBalanceQuery {
  readonly personId: number;
  readonly accountId: number;
  /** 'YYYY-MM-DD' (WIB): the balance counts postings booked up to the end of that day. */
  readonly asOf: string;
}

export type SmsBalanceReader = (db: Executor, query: SmsBalanceQuery) => Promise<SmsBalance>;

/** Midnight WIB (UTC+7) at the start of the day after asOf: postings booked before it count. */
function endOfDayWib(asOf: string): Date {
  return new Date(Date.parse(`${asOf}T00:00:00+07:00`) + 86_400_000);
}

/**
 * JHT as of the end of asOf from the ledger's own read (getJhtBalanceAsOf); JP the same way over the
 * JP postings; the last contribution month is the latest period with a worker or employer credit on
 * either account (any source: wage-report bills, BPU payments, corrections).
 */
export const ledgerSmsBalanceReader: SmsBalanceReader = async (db, query) => {
  const before = endOfDayWib(query.asOf);
  const accounts = await db
    .selectFrom('ledger_accounts')
    .select(['ledger_account_id', 'programme'])
    .where('kind', '=', 'member')
    .where('account_id', '=', query.accountId)
    .where('person_id', '=', query.personId)
    .where('programme', 'in', ['JHT', 'JP'])
    .execute();
  const idOf = (programme: 'JHT' | 'JP'): number | undefined =>
    accounts.find((account) => account.programme === programme)?.ledger_account_id;
  const sumFor = async (ledgerAccountId: number | undefined): Promise<number> => {
    if (ledgerAccountId === undefined) return 0;
    const row = await db
      .selectFrom('postings as p')
      .innerJoin('journal_entries as e', 'e.entry_id', 'p.entry_id')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('p.amount'), eb.lit(0)).as('total'))
      .where('p.ledger_account_id', '=', ledgerAccountId)
      .where('e.booked_at', '<', before)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  };
  const jhtId = idOf('JHT');
  const jpId = idOf('JP');
  const last = await db
    .selectFrom('postings as p')
    .innerJoin('journal_entries as e', 'e.entry_id', 'p.entry_id')
    .select((eb) => eb.fn.max('e.period').as('period'))
    .where('p.ledger_account_id', 'in', [jhtId ?? 0, jpId ?? 0])
    .where('p.component', 'in', ['worker', 'employer'])
    .where('p.amount', '>', 0)
    .where('e.booked_at', '<', before)
    .executeTakeFirst();
  const segment = await db
    .selectFrom('member_accounts')
    .select('segment')
    .where('account_id', '=', query.accountId)
    .executeTakeFirst();
  return {
    jhtRupiah: (await getJhtBalanceAsOf(db, query.personId, query.asOf, { accountId: query.accountId }))
      .amountRupiah,
    jpRupiah: jpId === undefined && segment?.segment === 'BPU' ? null : await sumFor(jpId),
    lastContributionPeriod: last?.period ?? null,
  };
};
