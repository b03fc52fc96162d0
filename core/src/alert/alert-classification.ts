// Decides what a contribution check means for one employment's recorded findings: which months are new
// (open them), which are still short (refresh the amounts) and which have since been paid in full
// (resolve them). Uses the compliance report of contribution/compliance.ts; reimplements none of it.
import type { ComplianceFinding, ComplianceReport } from '../contribution/compliance';
import type { Rupiah } from '../money/rupiah';
import type { CalendarDate } from '../time/calendar-date';
import type { Period } from '../time/period';

export type FindingKind = 'missing' | 'underpaid' | 'paid_late';
export type FindingStatus = 'open' | 'resolved';

/** A finding as recorded earlier for this employment. */
export interface RecordedFinding {
  readonly findingId: number;
  readonly period: Period;
  readonly kind: FindingKind;
  readonly status: FindingStatus;
}

export interface FindingAmounts {
  readonly period: Period;
  readonly kind: FindingKind;
  readonly status: FindingStatus;
  readonly expectedRupiah: Rupiah;
  readonly postedRupiah: Rupiah;
  readonly shortfallRupiah: Rupiah;
  readonly wageMonthlyRupiah: Rupiah;
  readonly penaltyRupiah: Rupiah;
  readonly dueDate: CalendarDate;
  readonly paidDate: CalendarDate | null;
}

export interface ResolvedFinding {
  readonly findingId: number;
  readonly period: Period;
  readonly postedRupiah: Rupiah | null;
  readonly paidDate: CalendarDate | null;
  readonly penaltyRupiah: Rupiah;
}

export interface FindingPlan {
  /** Months found for the first time. A month paid late but in full is recorded already resolved. */
  readonly open: readonly FindingAmounts[];
  /** Open months still short: the amounts as they stand now. */
  readonly refresh: ReadonlyArray<FindingAmounts & { readonly findingId: number }>;
  /** Open months now paid in full; postedRupiah null means "as expected" (paid on time, backdated). */
  readonly resolve: readonly ResolvedFinding[];
}

/** Only missing and under-paid months are something a member must hear about (and can report). */
export function isActionable(kind: FindingKind): boolean {
  return kind === 'missing' || kind === 'underpaid';
}

function amountsOf(finding: ComplianceFinding): FindingAmounts {
  const kind: FindingKind = finding.kind === 'late' ? 'paid_late' : finding.kind;
  return {
    period: finding.period,
    kind,
    status: kind === 'paid_late' ? 'resolved' : 'open',
    expectedRupiah: finding.expectedRupiah,
    postedRupiah: finding.postedRupiah,
    shortfallRupiah: finding.shortfallRupiah,
    wageMonthlyRupiah: finding.wageMonthlyRupiah,
    penaltyRupiah: finding.penaltyRupiah,
    dueDate: finding.dueDate,
    paidDate: finding.kind === 'late' ? finding.lastPaidDate : null,
  };
}

/**
 * Compares a fresh compliance report with what was recorded. A recorded month the report did not judge
 * (outside the checked window) is left alone; a resolved month stays resolved.
 */
export function planFindings(recorded: readonly RecordedFinding[], report: ComplianceReport): FindingPlan {
  const byPeriod = new Map(recorded.map((finding) => [finding.period, finding]));
  const fresh = new Map(report.findings.map((finding) => [finding.period, finding]));
  const checked = new Set(report.checkedPeriods);
  const open: FindingAmounts[] = [];
  const refresh: Array<FindingAmounts & { findingId: number }> = [];
  const resolve: ResolvedFinding[] = [];
  for (const finding of report.findings) {
    if (!byPeriod.has(finding.period)) open.push(amountsOf(finding));
  }
  for (const existing of recorded) {
    if (existing.status !== 'open' || !checked.has(existing.period)) continue;
    const now = fresh.get(existing.period);
    if (now && now.kind !== 'late') {
      refresh.push({ ...amountsOf(now), findingId: existing.findingId });
    } else {
      // Paid in full since: late (the finding says when and how much) or, backdated, on time.
      resolve.push({
        findingId: existing.findingId,
        period: existing.period,
        postedRupiah: now?.postedRupiah ?? null,
        paidDate: now?.lastPaidDate ?? null,
        penaltyRupiah: now?.penaltyRupiah ?? 0,
      });
    }
  }
  return { open, refresh, resolve };
}
