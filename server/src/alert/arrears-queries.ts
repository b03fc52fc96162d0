// Arrears as the contribution-alert run recorded them: an employer's own months and affected workers,
// employers ranked by what they owe for staff, and a member's own findings. Open missing/under-paid
// findings are the arrears; months paid late in full are not.
import type { ServiceContext } from '../services/service-context';

export interface ArrearsMonth {
  readonly findingId: number;
  readonly period: string;
  readonly kind: 'missing' | 'underpaid';
  readonly expectedRupiah: number;
  readonly postedRupiah: number;
  readonly shortfallRupiah: number;
  readonly penaltyRupiah: number;
  readonly dueOn: string;
}

export interface ArrearsWorker {
  readonly kpj: string;
  readonly fullName: string;
  readonly shortfallRupiah: number;
  readonly months: ArrearsMonth[];
}

export interface EmployerArrears {
  readonly employer: { readonly employerId: number; readonly npp: string; readonly name: string };
  readonly shortfallRupiah: number;
  readonly penaltyRupiah: number;
  readonly periods: Array<{
    readonly period: string;
    readonly workers: number;
    readonly shortfallRupiah: number;
  }>;
  readonly workers: ArrearsWorker[];
}

/** Bounds what one answer carries; a larger employer pages through bills instead. */
export const MAX_ARREARS_ROWS = 5_000;

export async function getEmployerArrears(
  ctx: ServiceContext,
  employerId: number,
): Promise<EmployerArrears | undefined> {
  const employer = await ctx.db
    .selectFrom('employers')
    .select(['employer_id', 'npp', 'name'])
    .where('employer_id', '=', employerId)
    .executeTakeFirst();
  if (!employer) return undefined;
  const rows = await ctx.db
    .selectFrom('contribution_findings as f')
    .innerJoin('member_accounts as a', 'a.account_id', 'f.account_id')
    .innerJoin('persons as p', 'p.person_id', 'f.person_id')
    .select([
      'f.finding_id',
      'f.period',
      'f.kind',
      'f.expected_amount',
      'f.posted_amount',
      'f.shortfall_amount',
      'f.penalty_amount',
      'f.due_on',
      'a.kpj',
      'p.full_name',
    ])
    .where('f.employer_id', '=', employerId)
    .where('f.status', '=', 'open')
    .where('f.kind', 'in', ['missing', 'underpaid'])
    .orderBy('a.kpj')
    .orderBy('f.period')
    .limit(MAX_ARREARS_ROWS)
    .execute();
  const workers = new Map<string, ArrearsWorker & { months: ArrearsMonth[]; shortfallRupiah: number }>();
  const periods = new Map<string, { period: string; workers: number; shortfallRupiah: number }>();
  let shortfall = 0;
  let penalty = 0;
  for (const row of rows) {
    const month: ArrearsMonth = {
      findingId: row.finding_id,
      period: row.period,
      kind: row.kind === 'underpaid' ? 'underpaid' : 'missing',
      expectedRupiah: row.expected_amount,
      postedRupiah: row.posted_amount,
      shortfallRupiah: row.shortfall_amount,
      penaltyRupiah: row.penalty_amount,
      dueOn: row.due_on,
    };
    const worker = workers.get(row.kpj) ?? {
      kpj: row.kpj,
      fullName: row.full_name,
      shortfallRupiah: 0,
      months: [],
    };
    worker.months.push(month);
    worker.shortfallRupiah += row.shortfall_amount;
    workers.set(row.kpj, worker);
    const period = periods.get(row.period) ?? { period: row.period, workers: 0, shortfallRupiah: 0 };
    period.workers += 1;
    period.shortfallRupiah += row.shortfall_amount;
    periods.set(row.period, period);
    shortfall += row.shortfall_amount;
    penalty += row.penalty_amount;
  }
  return {
    employer: { employerId: employer.employer_id, npp: employer.npp, name: employer.name },
    shortfallRupiah: shortfall,
    penaltyRupiah: penalty,
    periods: [...periods.values()].sort((a, b) => a.period.localeCompare(b.period)),
    workers: [...workers.values()],
  };
}

export interface RankedEmployer {
  readonly employerId: number;
  readonly npp: string;
  readonly name: string;
  readonly workers: number;
  readonly months: number;
  readonly oldestPeriod: string;
  readonly shortfallRupiah: number;
  readonly penaltyRupiah: number;
}

/** Employers by open arrears, largest first. */
export async function rankEmployersByArrears(
  ctx: ServiceContext,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ items: RankedEmployer[]; page: number; pageSize: number }> {
  const pageSize = Math.min(Math.max(options.pageSize ?? 50, 1), 200);
  const page = Math.max(options.page ?? 1, 1);
  const rows = await ctx.db
    .selectFrom('contribution_findings as f')
    .innerJoin('employers as e', 'e.employer_id', 'f.employer_id')
    .select((eb) => [
      'e.employer_id',
      'e.npp',
      'e.name',
      eb.fn.count<number>('f.account_id').distinct().as('workers'),
      eb.fn.count<number>('f.period').distinct().as('months'),
      eb.fn.min<string>('f.period').as('oldest_period'),
      eb.fn.sum<number>('f.shortfall_amount').as('shortfall'),
      eb.fn.sum<number>('f.penalty_amount').as('penalty'),
    ])
    .where('f.status', '=', 'open')
    .where('f.kind', 'in', ['missing', 'underpaid'])
    .groupBy(['e.employer_id', 'e.npp', 'e.name'])
    .orderBy('shortfall', 'desc')
    .orderBy('e.employer_id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    items: rows.map((row) => ({
      employerId: row.employer_id,
      npp: row.npp,
      name: row.name,
      workers: Number(row.workers),
      months: Number(row.months),
      oldestPeriod: row.oldest_period,
      shortfallRupiah: Number(row.shortfall),
      penaltyRupiah: Number(row.penalty),
    })),
    page,
    pageSize,
  };
}

export interface MemberFinding {
  readonly id: number;
  readonly kpj: string;
  readonly employerName: string;
  readonly period: string;
  readonly kind: 'missing' | 'underpaid' | 'paid_late';
  readonly status: 'open' | 'resolved';
  readonly expectedRupiah: number;
  readonly postedRupiah: number;
  readonly shortfallRupiah: number;
  readonly dueOn: string;
  readonly resolvedAt: string | null;
  readonly ticket: { readonly id: number; readonly number: string } | null;
}

/** The member's own missing/under-paid months, newest first (months paid late in full are left out). */
export async function listMemberFindings(ctx: ServiceContext, personId: number): Promise<MemberFinding[]> {
  const rows = await ctx.db
    .selectFrom('contribution_findings as f')
    .innerJoin('member_accounts as a', 'a.account_id', 'f.account_id')
    .innerJoin('employers as e', 'e.employer_id', 'f.employer_id')
    .leftJoin('tickets as t', 't.ticket_id', 'f.ticket_id')
    .select([
      'f.finding_id',
      'a.kpj',
      'e.name',
      'f.period',
      'f.kind',
      'f.status',
      'f.expected_amount',
      'f.posted_amount',
      'f.shortfall_amount',
      'f.due_on',
      'f.resolved_at',
      't.ticket_id',
      't.number',
    ])
    .where('f.person_id', '=', personId)
    .where('f.kind', 'in', ['missing', 'underpaid'])
    .orderBy('f.period', 'desc')
    .orderBy('f.finding_id', 'desc')
    .limit(240)
    .execute();
  return rows.map((row) => ({
    id: row.finding_id,
    kpj: row.kpj,
    employerName: row.name,
    period: row.period,
    kind: row.kind,
    status: row.status,
    expectedRupiah: row.expected_amount,
    postedRupiah: row.posted_amount,
    shortfallRupiah: row.shortfall_amount,
    dueOn: row.due_on,
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
    ticket: row.ticket_id !== null && row.number !== null ? { id: row.ticket_id, number: row.number } : null,
  }));
}
