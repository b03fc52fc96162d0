// Gathers a JHT statement's figures from the ledger by booking date (WIB): the balance before the first
// day of fromPeriod, what was booked through the last day of toPeriod — contributions by their month,
// yearly development returns, withdrawals — and the balance after. Whatever the ledger moved that no
// line explains (reversals, merges, claims) appears as one correction or withdrawal line per KPJ, so the
// statement always adds up to the ledger's own balances.
import { addDays, firstDayOfPeriod, lastDayOfPeriod } from '@lumbung/core';
import { getContributionHistory, getJhtBalanceAsOf, type BalanceParts } from '../ledger/balance-queries';
import type { MemberAccount } from '../portal/member-accounts';
import type { ServiceContext } from '../services/service-context';
import type { StatementLine, StatementTotals } from './statement-pdf';

export interface StatementFigures {
  readonly openingBalanceRupiah: number;
  readonly lines: StatementLine[];
  readonly totals: StatementTotals;
  readonly closingBalanceRupiah: number;
}

const CORRECTION_LABEL = 'Koreksi / correction';

const sum = (lines: readonly StatementLine[], pick: (line: StatementLine) => number): number =>
  lines.reduce((total, line) => total + pick(line), 0);

async function accountLines(
  ctx: ServiceContext,
  account: MemberAccount,
  personId: number,
  window: { from: string; to: string; toPeriod: string },
  opening: BalanceParts,
  closing: BalanceParts,
): Promise<StatementLine[]> {
  const history = await getContributionHistory(ctx.db, personId, {
    accountId: account.accountId,
    limit: 2_400,
  });
  const lines: StatementLine[] = history
    .filter(
      (month) =>
        month.isPaid && month.paidOn !== null && month.paidOn >= window.from && month.paidOn <= window.to,
    )
    .filter((month) => month.jhtWorkerRupiah !== 0 || month.jhtEmployerRupiah !== 0)
    .map((month) => ({
      period: month.period,
      kpj: account.kpj,
      employerName: month.employerName,
      wageRupiah: month.wageRupiah,
      workerRupiah: month.jhtWorkerRupiah,
      employerRupiah: month.jhtEmployerRupiah,
      developmentReturnRupiah: 0,
      withdrawalRupiah: 0,
    }));
  const credits = await ctx.db
    .selectFrom('jht_return_credits')
    .select(['year', 'amount', 'credited_at'])
    .where('person_id', '=', personId)
    .where('account_id', '=', account.accountId)
    .where('credited_at', '>=', new Date(`${window.from}T00:00:00+07:00`))
    .where('credited_at', '<', new Date(`${addDays(window.to, 1)}T00:00:00+07:00`))
    .orderBy('year')
    .execute();
  for (const credit of credits) {
    lines.push({
      period: `${credit.year}-12`,
      kpj: account.kpj,
      employerName: `Pengembangan ${credit.year}`,
      wageRupiah: null,
      workerRupiah: 0,
      employerRupiah: 0,
      developmentReturnRupiah: credit.amount,
      withdrawalRupiah: 0,
    });
  }
  const withdrawn = -(closing.withdrawalRupiah - opening.withdrawalRupiah);
  const rest = {
    worker: closing.workerRupiah - opening.workerRupiah - sum(lines, (line) => line.workerRupiah),
    employer: closing.employerRupiah - opening.employerRupiah - sum(lines, (line) => line.employerRupiah),
    ret: closing.returnRupiah - opening.returnRupiah - sum(lines, (line) => line.developmentReturnRupiah),
  };
  // Postings outside the four parts would make the balance differ from the parts; shown as a withdrawal
  // (negative: a credit) rather than lost, and logged because the ledger should not produce them.
  const unexplained =
    closing.amountRupiah -
    opening.amountRupiah -
    (closing.workerRupiah - opening.workerRupiah) -
    (closing.employerRupiah - opening.employerRupiah) -
    (closing.returnRupiah - opening.returnRupiah) -
    (closing.withdrawalRupiah - opening.withdrawalRupiah);
  if (unexplained !== 0)
    ctx.log.warn({ accountId: account.accountId, unexplained }, 'JHT postings outside the balance parts');
  if (rest.worker !== 0 || rest.employer !== 0 || rest.ret !== 0 || withdrawn !== 0 || unexplained !== 0) {
    lines.push({
      period: window.toPeriod,
      kpj: account.kpj,
      employerName:
        rest.worker === 0 && rest.employer === 0 && rest.ret === 0 && unexplained === 0
          ? 'Penarikan / withdrawal'
          : CORRECTION_LABEL,
      wageRupiah: null,
      workerRupiah: rest.worker,
      employerRupiah: rest.employer,
      developmentReturnRupiah: rest.ret,
      withdrawalRupiah: withdrawn - unexplained,
    });
  }
  return lines;
}

export async function gatherStatement(
  ctx: ServiceContext,
  personId: number,
  accounts: readonly MemberAccount[],
  fromPeriod: string,
  toPeriod: string,
): Promise<StatementFigures> {
  const window = { from: firstDayOfPeriod(fromPeriod), to: lastDayOfPeriod(toPeriod), toPeriod };
  const dayBefore = addDays(window.from, -1);
  let openingBalanceRupiah = 0;
  let closingBalanceRupiah = 0;
  const lines: StatementLine[] = [];
  for (const account of accounts) {
    const opening = await getJhtBalanceAsOf(ctx.db, personId, dayBefore, { accountId: account.accountId });
    const closing = await getJhtBalanceAsOf(ctx.db, personId, window.to, { accountId: account.accountId });
    openingBalanceRupiah += opening.amountRupiah;
    closingBalanceRupiah += closing.amountRupiah;
    lines.push(...(await accountLines(ctx, account, personId, window, opening, closing)));
  }
  lines.sort((a, b) => (a.period === b.period ? a.kpj.localeCompare(b.kpj) : a.period < b.period ? -1 : 1));
  return {
    openingBalanceRupiah,
    lines,
    totals: {
      workerRupiah: sum(lines, (line) => line.workerRupiah),
      employerRupiah: sum(lines, (line) => line.employerRupiah),
      developmentReturnRupiah: sum(lines, (line) => line.developmentReturnRupiah),
      withdrawalRupiah: sum(lines, (line) => line.withdrawalRupiah),
    },
    closingBalanceRupiah,
  };
}
