// Balances and contribution history as staff see them, from the ledger's read functions
// (ledger/balance-queries.ts): one row per KPJ and programme, and the months with gaps per KPJ as the
// core's month status marks them for the member's portal too.
import { isContributionGap } from '@lumbung/core/contribution/compliance';
import { getContributionHistory, getMemberBalances } from '../ledger/balance-queries';
import { getContributionMonths } from '../portal/contribution-service';
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
  /** Months that were due and brought nothing, per KPJ, newest first: the portal's 'missing' months. */
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
  // The portal's month statuses, so the desk and the member see the same gaps (core rule).
  const gaps = ((await getContributionMonths(ctx, personId)) ?? [])
    .filter((month) => isContributionGap(month.status))
    .map((month) => ({ kpj: month.kpj, period: month.period }));
  return { months, gaps };
}
