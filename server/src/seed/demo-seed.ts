// The demo data set a new user sees on first start: employers, members and years of monthly history,
// replayed in date order through the real services (enrolment, wage reports, payments, BPU payments,
// exits, yearly JHT returns) with a clock that walks from 2019 to the last finished month.
import {
  addPeriods,
  comparePeriods,
  dayInPeriod,
  firstDayOfPeriod,
  lastDayOfPeriod,
  parseNik,
  periodOf,
  periodRange,
  periodYear,
  type Period,
} from '@lumbung/core';
import { runContributionAlerts, type AlertRunOutcome } from '../alert/alert-run';
import { createEmployer } from '../employer/employer-store';
import { enrolWorker } from '../employer/enrolment-service';
import { reportWorkerExit } from '../employer/exit-service';
import { issueNextKpj } from '../employer/kpj-issuer';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import { declareJhtReturn, runJhtReturn } from '../jht-return/jht-return-service';
import { recordBpuContribution } from '../ledger/bpu-contribution-service';
import { insertPerson } from '../persons/person-store';
import { seedDemoNews } from '../news/demo-news';
import { manualClock, todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import {
  DEMO_EMPLOYERS,
  DEMO_JHT_RETURNS,
  DEMO_MEMBERS,
  SIGN_UP_DEMO_NIK,
  type DemoEmployer,
  type DemoJob,
} from './demo-ledger-cast';
import { seedDemoUsers } from './demo-users';

export interface DemoLogin {
  readonly who: string;
  readonly signIn: string;
  readonly password: string;
}

export interface DemoLedger {
  readonly members: { personId: number; fullName: string; email: string; phone: string; kpj: string[] }[];
  readonly employers: { employerId: number; npp: string; name: string }[];
  /** The last contribution month seeded (see lastSeededPeriod). */
  readonly lastPeriod: Period;
}

export async function isDatabaseEmpty(ctx: ServiceContext): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

/**
 * The whole demo: ledger history, news, and sign-ins for every member but one (SIGN_UP_DEMO_NIK), who is
 * left without one so a visitor can try sign-up with a real NIK and KPJ; then the contribution-alert
 * check runs once, as of today, so the members whose employer skipped months find their alert in the
 * notification centre on first start. Its SMS and e-mail stay queued (nothing leaves the process while
 * seeding; `notifications:send` or the scheduler sends them). Returns the lines to print.
 */
export async function seedDemoData(
  ctx: ServiceContext,
): Promise<{ ledger: DemoLedger; logins: DemoLogin[]; alerts: AlertRunOutcome }> {
  const ledger = await seedDemoLedger(ctx);
  await seedDemoNews(ctx);
  const newcomerIndex = DEMO_MEMBERS.findIndex((member) => member.nik === SIGN_UP_DEMO_NIK);
  const withSignIn = ledger.members.filter((_, index) => index !== newcomerIndex);
  const logins = await seedDemoUsers(
    ctx,
    withSignIn.map((member) => ({ personId: member.personId, email: member.email, phone: member.phone })),
    ledger.employers[0]?.employerId,
  );
  const newcomer = ledger.members[newcomerIndex];
  if (newcomer) {
    logins.push({
      who: `Sign-up demo: ${newcomer.fullName}`,
      signIn: `NIK ${SIGN_UP_DEMO_NIK}, KPJ ${newcomer.kpj[0] ?? '-'}`,
      password: `born ${birthDateOf(SIGN_UP_DEMO_NIK, todayInJakarta(ctx.clock))}, phone ${newcomer.phone} (no account yet)`,
    });
  }
  const alerts = must(
    await runContributionAlerts(ctx, { asOf: todayInJakarta(ctx.clock), send: false }),
    'contribution alert run',
  );
  return { ledger, logins, alerts };
}

/** The birth date a NIK carries (women's day is +40), as YYYY-MM-DD. */
function birthDateOf(nik: string, asOf: string): string {
  const parsed = parseNik(nik, asOf);
  return parsed.ok ? parsed.value.birthDate : '?';
}

/** Events happen at 09:00 WIB on their day; `order` breaks ties within a day. */
interface DemoEvent {
  readonly on: string;
  readonly order: number;
  run(ctx: ServiceContext): Promise<void>;
}

const must = <T>(result: { ok: true; value: T } | { ok: false; code: string }, what: string): T => {
  if (!result.ok) throw new Error(`demo seed: ${what} failed with ${result.code}`);
  return result.value;
};

/** Integer 5% raise, rounded down to Rp1,000 (demo wages only). */
const raised = (wage: number): number => {
  const scaled = wage * 105;
  return (scaled - (scaled % 100_000)) / 100;
};

function wageIn(job: DemoJob, period: Period): number {
  let wage = job.wageRupiah;
  for (let year = periodYear(periodOf(job.startedOn)) + 1; year <= periodYear(period); year += 1)
    wage = raised(wage);
  return wage;
}

const isEmployedIn = (job: DemoJob, period: Period): boolean =>
  job.startedOn <= lastDayOfPeriod(period) && (!job.exit || job.exit.on >= firstDayOfPeriod(period));

/** The last month the demo seeds: the last one whose payment day (the 10th of the next month) has passed. */
export function lastSeededPeriod(today: string): Period {
  const last = addPeriods(periodOf(today), -1);
  return dayInPeriod(addPeriods(last, 1), 10) > today ? addPeriods(last, -1) : last;
}

export async function seedDemoLedger(ctx: ServiceContext): Promise<DemoLedger> {
  const today = todayInJakarta(ctx.clock);
  const lastPeriod = lastSeededPeriod(today);
  const clock = manualClock('2019-01-01T02:00:00Z');
  const seedCtx: ServiceContext = { ...ctx, clock };

  const employers: DemoLedger['employers'] = [];
  const employerIds = new Map<DemoEmployer['key'], number>();
  for (const employer of DEMO_EMPLOYERS) {
    const employerId = await createEmployer(ctx, employer);
    employerIds.set(employer.key, employerId);
    employers.push({ employerId, npp: employer.npp, name: employer.name });
  }

  const members: DemoLedger['members'] = [];
  const events: DemoEvent[] = [];
  const kpjByJob = new Map<DemoJob, string>();
  for (const member of DEMO_MEMBERS) {
    const entry = {
      personId: 0,
      fullName: member.fullName,
      email: member.email,
      phone: member.phone,
      kpj: [] as string[],
    };
    members.push(entry);
    for (const job of member.jobs ?? []) {
      const employerId = employerIds.get(job.employer)!;
      events.push({
        on: job.startedOn,
        order: 0,
        run: async (c) => {
          const enrolled = must(
            await enrolWorker(c, employerId, {
              nik: member.nik,
              fullName: member.fullName,
              email: member.email,
              phone: member.phone,
              startedOn: job.startedOn,
            }),
            `enrol ${member.fullName}`,
          );
          entry.personId = enrolled.personId;
          entry.kpj.push(enrolled.kpj);
          kpjByJob.set(job, enrolled.kpj);
        },
      });
      if (job.exit) {
        const exit = job.exit;
        events.push({
          on: exit.on,
          order: 3,
          run: async (c) => {
            must(
              await reportWorkerExit(c, employerId, {
                kpj: kpjByJob.get(job)!,
                exitedOn: exit.on,
                reason: exit.reason,
              }),
              'exit',
            );
          },
        });
      }
    }
    if (member.bpu) {
      const bpu = member.bpu;
      let accountId = 0;
      events.push({
        on: firstDayOfPeriod(bpu.from),
        order: 0,
        run: async (c) => {
          // BPU sign-up belongs to the member portal; the demo opens the account directly.
          const nik = must(parseNik(member.nik, today), `NIK of ${member.fullName}`);
          const personId = await insertPerson(c.db, c.pii, {
            nik: nik.nik,
            fullName: member.fullName,
            birthDate: nik.birthDate,
            sex: nik.sex,
            email: member.email,
            phone: `+62${member.phone.slice(1)}`,
          });
          const kpj = await issueNextKpj(c.db);
          const account = await c.db
            .insertInto('member_accounts')
            .values({ person_id: personId, kpj, segment: 'BPU', joined_on: firstDayOfPeriod(bpu.from) })
            .returning('account_id')
            .executeTakeFirstOrThrow();
          accountId = account.account_id;
          entry.personId = personId;
          entry.kpj.push(kpj);
        },
      });
      for (const period of periodRange(bpu.from, lastPeriod)) {
        events.push({
          on: dayInPeriod(period, 10),
          order: 2,
          run: async (c) => {
            must(
              await recordBpuContribution(c, {
                accountId,
                period,
                declaredIncomeRupiah: bpu.incomeRupiah,
                withJht: bpu.withJht,
                paymentReference: `DEMO-BPU-${accountId}-${period}`,
                paidAt: c.clock.now(),
              }),
              `BPU ${member.fullName} ${period}`,
            );
          },
        });
      }
    }
  }

  const billTotals = new Map<string, number>();
  for (const employer of DEMO_EMPLOYERS) {
    const employerId = employerIds.get(employer.key)!;
    const jobs = DEMO_MEMBERS.flatMap((m) => (m.jobs ?? []).filter((j) => j.employer === employer.key));
    const first = jobs.map((j) => periodOf(j.startedOn)).sort(comparePeriods)[0];
    if (!first) continue;
    const monthsBack = (counts: readonly number[] | undefined): Set<Period> =>
      new Set((counts ?? []).map((count) => addPeriods(lastPeriod, -count)));
    const unreported = monthsBack(employer.unreportedMonthsBeforeLast);
    const unpaid = monthsBack(employer.unpaidMonthsBeforeLast);
    for (const period of periodRange(first, lastPeriod)) {
      if (unreported.has(period)) continue;
      const next = addPeriods(period, 1);
      events.push({
        on: dayInPeriod(next, 5),
        order: 1,
        run: async (c) => {
          const lines = jobs
            .filter((job) => isEmployedIn(job, period))
            .map((job, index) => ({
              line: index + 1,
              period,
              kpj: kpjByJob.get(job)!,
              wage: wageIn(job, period),
            }));
          if (lines.length === 0) return;
          const imported = must(
            await importWageReport(c, employerId, lines),
            `wage report ${employer.name} ${period}`,
          );
          billTotals.set(`${employerId}:${period}`, imported.periods[0]?.addedRupiah ?? 0);
        },
      });
      if (unpaid.has(period)) continue;
      events.push({
        on: dayInPeriod(next, 10),
        order: 2,
        run: async (c) => {
          const total = billTotals.get(`${employerId}:${period}`);
          if (total === undefined) return;
          must(
            await recordPayment(c, {
              employerId,
              period,
              paymentReference: `DEMO-${employer.npp}-${period}`,
              amountRupiah: total,
              paidAt: c.clock.now(),
              source: 'bank',
            }),
            `payment ${employer.name} ${period}`,
          );
        },
      });
    }
  }

  for (const declared of DEMO_JHT_RETURNS) {
    if (`${declared.year + 1}-01-20` > today) continue;
    events.push({
      on: `${declared.year + 1}-01-20`,
      order: 4,
      run: async (c) => {
        must(await declareJhtReturn(c, { ...declared, declaredBy: 'demo seed' }), `declare ${declared.year}`);
        must(await runJhtReturn(c, declared.year), `JHT return ${declared.year}`);
      },
    });
  }

  events.sort((a, b) => (a.on === b.on ? a.order - b.order : a.on < b.on ? -1 : 1));
  for (const event of events) {
    if (event.on > today) continue;
    clock.set(`${event.on}T02:00:00Z`);
    await event.run(seedCtx);
  }
  ctx.log.info({ members: members.length, employers: employers.length, lastPeriod }, 'demo ledger seeded');
  return { members, employers, lastPeriod };
}
