// Generates N members with monthly contribution history through the real pipeline: each employer's
// monthly wage report goes through importWageReport (validation, bill, bill lines) and its payment
// through recordPayment (posting engine, balances, bill status), in batches of one employer-month.
// Only enrolment is bulk SQL (persons with encrypted NIK and blind index, KPJ from the sequence with
// the core's check digit, employments): enrolWorker is one transaction per worker and would dominate.
import { issueKpj, nextPeriod, type Result } from '@lumbung/core';
import { sql } from 'kysely';
import { importWageReport } from '../../server/src/employer/wage-report-service';
import { recordPayment } from '../../server/src/employer/payment-service';
import type { ServiceContext } from '../../server/src/services/service-context';
import { log, timed } from './harness';

/** History ends here for every dataset, so the yearly return for 2025 sees a whole year of it. */
export const LAST_HISTORY_PERIOD = '2025-11';
export const RETURN_YEAR = 2025;
/** Workers per employer: one wage report and one payment per employer and month. */
export const EMPLOYER_SIZE = 5_000;
const ENROL_CHUNK = 10_000;

export function firstHistoryPeriod(months: number): string {
  let period = LAST_HISTORY_PERIOD;
  for (let i = 1; i < months; i += 1) period = previousPeriod(period);
  return period;
}

function previousPeriod(period: string): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** A structurally valid NIK (Bandung, male) unique per index: birth date and serial vary. */
export function benchNik(index: number): { nik: string; birthDate: string } {
  const day = Math.floor(index / 9_000);
  const serial = (index % 9_000) + 1;
  const born = new Date(Date.UTC(1970, 0, 1) + day * 86_400_000);
  const dd = String(born.getUTCDate()).padStart(2, '0');
  const mm = String(born.getUTCMonth() + 1).padStart(2, '0');
  const yy = String(born.getUTCFullYear() % 100).padStart(2, '0');
  return {
    nik: `327301${dd}${mm}${yy}${String(serial).padStart(4, '0')}`,
    birthDate: born.toISOString().slice(0, 10),
  };
}

/** A varied but deterministic monthly wage (Rp 3.5 m – 13.4 m, some above the JP cap). */
export const benchWage = (memberIndex: number, period: string): number =>
  3_500_000 + (memberIndex % 100) * 100_000 + (Number(period.slice(0, 4)) - 2019) * 150_000;

export interface Enrolled {
  readonly employers: number;
  readonly seconds: number;
}

/** Employers of EMPLOYER_SIZE workers; each worker a person with one KPJ, employed since their first month. */
export async function enrolMembers(
  ctx: ServiceContext,
  members: number,
  startedOn: string,
): Promise<Enrolled> {
  const employers = Math.ceil(members / EMPLOYER_SIZE);
  const { seconds } = await timed(async () => {
    await sql`
      insert into employers (npp, name, jkk_risk_class)
      select 'BENCH' || lpad(g::text, 5, '0'), 'PT Bench ' || g,
        (array['very_low', 'low', 'medium', 'high', 'very_high'])[1 + g % 5]
      from generate_series(1, ${employers}) g
    `.execute(ctx.db);
    for (let start = 0; start < members; start += ENROL_CHUNK) {
      const count = Math.min(ENROL_CHUNK, members - start);
      const niks: string[] = [];
      const births: string[] = [];
      const ciphers: string[] = [];
      const indexes: string[] = [];
      const names: string[] = [];
      for (let i = start; i < start + count; i += 1) {
        const { nik, birthDate } = benchNik(i);
        niks.push(nik);
        births.push(birthDate);
        ciphers.push(ctx.pii.encrypt(nik));
        indexes.push(ctx.pii.blindIndex('nik', nik));
        names.push(`Anggota Bench ${i + 1}`);
      }
      const sequence = await sql<{ n: number }>`
        select nextval('kpj_number_seq') as n from generate_series(1, ${count})
      `.execute(ctx.db);
      const kpjs = sequence.rows.map((row) => issueKpj(Number(row.n)));
      const employerIds = Array.from(
        { length: count },
        (_, k) => Math.floor((start + k) / EMPLOYER_SIZE) + 1,
      );
      await ctx.db.transaction().execute(async (trx) => {
        await sql`
          with p as (
            insert into persons (nik_cipher, nik_index, full_name, name_key, birth_date, sex)
            select c, i, n, lower(replace(n, ' ', '')), b::date, 'M'
            from unnest(${ciphers}::text[], ${indexes}::text[], ${names}::text[], ${births}::text[])
              with ordinality as t(c, i, n, b, ord)
            order by ord
            returning person_id, nik_index
          ),
          input as (
            select * from unnest(${indexes}::text[], ${kpjs}::text[], ${employerIds}::int8[])
              as t(nik_index, kpj, employer_id)
          ),
          a as (
            insert into member_accounts (person_id, kpj, segment, joined_on)
            select p.person_id, input.kpj, 'PU', ${startedOn}::date from p join input using (nik_index)
            order by p.person_id
            returning account_id, person_id, kpj
          )
          insert into employments (employer_id, person_id, account_id, started_on)
          select input.employer_id, a.person_id, a.account_id, ${startedOn}::date
          from a join input using (kpj) order by a.account_id
        `.execute(trx);
      });
    }
    await sql`analyze`.execute(ctx.db);
  });
  return { employers, seconds };
}

export interface HistoryProgress {
  readonly period: string;
  readonly memberMonths: number;
  readonly seconds: number;
}

const orFail = <T>(result: Result<T, string>, what: string): T => {
  if (!result.ok) throw new Error(`${what}: ${result.code}`);
  return result.value;
};

/**
 * Reports and pays `months` months for every employer, month by month, with a clock that walks:
 * the wage report on the 5th of the next month, the payment on the 10th (before the 15th: no penalty).
 */
export async function generateHistory(
  ctx: ServiceContext & { clock: { set(at: string): void } },
  options: { members: number; months: number; onMonth?: (progress: HistoryProgress) => void },
): Promise<{ memberMonths: number; seconds: number }> {
  const employers = Math.ceil(options.members / EMPLOYER_SIZE);
  const accounts = await ctx.db
    .selectFrom('member_accounts')
    .innerJoin('employments', 'employments.account_id', 'member_accounts.account_id')
    .select(['member_accounts.kpj', 'employments.employer_id'])
    .orderBy('member_accounts.account_id')
    .execute();
  const kpjsByEmployer = new Map<number, string[]>();
  for (const row of accounts) {
    const list = kpjsByEmployer.get(row.employer_id) ?? [];
    list.push(row.kpj);
    kpjsByEmployer.set(row.employer_id, list);
  }
  let memberMonths = 0;
  const started = performance.now();
  let period = firstHistoryPeriod(options.months);
  for (let m = 0; m < options.months; m += 1, period = nextPeriod(period)) {
    const paymentMonth = nextPeriod(period);
    for (let employerId = 1; employerId <= employers; employerId += 1) {
      const kpjs = kpjsByEmployer.get(employerId) ?? [];
      ctx.clock.set(`${paymentMonth}-05T03:00:00.000Z`);
      const report = orFail(
        await importWageReport(
          ctx,
          employerId,
          kpjs.map((kpj, line) => ({
            line: line + 1,
            period,
            kpj,
            wage: benchWage((employerId - 1) * EMPLOYER_SIZE + line, period),
          })),
        ),
        `wage report ${employerId} ${period}`,
      );
      const billed = report.periods[0];
      if (!billed) throw new Error(`no bill for ${employerId} ${period}`);
      ctx.clock.set(`${paymentMonth}-10T03:00:00.000Z`);
      const paid = orFail(
        await recordPayment(ctx, {
          employerId,
          period,
          paymentReference: `BENCH-${employerId}-${period}`,
          amountRupiah: billed.addedRupiah,
          paidAt: ctx.clock.now(),
          source: 'bank',
        }),
        `payment ${employerId} ${period}`,
      );
      if (paid.billStatus !== 'paid') throw new Error(`bill ${employerId} ${period} not paid`);
      memberMonths += kpjs.length;
    }
    const seconds = (performance.now() - started) / 1000;
    options.onMonth?.({ period, memberMonths, seconds });
  }
  return { memberMonths, seconds: (performance.now() - started) / 1000 };
}

/** Generates a whole dataset on an empty, migrated database. */
export async function generateDataset(
  ctx: ServiceContext & { clock: { set(at: string): void } },
  options: { members: number; months: number },
): Promise<{ enrolSeconds: number; historySeconds: number; memberMonths: number }> {
  const first = firstHistoryPeriod(options.months);
  const enrolled = await enrolMembers(ctx, options.members, `${first}-01`);
  log(
    `enrolled ${options.members} members at ${enrolled.employers} employers in ${enrolled.seconds.toFixed(1)} s`,
  );
  const history = await generateHistory(ctx, {
    ...options,
    onMonth: (p) => {
      log(
        `  ${p.period}: ${p.memberMonths} member-months in ${p.seconds.toFixed(0)} s (${Math.round(p.memberMonths / p.seconds)}/s)`,
      );
    },
  });
  await sql`analyze`.execute(ctx.db);
  return {
    enrolSeconds: enrolled.seconds,
    historySeconds: history.seconds,
    memberMonths: history.memberMonths,
  };
}
