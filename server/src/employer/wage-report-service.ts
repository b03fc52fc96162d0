// A monthly wage report (API or CSV): every line is validated and every error is collected with its line
// number; only a clean report is imported, all of it in one transaction, with the period's bill built.
import {
  comparePeriods,
  err,
  firstDayOfPeriod,
  lastDayOfPeriod,
  ok,
  parseKpj,
  parseNik,
  parsePeriod,
  periodOf,
  MAX_WAGE_MONTHLY_RUPIAH,
  type Err,
  type Result,
} from '@lumbung/core';
import { sql } from 'kysely';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { addToBill, lineAmounts, type LineAmounts } from './bill-service';
import { MAX_WAGE_REPORT_LINES, type LineError, type RawWageLine } from './wage-report-csv';

export type WageReportRejection = Err<
  'wage_report_invalid' | 'wage_report_empty' | 'wage_report_too_many_lines' | 'employer_not_found'
> & {
  readonly lineErrors: readonly LineError[];
};

export interface WageReportImport {
  readonly importedLines: number;
  /** Per period: the bill and the contributions this report added to it. */
  readonly periods: readonly {
    readonly period: string;
    readonly billId: number;
    readonly lines: number;
    readonly addedRupiah: number;
  }[];
}

interface ResolvedLine {
  readonly line: number;
  readonly period: string;
  readonly accountId: number;
  readonly personId: number;
  readonly wage: number;
  readonly amounts: LineAmounts;
}

const reject = (
  code: WageReportRejection['code'],
  lineErrors: readonly LineError[] = [],
): WageReportRejection => ({
  ...err(
    code,
    code === 'wage_report_invalid'
      ? { count: lineErrors.length }
      : code === 'wage_report_too_many_lines'
        ? { max: MAX_WAGE_REPORT_LINES }
        : undefined,
  ),
  lineErrors,
});

function parseWage(value: string | number): number | null {
  const text = typeof value === 'number' ? String(value) : value.trim();
  if (!/^\d{1,16}$/.test(text)) return null;
  const wage = Number(text);
  return Number.isSafeInteger(wage) && wage <= MAX_WAGE_MONTHLY_RUPIAH ? wage : null;
}

/**
 * Validates and imports. `preErrors` are errors already found while reading the file (e.g. a line with
 * the wrong number of columns); they are reported together with the rest.
 */
export async function importWageReport(
  ctx: ServiceContext,
  employerId: number,
  lines: readonly RawWageLine[],
  preErrors: readonly LineError[] = [],
): Promise<Result<WageReportImport, WageReportRejection['code']> | WageReportRejection> {
  if (lines.length === 0 && preErrors.length === 0) return reject('wage_report_empty');
  if (lines.length > MAX_WAGE_REPORT_LINES) return reject('wage_report_too_many_lines');
  const today = todayInJakarta(ctx.clock);
  const rules = ctx.rules.current;
  const currentPeriod = periodOf(today);

  return ctx.db.transaction().execute(async (trx) => {
    const employer = await trx
      .selectFrom('employers')
      .select(['employer_id', 'jkk_risk_class'])
      .where('employer_id', '=', employerId)
      .executeTakeFirst();
    if (!employer) return reject('employer_not_found');
    const errors: LineError[] = [...preErrors];
    const add = (
      line: number,
      field: string | undefined,
      code: LineError['code'],
      params?: LineError['params'],
    ): void => {
      errors.push({ line, ...(field ? { field } : {}), code, ...(params ? { params } : {}) });
    };

    // 1. Each line on its own: period, identifiers, wage.
    type Parsed = { line: number; period: string; nik: string | null; kpj: string | null; wage: number };
    const parsed: Parsed[] = [];
    for (const raw of lines) {
      const before = errors.length;
      const period = parsePeriod(raw.period ?? '');
      if (!period.ok) add(raw.line, 'period', 'period_invalid', period.params);
      else if (comparePeriods(period.value, currentPeriod) > 0) {
        add(raw.line, 'period', 'wage_report_period_in_future', { period: period.value });
      }
      const nik = raw.nik ? parseNik(raw.nik, today) : null;
      if (nik && !nik.ok) add(raw.line, 'nik', nik.code);
      const kpj = raw.kpj ? parseKpj(raw.kpj) : null;
      if (kpj && !kpj.ok) add(raw.line, 'kpj', kpj.code);
      if (!raw.nik && !raw.kpj) add(raw.line, 'nik', 'wage_report_worker_required');
      const wage = parseWage(raw.wage);
      if (wage === null) add(raw.line, 'wage', 'wage_report_wage_invalid');
      if (errors.length === before && period.ok && wage !== null) {
        parsed.push({
          line: raw.line,
          period: period.value,
          nik: nik?.ok ? nik.value.nik : null,
          kpj: kpj?.ok ? kpj.value.kpj : null,
          wage,
        });
      }
    }

    // 2. Resolve workers in bulk: KPJ → account, NIK → person (blind index), employments of this employer.
    const kpjs = [...new Set(parsed.flatMap((p) => (p.kpj ? [p.kpj] : [])))];
    const accounts = kpjs.length
      ? await trx
          .selectFrom('member_accounts')
          .select(['account_id', 'person_id', 'kpj'])
          .where('kpj', 'in', kpjs)
          .execute()
      : [];
    const accountByKpj = new Map(accounts.map((a) => [a.kpj, a]));
    const indexByNik = new Map(
      parsed.flatMap((p) => (p.nik ? [[p.nik, ctx.pii.blindIndex('nik', p.nik)] as const] : [])),
    );
    const persons = indexByNik.size
      ? await trx
          .selectFrom('persons')
          .select(['person_id', 'nik_index'])
          .where('nik_index', 'in', [...new Set(indexByNik.values())])
          .execute()
      : [];
    const personByIndex = new Map(persons.map((p) => [p.nik_index, p.person_id]));
    const employments = await trx
      .selectFrom('employments')
      .select(['person_id', 'account_id', 'started_on', 'ended_on'])
      .where('employer_id', '=', employerId)
      .execute();
    const employmentsByPerson = new Map<number, typeof employments>();
    for (const e of employments)
      employmentsByPerson.set(e.person_id, [...(employmentsByPerson.get(e.person_id) ?? []), e]);

    const seen = new Map<string, number>();
    const resolved: ResolvedLine[] = [];
    for (const p of parsed) {
      const account = p.kpj ? accountByKpj.get(p.kpj) : undefined;
      const nikPerson = p.nik ? personByIndex.get(indexByNik.get(p.nik) ?? '') : undefined;
      if ((p.kpj && !account) || (p.nik && nikPerson === undefined)) {
        add(p.line, p.kpj && !account ? 'kpj' : 'nik', 'wage_report_worker_unknown');
        continue;
      }
      if (account && nikPerson !== undefined && account.person_id !== nikPerson) {
        add(p.line, 'kpj', 'wage_report_nik_kpj_mismatch');
        continue;
      }
      const personId = account?.person_id ?? nikPerson!;
      const from = firstDayOfPeriod(p.period);
      const to = lastDayOfPeriod(p.period);
      const employment = (employmentsByPerson.get(personId) ?? []).find(
        (e) =>
          (!account || e.account_id === account.account_id) &&
          e.started_on <= to &&
          (e.ended_on === null || e.ended_on >= from),
      );
      if (!employment) {
        add(p.line, p.kpj ? 'kpj' : 'nik', 'wage_report_not_employed', { period: p.period });
        continue;
      }
      const key = `${p.period}:${employment.account_id}`;
      const firstLine = seen.get(key);
      if (firstLine !== undefined) {
        add(p.line, p.kpj ? 'kpj' : 'nik', 'wage_report_duplicate_line', { firstLine });
        continue;
      }
      seen.set(key, p.line);
      const amounts = lineAmounts(p.wage, p.period, employer.jkk_risk_class, rules);
      if (!amounts.ok) {
        add(p.line, amounts.field ?? 'period', amounts.code, amounts.params);
        continue;
      }
      resolved.push({
        line: p.line,
        period: p.period,
        accountId: employment.account_id,
        personId,
        wage: p.wage,
        amounts: amounts.value,
      });
    }

    // 3. Against what is already recorded: the same worker and period reported before, a bill already paid.
    const periods = [...new Set(resolved.map((r) => r.period))];
    if (periods.length > 0) {
      const recorded = await sql<{ period: string; account_id: number | null }>`
        select period, account_id from wage_reports
        where employer_id = ${employerId} and period = any(${periods}::text[])
          and account_id = any(${[...new Set(resolved.map((r) => r.accountId))]}::int8[])
        union all
        select period, null from bills
        where employer_id = ${employerId} and period = any(${periods}::text[])
          and (status <> 'open' or paid_amount > 0)
      `.execute(trx);
      const reportedKeys = new Set(
        recorded.rows.filter((r) => r.account_id !== null).map((r) => `${r.period}:${r.account_id}`),
      );
      const paidPeriods = new Set(recorded.rows.filter((r) => r.account_id === null).map((r) => r.period));
      for (const r of resolved) {
        if (reportedKeys.has(`${r.period}:${r.accountId}`))
          add(r.line, 'period', 'wage_report_already_reported', { period: r.period });
        else if (paidPeriods.has(r.period))
          add(r.line, 'period', 'wage_report_bill_paid', { period: r.period });
      }
    }
    if (errors.length > 0)
      return reject(
        'wage_report_invalid',
        [...errors].sort((a, b) => a.line - b.line),
      );

    // 4. Clean: import everything, build or extend the bills, recompute their totals.
    const reportedAt = ctx.clock.now().toISOString();
    const billIdByPeriod = new Map<string, number>();
    for (const period of periods) {
      const amounts = resolved.filter((r) => r.period === period).map((r) => r.amounts);
      billIdByPeriod.set(period, await addToBill(trx, employerId, period, amounts, reportedAt, rules));
    }
    await sql`
      with reports as (
        insert into wage_reports (employer_id, period, account_id, person_id, wage, reported_at)
        select ${employerId}, period, account_id, person_id, wage, ${reportedAt}::timestamptz
        from unnest(${resolved.map((r) => r.period)}::text[], ${resolved.map((r) => r.accountId)}::int8[],
          ${resolved.map((r) => r.personId)}::int8[], ${resolved.map((r) => r.wage)}::int8[]) as t(period, account_id, person_id, wage)
        returning wage_report_id, period, account_id, person_id, wage
      )
      insert into bill_lines (bill_id, employer_id, period, wage_report_id, account_id, person_id, wage,
        jht_worker_amount, jht_employer_amount, jp_worker_amount, jp_employer_amount, jkk_amount, jkm_amount,
        jkp_allocation_amount, total_amount)
      select a.bill_id, ${employerId}, r.period, r.wage_report_id, r.account_id, r.person_id, r.wage,
        a.jht_worker, a.jht_employer, a.jp_worker, a.jp_employer, a.jkk, a.jkm, a.jkp, a.total
      from reports r join unnest(${resolved.map((r) => r.period)}::text[], ${resolved.map((r) => r.accountId)}::int8[],
        ${resolved.map((r) => billIdByPeriod.get(r.period)!)}::int8[],
        ${resolved.map((r) => r.amounts.jhtWorker)}::int8[], ${resolved.map((r) => r.amounts.jhtEmployer)}::int8[],
        ${resolved.map((r) => r.amounts.jpWorker)}::int8[], ${resolved.map((r) => r.amounts.jpEmployer)}::int8[],
        ${resolved.map((r) => r.amounts.jkk)}::int8[], ${resolved.map((r) => r.amounts.jkm)}::int8[],
        ${resolved.map((r) => r.amounts.jkpFromJkk + r.amounts.jkpFromJkm)}::int8[], ${resolved.map((r) => r.amounts.total)}::int8[])
        as a(period, account_id, bill_id, jht_worker, jht_employer, jp_worker, jp_employer, jkk, jkm, jkp, total)
        on a.period = r.period and a.account_id = r.account_id
      order by r.wage_report_id
    `.execute(trx);
    return ok({
      importedLines: resolved.length,
      periods: periods.map((period) => ({
        period,
        billId: billIdByPeriod.get(period)!,
        lines: resolved.filter((r) => r.period === period).length,
        addedRupiah: resolved
          .filter((r) => r.period === period)
          .reduce((total, r) => total + r.amounts.total, 0),
      })),
    });
  });
}
