// Contribution compliance: given employment periods, reported wages and posted payments, list the months
// that are missing, underpaid (against the last reported wage and the rates in force) or paid late,
// with expected vs posted amounts and the late penalty owed.
import { type Rupiah } from '../money/rupiah';
import { assert, err, ok, type Result } from '../result';
import { type RiskClass } from '../rules/pu-rate-tables';
import type { RuleBook } from '../rules/rule-book';
import { firstValidFrom } from '../rules/rule-table';
import { compareDates, isCalendarDate, type CalendarDate } from '../time/calendar-date';
import { comparePeriods, isPeriod, periodOf, periodRange, type Period } from '../time/period';
import { calculateContribution, type BilledProgramme, type Segment } from './contribution-calculator';
import { calculateLatePenalty, monthsLate, paymentDeadline } from './payment-deadline';

export type EmploymentSpell = { readonly from: Period; readonly to: Period | null };
export type WageReport = { readonly period: Period; readonly wageMonthlyRupiah: Rupiah };
export type PostedContribution = {
  readonly period: Period;
  readonly amountRupiah: Rupiah;
  readonly paidDate: CalendarDate;
};

export type ComplianceInput = {
  readonly segment: Segment;
  readonly riskClass?: RiskClass;
  readonly bpuWithJht?: boolean;
  readonly employment: readonly EmploymentSpell[];
  readonly wageReports: readonly WageReport[];
  readonly postings: readonly PostedContribution[];
  /**
   * The programmes the postings carry; expected counts only these. A check against a member's own
   * ledger accounts passes ['JHT', 'JP'] (JKK and JKM are the fund's income, not the member's).
   * Default: the whole bill.
   */
  readonly programmes?: readonly BilledProgramme[];
  /** Today, passed in: only periods whose deadline has passed are judged. */
  readonly asOf: CalendarDate;
};

export type ComplianceFindingKind = 'missing' | 'underpaid' | 'late';

export type ComplianceFinding = {
  readonly period: Period;
  readonly kind: ComplianceFindingKind;
  /** The wage the month is judged at (see wageBasisFor). */
  readonly wageMonthlyRupiah: Rupiah;
  /** The wage the employer reported for the month; null when the month was not reported. */
  readonly reportedWageMonthlyRupiah: Rupiah | null;
  readonly expectedRupiah: Rupiah;
  readonly postedRupiah: Rupiah;
  readonly shortfallRupiah: Rupiah;
  readonly dueDate: CalendarDate;
  readonly lastPaidDate: CalendarDate | null;
  /** Started months late: to the payment that completed the period, or to asOf while unpaid. */
  readonly monthsLate: number;
  /** Penalty on late payments so far plus, while unpaid, on the shortfall up to asOf. */
  readonly penaltyRupiah: Rupiah;
};

export type ComplianceReport = {
  readonly checkedPeriods: readonly Period[];
  readonly notYetDue: readonly Period[];
  readonly findings: readonly ComplianceFinding[];
  readonly expectedTotalRupiah: Rupiah;
  readonly postedTotalRupiah: Rupiah;
  readonly shortfallTotalRupiah: Rupiah;
  readonly penaltyTotalRupiah: Rupiah;
};

export const MAX_COMPLIANCE_PERIODS = 1200;

type ComplianceError = 'contribution_history_invalid' | 'contribution_risk_class_required';

function employedPeriods(input: ComplianceInput, firstPeriod: Period): Period[] | null {
  const periods = new Set<Period>();
  const current = periodOf(input.asOf);
  for (const spell of input.employment) {
    if (!isPeriod(spell.from) || (spell.to !== null && !isPeriod(spell.to))) return null;
    const from = comparePeriods(spell.from, firstPeriod) < 0 ? firstPeriod : spell.from;
    const to = spell.to === null || comparePeriods(spell.to, current) > 0 ? current : spell.to;
    if (comparePeriods(from, to) > 0) continue;
    for (const period of periodRange(from, to)) periods.add(period);
    if (periods.size > MAX_COMPLIANCE_PERIODS) return null;
  }
  return [...periods].sort();
}

/**
 * The wage a month is judged at, from reports sorted by period.
 * - A month not reported: the last wage reported before it (before the first report, the first one).
 * - A month reported at or above the wage reported before it: its own wage.
 * - A month reported BELOW the wage reported before it: that earlier wage. The employer owes
 *   contributions on the real wage, basic pay plus fixed allowances (PP 46/2015; FACTS.md §1.1), and
 *   must report its data completely and correctly (UU 24/2011 art. 15(2)); a wage change must be
 *   reported within 7 working days (PP 44/2015 art. 9(3)). The fund cannot tell a real wage cut from
 *   under-reporting ("PDS upah", sanctioned under PP 86/2013), which only the worker can reveal, so the
 *   first month at the lower wage is under-paid by the difference and the member is asked to compare it
 *   with their payslip. The month after is judged against that lower report: a drop is raised once.
 */
export function wageBasisFor(
  reports: readonly WageReport[],
  period: Period,
): { readonly basisRupiah: Rupiah; readonly reportedRupiah: Rupiah | null } | null {
  let own: WageReport | undefined;
  let before: WageReport | undefined;
  for (const report of reports) {
    const order = comparePeriods(report.period, period);
    if (order < 0) before = report;
    else if (order === 0) own = report;
  }
  const first = reports[0];
  if (own !== undefined) {
    const isDrop = before !== undefined && own.wageMonthlyRupiah < before.wageMonthlyRupiah;
    return {
      basisRupiah: isDrop && before ? before.wageMonthlyRupiah : own.wageMonthlyRupiah,
      reportedRupiah: own.wageMonthlyRupiah,
    };
  }
  const basis = (before ?? first)?.wageMonthlyRupiah;
  return basis === undefined ? null : { basisRupiah: basis, reportedRupiah: null };
}

export function checkContributionCompliance(
  input: ComplianceInput,
  rules: RuleBook,
): Result<ComplianceReport, ComplianceError> {
  if (!isCalendarDate(input.asOf)) return err('contribution_history_invalid', { detail: 'asOf' });
  // Periods before the rule tables begin (July 2015) are outside what Lumbung can judge and are skipped.
  const periods = employedPeriods(input, periodOf(firstValidFrom(rules.payment_terms)));
  const reports = [...input.wageReports].sort((a, b) => comparePeriods(a.period, b.period));
  const badPosting = input.postings.some(
    (p) =>
      !isPeriod(p.period) ||
      !isCalendarDate(p.paidDate) ||
      !Number.isSafeInteger(p.amountRupiah) ||
      p.amountRupiah < 0,
  );
  if (periods === null || badPosting || !reports.every((r) => isPeriod(r.period))) {
    return err('contribution_history_invalid', { detail: 'periods' });
  }
  const byPeriod = new Map<Period, PostedContribution[]>();
  for (const posting of input.postings)
    byPeriod.set(posting.period, [...(byPeriod.get(posting.period) ?? []), posting]);

  const findings: ComplianceFinding[] = [];
  const checkedPeriods: Period[] = [];
  const notYetDue: Period[] = [];
  let expectedTotal = 0;
  let postedTotal = 0;
  for (const period of periods) {
    const deadline = paymentDeadline(period, input.segment, rules);
    assert(deadline.ok, `no deadline for ${period}`);
    const dueDate = deadline.value;
    if (compareDates(input.asOf, dueDate) <= 0) {
      notYetDue.push(period);
      continue;
    }
    const basis = wageBasisFor(reports, period);
    if (basis === null) return err('contribution_history_invalid', { detail: 'no wage report' });
    const wage = basis.basisRupiah;
    const bill = calculateContribution(
      {
        wageMonthlyRupiah: wage,
        period,
        segment: input.segment,
        ...(input.riskClass === undefined ? {} : { riskClass: input.riskClass }),
        ...(input.bpuWithJht === undefined ? {} : { bpuWithJht: input.bpuWithJht }),
      },
      rules,
    );
    if (!bill.ok) {
      if (bill.code === 'contribution_risk_class_required') return err(bill.code);
      return err('contribution_history_invalid', { detail: `${bill.code} ${period}` });
    }
    checkedPeriods.push(period);
    const expected =
      input.programmes === undefined
        ? bill.value.totalRupiah
        : bill.value.programmes
            .filter((programme) => input.programmes?.includes(programme.programme))
            .reduce((sum, programme) => sum + programme.totalRupiah, 0);
    const payments = [...(byPeriod.get(period) ?? [])].sort((a, b) => compareDates(a.paidDate, b.paidDate));
    let covered = 0;
    let penalty = 0;
    let completedOn: CalendarDate | null = null;
    const penaltyOn = (amountRupiah: Rupiah, paidDate: CalendarDate): number => {
      const late = calculateLatePenalty(
        { period, segment: input.segment, amountRupiah, paidDate, dueDate },
        rules,
      );
      assert(late.ok, 'late penalty inputs were validated');
      return late.value.penaltyRupiah;
    };
    for (const payment of payments) {
      const counted = Math.min(payment.amountRupiah, Math.max(0, expected - covered));
      covered += payment.amountRupiah;
      penalty += penaltyOn(counted, payment.paidDate);
      if (completedOn === null && covered >= expected) completedOn = payment.paidDate;
    }
    const posted = covered;
    const shortfall = Math.max(0, expected - posted);
    if (shortfall > 0) penalty += penaltyOn(shortfall, input.asOf);
    expectedTotal += expected;
    postedTotal += posted;
    const lastPaidDate = payments.at(-1)?.paidDate ?? null;
    const late = monthsLate(dueDate, completedOn ?? input.asOf);
    const kind: ComplianceFindingKind | null =
      posted === 0 && expected > 0 ? 'missing' : shortfall > 0 ? 'underpaid' : late > 0 ? 'late' : null;
    if (kind === null) continue;
    findings.push({
      period,
      kind,
      wageMonthlyRupiah: wage,
      reportedWageMonthlyRupiah: basis.reportedRupiah,
      expectedRupiah: expected,
      postedRupiah: posted,
      shortfallRupiah: shortfall,
      dueDate,
      lastPaidDate,
      monthsLate: late,
      penaltyRupiah: penalty,
    });
  }
  return ok({
    checkedPeriods,
    notYetDue,
    findings,
    expectedTotalRupiah: expectedTotal,
    postedTotalRupiah: postedTotal,
    shortfallTotalRupiah: findings.reduce((sum, f) => sum + f.shortfallRupiah, 0),
    penaltyTotalRupiah: findings.reduce((sum, f) => sum + f.penaltyRupiah, 0),
  });
}

/**
 * How one contribution month reads, to the member in the portal and to staff at the desk alike: its
 * compliance finding when it has one, else paid once posted, else pending (not due yet).
 */
export type ContributionMonthStatus = ComplianceFindingKind | 'paid' | 'pending';

export function contributionMonthStatus(
  finding: Pick<ComplianceFinding, 'kind'> | undefined,
  isPosted: boolean,
): ContributionMonthStatus {
  if (finding) return finding.kind;
  return isPosted ? 'paid' : 'pending';
}

/** A gap in the history: a month that was due and brought nothing (reported but unpaid, or unreported). */
export function isContributionGap(status: ContributionMonthStatus): boolean {
  return status === 'missing';
}
