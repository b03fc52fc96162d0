// The member's dashboard (Beranda) and JHT balance page (Cek Saldo JHT), read from the ledger's balance
// queries: JHT and JP as balances, JKK/JKM/JKP as active protection with their benefit amounts.
import { lastDayOfPeriod, minDate } from '@lumbung/core';
import {
  getBalanceSeriesByAccount,
  getContributionHistory,
  getMemberBalances,
  type BalanceParts,
  type BalancePoint,
} from '../ledger/balance-queries';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { listMemberAccounts, type MemberAccount } from './member-accounts';
import { jkkProtection, jkmProtection, jkpProtection, type Protection } from './protection-benefits';

export interface Overview {
  readonly person: { readonly fullName: string };
  readonly accounts: ReadonlyArray<{
    readonly kpj: string;
    readonly segment: 'PU' | 'BPU';
    readonly status: 'active' | 'inactive';
    readonly joinedOn: string;
    readonly exitedOn: string | null;
    readonly employer: { readonly name: string; readonly npp: string } | null;
  }>;
  readonly programmes: {
    readonly jht: { readonly balanceRupiah: number };
    readonly jp: { readonly balanceRupiah: number };
    readonly jkk: Protection;
    readonly jkm: Protection;
    readonly jkp: Protection;
  };
  readonly asOf: string;
}

export interface JhtParts {
  readonly totalRupiah: number;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly developmentReturnRupiah: number;
  /** Paid out so far, as a positive amount: total = worker + employer + return − withdrawals. */
  readonly withdrawalsRupiah: number;
  /** Month-end balances (the last point is today for the current month). */
  readonly series: ReadonlyArray<{ readonly date: string; readonly balanceRupiah: number }>;
}

export interface JhtView {
  readonly accounts: ReadonlyArray<JhtParts & { readonly kpj: string }>;
  readonly sum: JhtParts;
  readonly asOf: string;
}

/** The last reported wage (PU) or declared income (BPU) of the member's active accounts. */
export async function lastReportedWage(
  ctx: ServiceContext,
  personId: number,
  accounts: readonly MemberAccount[],
): Promise<number | null> {
  const active = new Set(
    accounts.filter((account) => account.status === 'active').map((account) => account.accountId),
  );
  const history = await getContributionHistory(ctx.db, personId, { limit: 24 });
  return history.find((month) => active.has(month.accountId))?.wageRupiah ?? null;
}

/**
 * A member's view from the read cache when it holds one computed today under the rule book in force,
 * else read and cached. Every signed-in page load asks for these; they change when a month is posted.
 */
async function cachedView<T>(ctx: ServiceContext, key: string, load: () => Promise<T>): Promise<T> {
  const cache = ctx.readCache;
  if (!cache) return load();
  const rules = ctx.rules.current;
  const hit = cache.get<{ rules: unknown; value: T }>('views', key);
  if (hit && hit.rules === rules) return hit.value;
  const generation = cache.generation('views');
  const value = await load();
  cache.set('views', key, { rules, value }, generation);
  return value;
}

export async function getOverview(ctx: ServiceContext, personId: number): Promise<Overview> {
  const asOf = todayInJakarta(ctx.clock);
  return cachedView(ctx, `overview:${personId}:${asOf}`, () => readOverview(ctx, personId, asOf));
}

async function readOverview(ctx: ServiceContext, personId: number, asOf: string): Promise<Overview> {
  const accounts = await listMemberAccounts(ctx, personId);
  const [person, balances, wage] = await Promise.all([
    ctx.db
      .selectFrom('persons')
      .select('full_name')
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow(),
    getMemberBalances(ctx.db, personId),
    lastReportedWage(ctx, personId, accounts),
  ]);
  const active = accounts.filter((account) => account.status === 'active');
  const input = {
    asOf,
    isJkkJkmActive: active.length > 0,
    isJkpActive: active.some((account) => account.segment === 'PU'),
    membershipStartDate: active.map((account) => account.joinedOn).sort()[0] ?? null,
    wageMonthlyRupiah: wage,
    rules: ctx.rules.current,
  };
  return {
    person: { fullName: person.full_name },
    accounts: accounts.map(({ kpj, segment, status, joinedOn, exitedOn, employer }) => ({
      kpj,
      segment,
      status,
      joinedOn,
      exitedOn,
      employer: employer ? { name: employer.name, npp: employer.npp } : null,
    })),
    programmes: {
      jht: { balanceRupiah: balances.total.JHT.amountRupiah },
      jp: { balanceRupiah: balances.total.JP.amountRupiah },
      jkk: jkkProtection(input),
      jkm: jkmProtection(input),
      jkp: jkpProtection(input),
    },
    asOf,
  };
}

function partsView(parts: BalanceParts, series: JhtParts['series']): JhtParts {
  return {
    totalRupiah: parts.amountRupiah,
    workerRupiah: parts.workerRupiah,
    employerRupiah: parts.employerRupiah,
    developmentReturnRupiah: parts.returnRupiah,
    withdrawalsRupiah: -parts.withdrawalRupiah,
    series,
  };
}

export async function getJhtView(ctx: ServiceContext, personId: number): Promise<JhtView> {
  const asOf = todayInJakarta(ctx.clock);
  return cachedView(ctx, `jht:${personId}:${asOf}`, () => readJhtView(ctx, personId, asOf));
}

async function readJhtView(ctx: ServiceContext, personId: number, asOf: string): Promise<JhtView> {
  const [accounts, balances, series] = await Promise.all([
    listMemberAccounts(ctx, personId),
    getMemberBalances(ctx.db, personId),
    getBalanceSeriesByAccount(ctx.db, personId, 'JHT'),
  ]);
  const chartOf = (points: readonly BalancePoint[] | undefined): JhtParts['series'] =>
    (points ?? []).map((point) => ({
      date: minDate(lastDayOfPeriod(point.month), asOf),
      balanceRupiah: point.balanceRupiah,
    }));
  const views = [];
  for (const account of accounts) {
    const parts = balances.accounts.find((each) => each.accountId === account.accountId)?.JHT;
    if (!parts) continue;
    views.push({ kpj: account.kpj, ...partsView(parts, chartOf(series.byAccount.get(account.accountId))) });
  }
  return { accounts: views, sum: partsView(balances.total.JHT, chartOf(series.sum)), asOf };
}
