// Riwayat iuran: the member's contribution months per KPJ, each marked paid, missing, underpaid or late
// by the core compliance calculator (so the page can say what to do), or pending while not yet due.
import {
  checkContributionCompliance,
  contributionMonthStatus,
  type ComplianceFinding,
  type ContributionMonthStatus,
} from '@lumbung/core/contribution/compliance';
import { periodOf } from '@lumbung/core';
import { getContributionHistory, type ContributionMonth } from '../ledger/balance-queries';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { judgeMonth, type ContributionAdvice } from './contribution-advice';
import { listMemberAccounts, type MemberAccount } from './member-accounts';

export type MonthStatus = ContributionMonthStatus;

export interface ContributionMonthView {
  readonly period: string;
  readonly kpj: string;
  readonly employerName: string | null;
  readonly wageRupiah: number | null;
  readonly workerRupiah: number;
  readonly employerRupiah: number;
  readonly paidOn: string | null;
  readonly status: MonthStatus;
  /** The month needs the member's attention (contribution-advice.ts), and what they can do about it. */
  readonly isFlagged: boolean;
  readonly advice: ContributionAdvice;
  /** With missing, underpaid and late: what the month should have brought and what arrived. */
  readonly expectedRupiah?: number;
  readonly postedRupiah?: number;
  readonly dueDate?: string;
  readonly penaltyRupiah?: number;
}

async function findingsFor(
  ctx: ServiceContext,
  account: MemberAccount,
  months: readonly ContributionMonth[],
  asOf: string,
): Promise<ComplianceFinding[]> {
  if (months.length === 0) return [];
  const employments = await ctx.db
    .selectFrom('employments')
    .innerJoin('employers', 'employers.employer_id', 'employments.employer_id')
    .select(['started_on', 'ended_on', 'jkk_risk_class'])
    .where('account_id', '=', account.accountId)
    .orderBy('started_on')
    .execute();
  const spells =
    account.segment === 'PU'
      ? employments.map((spell) => ({
          from: periodOf(spell.started_on),
          to: spell.ended_on === null ? null : periodOf(spell.ended_on),
        }))
      : [
          {
            from: periodOf(account.joinedOn),
            to: account.exitedOn === null ? null : periodOf(account.exitedOn),
          },
        ];
  const riskClass = employments.at(-1)?.jkk_risk_class;
  const report = checkContributionCompliance(
    {
      segment: account.segment,
      ...(riskClass === undefined ? {} : { riskClass }),
      bpuWithJht: account.segment === 'BPU' && months.some((month) => month.jhtWorkerRupiah > 0),
      employment: spells,
      wageReports: months.map((month) => ({ period: month.period, wageMonthlyRupiah: month.wageRupiah })),
      postings: months
        .filter((month) => month.isPaid && month.paidOn !== null)
        .map((month) => ({
          period: month.period,
          amountRupiah: month.totalRupiah,
          paidDate: month.paidOn ?? asOf,
        })),
      asOf,
    },
    ctx.rules.current,
  );
  if (!report.ok) {
    ctx.log.warn({ accountId: account.accountId, code: report.code }, 'compliance check could not run');
    return [];
  }
  return [...report.value.findings];
}

/** Newest month first; one KPJ when `kpj` is given (undefined result: not the member's KPJ). */
export async function getContributionMonths(
  ctx: ServiceContext,
  personId: number,
  kpj?: string,
): Promise<ContributionMonthView[] | undefined> {
  const asOf = todayInJakarta(ctx.clock);
  const owned = await listMemberAccounts(ctx, personId);
  const accounts = kpj === undefined ? owned : owned.filter((account) => account.kpj === kpj);
  if (kpj !== undefined && accounts.length === 0) return undefined;
  const views: ContributionMonthView[] = [];
  for (const account of accounts) {
    const months = await getContributionHistory(ctx.db, personId, { accountId: account.accountId });
    const findings = new Map(
      (await findingsFor(ctx, account, months, asOf)).map((finding) => [finding.period, finding]),
    );
    const seen = new Set<string>();
    for (const month of months) {
      seen.add(month.period);
      const finding = findings.get(month.period);
      views.push({
        period: month.period,
        kpj: account.kpj,
        employerName: month.employerName,
        wageRupiah: month.wageRupiah,
        workerRupiah: month.workerRupiah,
        employerRupiah: month.employerRupiah,
        paidOn: month.paidOn,
        status: contributionMonthStatus(finding, month.isPaid),
        ...judgeMonth(contributionMonthStatus(finding, month.isPaid)),
        ...(finding ? detailOf(finding) : {}),
      });
    }
    // Months employed with no report at all: the employer never reported them.
    for (const finding of findings.values()) {
      if (seen.has(finding.period)) continue;
      views.push({
        period: finding.period,
        kpj: account.kpj,
        employerName: account.employer?.name ?? null,
        wageRupiah: null,
        workerRupiah: 0,
        employerRupiah: 0,
        paidOn: null,
        status: contributionMonthStatus(finding, false),
        ...judgeMonth(contributionMonthStatus(finding, false)),
        ...detailOf(finding),
      });
    }
  }
  return views.sort((a, b) =>
    a.period === b.period ? a.kpj.localeCompare(b.kpj) : a.period < b.period ? 1 : -1,
  );
}

function detailOf(finding: ComplianceFinding) {
  return {
    expectedRupiah: finding.expectedRupiah,
    postedRupiah: finding.postedRupiah,
    dueDate: finding.dueDate,
    penaltyRupiah: finding.penaltyRupiah,
  };
}
