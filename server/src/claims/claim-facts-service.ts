// Gathers the facts the core decides a claim on: the KPJ's membership, the person's birth date and
// first membership day, balances less the money already held for other claims, JP wage years, paid
// periods, the last wage and partial claims already taken.
import {
  firstValidFrom,
  getRuleInForce,
  maxDate,
  type ClaimFacts,
  type JpSurvivor,
  type JpWageYear,
  type RuleBook,
} from '@lumbung/core';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { ensureMemberLedgerAccounts } from '../ledger/ledger-accounts';
import { getContributionHistory } from '../ledger/balance-queries';

export interface ClaimAccountRow {
  readonly accountId: number;
  readonly personId: number;
  readonly kpj: string;
  readonly status: 'active' | 'inactive' | 'merged';
  readonly segment: 'PU' | 'BPU';
  readonly joinedOn: string;
  readonly exitedOn: string | null;
  readonly exitReason: string | null;
}

/**
 * The person's KPJ as a claim sees it. With isLocked (inside a transaction) the row is held FOR SHARE, so a
 * KPJ merge (which takes it FOR UPDATE) waits for the claim to be opened, and then sees it.
 */
export async function findClaimAccount(
  db: Kysely<DB>,
  personId: number,
  kpj: string,
  options: { isLocked?: boolean } = {},
): Promise<ClaimAccountRow | undefined> {
  const query = db
    .selectFrom('member_accounts')
    .select(['account_id', 'person_id', 'kpj', 'status', 'segment', 'joined_on', 'exited_on', 'exit_reason'])
    .where('person_id', '=', personId)
    .where('kpj', '=', kpj);
  const row = await (options.isLocked ? query.forShare() : query).executeTakeFirst();
  if (!row) return undefined;
  return {
    accountId: row.account_id,
    personId: row.person_id,
    kpj: row.kpj,
    status: row.status,
    segment: row.segment,
    joinedOn: row.joined_on,
    exitedOn: row.exited_on,
    exitReason: row.exit_reason,
  };
}

/** A member account's balance less active holds, optionally leaving out one claim's own hold. */
export async function availableBalance(
  db: Kysely<DB>,
  ledgerAccountId: number,
  exceptClaimId?: number,
): Promise<number> {
  const row = await sql<{ balance: number | string; held: number | string }>`
    select coalesce((select amount from balances where ledger_account_id = ${ledgerAccountId}), 0) as balance,
      coalesce((select sum(amount) from ledger_holds where ledger_account_id = ${ledgerAccountId}
        and status = 'active' and claim_id <> ${exceptClaimId ?? 0}), 0) as held
  `.execute(db);
  return Number(row.rows[0]?.balance ?? 0) - Number(row.rows[0]?.held ?? 0);
}

export async function memberLedgerAccountId(
  db: Kysely<DB>,
  account: { accountId: number; personId: number },
  programme: 'JHT' | 'JP',
): Promise<number> {
  const ids = await ensureMemberLedgerAccounts(db, [{ ...account, programme }]);
  const id = ids.get(`member:${account.accountId}:${programme}`);
  if (id === undefined) throw new Error('member ledger account missing');
  return id;
}

/** Average JP-capped wage per calendar year over paid months (PP 45/2015 art. 17). */
function jpWageYears(
  months: readonly { period: string; wageRupiah: number }[],
  rules: RuleBook,
): JpWageYear[] {
  const byYear = new Map<number, { total: number; months: number }>();
  const caps = rules.jp_wage_cap;
  for (const month of months) {
    const date = maxDate(`${month.period}-01`, firstValidFrom(caps));
    const capped = Math.min(month.wageRupiah, getRuleInForce(caps, date).value.wageCapRupiah);
    const year = Number(month.period.slice(0, 4));
    const entry = byYear.get(year) ?? { total: 0, months: 0 };
    byYear.set(year, { total: entry.total + capped, months: entry.months + 1 });
  }
  return [...byYear.entries()].map(([year, entry]) => ({
    year,
    wageMonthlyRupiah: Math.floor(entry.total / entry.months),
    months: Math.min(12, entry.months),
  }));
}

export interface ClaimFactsRequest {
  readonly programme: ClaimFacts['programme'];
  readonly reason: string;
  readonly claimDate: string;
  readonly eventDate?: string;
  readonly requestedRupiah?: number;
  readonly incapacityMonths?: number;
  readonly jpSurvivor?: JpSurvivor;
  /** A claim being re-assessed does not count against itself. */
  readonly exceptClaimId?: number;
}

export async function gatherClaimFacts(
  db: Kysely<DB>,
  account: ClaimAccountRow,
  request: ClaimFactsRequest,
  rules: RuleBook,
): Promise<ClaimFacts> {
  const person = await db
    .selectFrom('persons')
    .select('birth_date')
    .where('person_id', '=', account.personId)
    .executeTakeFirstOrThrow();
  const first = await db
    .selectFrom('member_accounts')
    .select((eb) => eb.fn.min('joined_on').as('first'))
    .where('person_id', '=', account.personId)
    .executeTakeFirst();
  const jhtId = await memberLedgerAccountId(db, account, 'JHT');
  const jpId = await memberLedgerAccountId(db, account, 'JP');
  const history = await getContributionHistory(db, account.personId, {
    accountId: account.accountId,
    limit: 2_400,
  });
  const paid = history.filter((month) => month.isPaid);
  const partials = await db
    .selectFrom('claims')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', account.personId)
    .where('programme', '=', 'JHT')
    .where('reason', 'in', ['partial_any', 'partial_housing'])
    .where('status', 'not in', ['rejected', 'cancelled', 'expired'])
    .where('claim_id', '<>', request.exceptClaimId ?? 0)
    .executeTakeFirst();
  const latest = [...history].sort((a, b) => b.period.localeCompare(a.period))[0];
  return {
    programme: request.programme,
    reason: request.reason,
    claimDate: request.claimDate,
    account: {
      status: account.status,
      segment: account.segment,
      joinedOn: account.joinedOn,
      exitedOn: account.exitedOn,
      exitReason: account.exitReason,
    },
    membershipStartDate: String(first?.first ?? account.joinedOn),
    birthDate: person.birth_date,
    ...(request.eventDate === undefined ? {} : { eventDate: request.eventDate }),
    jhtAvailableRupiah: await availableBalance(db, jhtId, request.exceptClaimId),
    jpAvailableRupiah: await availableBalance(db, jpId, request.exceptClaimId),
    jpWages: jpWageYears(
      paid.filter((month) => month.jpWorkerRupiah + month.jpEmployerRupiah > 0),
      rules,
    ),
    partialClaimsTaken: Number(partials?.n ?? 0),
    lastWageMonthlyRupiah: latest ? latest.wageRupiah : null,
    paidPeriods: paid.map((month) => month.period),
    ...(request.requestedRupiah === undefined ? {} : { requestedRupiah: request.requestedRupiah }),
    ...(request.incapacityMonths === undefined ? {} : { incapacityMonths: request.incapacityMonths }),
    ...(request.jpSurvivor === undefined ? {} : { jpSurvivor: request.jpSurvivor }),
  };
}
