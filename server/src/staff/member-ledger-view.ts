// Balances and contribution history as staff see them, from the ledger's read functions
// (ledger/balance-queries.ts): one row per KPJ and programme, and the months with gaps per KPJ.
import { nextPeriod } from '@lumbung/core/time/period';
import { getContributionHistory, getMemberBalances } from '../ledger/balance-queries';
import type { ServiceContext } from '../services/service-context';

export interface ProgrammeBalance {
  readonly kpj: string;
  readonly programme: 'JHT' | 'JP';
  readonly amountRupiah: number;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly returnRupiah: number;
  readonly withdrawalRupiah: number;
}

export interface MemberBalances {
  readonly items: readonly ProgrammeBalance[];
  readonly totalRupiah: number;
}

export interface ContributionMonth {
  readonly kpj: string;
  readonly period: string;
  readonly employerName: string | null;
  readonly wageRupiah: number;
  readonly jhtRupiah: number;
  readonly jpRupiah: number;
  readonly isPosted: boolean;
}

export interface MemberContributions {
  readonly months: readonly ContributionMonth[];
  /** Months between a KPJ's first and last paid month with nothing paid (newest first). */
  readonly gaps: readonly { readonly kpj: string; readonly period: string }[];
}

export async function memberBalances(ctx: ServiceContext, personId: number): Promise<MemberBalances> {
  const balances = await getMemberBalances(ctx.db, personId);
  const items = balances.accounts.flatMap((account) =>
    (['JHT', 'JP'] as const).map((programme) => {
      const parts = account[programme];
      return {
        kpj: account.kpj,
        programme,
        amountRupiah: parts.amountRupiah,
        workerRupiah: parts.workerRupiah,
        employerRupiah: parts.employerRupiah,
        returnRupiah: parts.returnRupiah,
        withdrawalRupiah: parts.withdrawalRupiah,
      };
    }),
  );
  return { items, totalRupiah: balances.total.JHT.amountRupiah + balances.total.JP.amountRupiah };
}

export async function memberContributions(
  ctx: ServiceContext,
  personId: number,
): Promise<MemberContributions> {
  const history = await getContributionHistory(ctx.db, personId);
  const months = history.map((month) => ({
    kpj: month.kpj,
    period: month.period,
    employerName: month.employerName,
    wageRupiah: month.wageRupiah,
    jhtRupiah: month.jhtWorkerRupiah + month.jhtEmployerRupiah,
    jpRupiah: month.jpWorkerRupiah + month.jpEmployerRupiah,
    isPosted: month.isPaid,
  }));
  const gaps: { kpj: string; period: string }[] = [];
  for (const kpj of new Set(months.map((month) => month.kpj))) {
    const paid = new Set(
      months.filter((month) => month.kpj === kpj && month.isPosted).map((month) => month.period),
    );
    const sorted = [...paid].sort();
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (first === undefined || last === undefined) continue;
    for (let period = first; period < last; period = nextPeriod(period)) {
      if (!paid.has(period)) gaps.push({ kpj, period });
    }
  }
  gaps.sort((a, b) => b.period.localeCompare(a.period));
  return { months, gaps };
}
