// Reads what one batch of employments needs for a contribution check, in a few set-based queries:
// the employments, their reported wages, the JHT and JP contributions posted to the members' ledger
// accounts and the findings recorded so far. Read-only; the run decides and writes.
import { calendarDateAt, type PostedContribution, type WageReport } from '@lumbung/core';
import type { RecordedFinding } from '@lumbung/core/alert/index';
import type { RiskClass } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { contributionsPostedToMembers } from './member-postings';

export interface EmploymentToCheck {
  readonly employmentId: number;
  readonly personId: number;
  readonly accountId: number;
  readonly employerId: number;
  readonly employerName: string;
  readonly riskClass: RiskClass;
  readonly kpj: string;
  readonly segment: 'PU' | 'BPU';
  readonly startedOn: string;
  readonly endedOn: string | null;
}

/**
 * The next employments after `afterId` that can owe a checked month: still active, ended inside the
 * window, or with a finding still open (so it can be resolved).
 */
export async function nextEmployments(
  db: Kysely<DB>,
  options: { afterId: number; limit: number; windowStart: string },
): Promise<EmploymentToCheck[]> {
  const rows = await db
    .selectFrom('employments as e')
    .innerJoin('employers as r', 'r.employer_id', 'e.employer_id')
    .innerJoin('member_accounts as a', 'a.account_id', 'e.account_id')
    .select([
      'e.employment_id',
      'e.person_id',
      'e.account_id',
      'e.employer_id',
      'r.name',
      'r.jkk_risk_class',
      'a.kpj',
      'a.segment',
      'e.started_on',
      'e.ended_on',
    ])
    .where('e.employment_id', '>', options.afterId)
    .where((eb) =>
      eb.or([
        eb('e.ended_on', 'is', null),
        eb('e.ended_on', '>=', options.windowStart),
        eb.exists(
          eb
            .selectFrom('contribution_findings as f')
            .select('f.finding_id')
            .whereRef('f.employment_id', '=', 'e.employment_id')
            .where('f.status', '=', 'open'),
        ),
      ]),
    )
    .orderBy('e.employment_id')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    employmentId: row.employment_id,
    personId: row.person_id,
    accountId: row.account_id,
    employerId: row.employer_id,
    employerName: row.name,
    riskClass: row.jkk_risk_class,
    kpj: row.kpj,
    segment: row.segment,
    startedOn: row.started_on,
    endedOn: row.ended_on,
  }));
}

const key = (employerId: number, accountId: number): string => `${employerId}:${accountId}`;

function group<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export interface BatchLedger {
  wageReportsOf(employment: EmploymentToCheck): WageReport[];
  postingsOf(employment: EmploymentToCheck): PostedContribution[];
  findingsOf(employment: EmploymentToCheck): RecordedFinding[];
}

/**
 * Wages reported by the employer for the account (all of them: the wages before a period set its
 * basis), what that employer's contributions actually put into the member's JHT and JP accounts per
 * period (ledger postings; a reversed entry does not count) and the findings recorded per employment.
 */
export async function loadBatchLedger(
  db: Kysely<DB>,
  employments: readonly EmploymentToCheck[],
  fromPeriod: string,
): Promise<BatchLedger> {
  if (employments.length === 0) {
    return { wageReportsOf: () => [], postingsOf: () => [], findingsOf: () => [] };
  }
  const accountIds = [...new Set(employments.map((employment) => employment.accountId))];
  const personIds = [...new Set(employments.map((employment) => employment.personId))];
  const employmentIds = employments.map((employment) => employment.employmentId);
  const wages = await db
    .selectFrom('wage_reports')
    .select(['employer_id', 'account_id', 'period', 'wage'])
    .where('account_id', 'in', accountIds)
    .orderBy('period')
    .execute();
  // Keyed by person, not KPJ: a merged KPJ moves balances, not the contribution entries' owner.
  const posted = await contributionsPostedToMembers(db, { personIds, fromPeriod });
  const findings = await db
    .selectFrom('contribution_findings')
    .select(['finding_id', 'employment_id', 'period', 'kind', 'status'])
    .where('employment_id', 'in', employmentIds)
    .execute();
  const wagesBy = group(wages, (row) => key(row.employer_id, row.account_id));
  const postedBy = group(posted, (row) => key(row.employerId, row.personId));
  const findingsBy = group(findings, (row) => String(row.employment_id));
  return {
    wageReportsOf: (employment) =>
      (wagesBy.get(key(employment.employerId, employment.accountId)) ?? []).map((row) => ({
        period: row.period,
        wageMonthlyRupiah: row.wage,
      })),
    postingsOf: (employment) =>
      (postedBy.get(key(employment.employerId, employment.personId)) ?? [])
        .filter((row) => row.amountRupiah > 0)
        .map((row) => ({
          period: row.period,
          amountRupiah: row.amountRupiah,
          // The day the contribution was booked to the ledger, in WIB.
          paidDate: calendarDateAt(row.bookedAt.getTime()),
        })),
    findingsOf: (employment) =>
      (findingsBy.get(String(employment.employmentId)) ?? []).map((row) => ({
        findingId: row.finding_id,
        period: row.period,
        kind: row.kind,
        status: row.status,
      })),
  };
}
