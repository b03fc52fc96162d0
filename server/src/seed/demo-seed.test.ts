import { addPeriods, comparePeriods, defaultRuleBook } from '@lumbung/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_LOOKBACK_MONTHS, lastDuePeriod } from '../alert/alert-run';
import { runVerify } from '../cli/ledger-commands';
import {
  getBalanceSeries,
  getContributionHistory,
  getJhtBalanceAsOf,
  getMemberBalances,
} from '../ledger/balance-queries';
import { createTestContext, type TestContext } from '../test/test-context';
import { DEMO_EMPLOYERS, SIGN_UP_DEMO_NIK } from './demo-ledger-cast';
import { lastSeededPeriod, seedDemoData, type DemoLedger, type DemoLogin } from './demo-seed';
import { DEMO_STAFF } from './demo-users';

let test: TestContext;
let seeded: DemoLedger;
let logins: DemoLogin[];
let seedMs: number;

const member = (name: string) => seeded.members.find((m) => m.fullName === name)!;

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00Z' });
  const started = Date.now();
  ({ ledger: seeded, logins } = await seedDemoData(test.ctx));
  seedMs = Date.now() - started;
}, 120_000);
afterAll(async () => test.close());

describe('the skipped months', () => {
  it.each(['2026-11-22', '2027-03-09', '2027-03-10', '2031-01-16'])(
    'lie inside the contribution-alert look-back for a demo seeded on %s',
    (today) => {
      const last = lastSeededPeriod(today);
      const kopi = DEMO_EMPLOYERS.find((employer) => employer.key === 'kopi')!;
      const skipped = [
        ...(kopi.unpaidMonthsBeforeLast ?? []),
        ...(kopi.unreportedMonthsBeforeLast ?? []),
      ].map((count) => addPeriods(last, -count));
      const through = lastDuePeriod(today, defaultRuleBook);
      const windowStart = addPeriods(through, -(ALERT_LOOKBACK_MONTHS - 1));
      expect(skipped).toHaveLength(2);
      for (const period of skipped) {
        expect(comparePeriods(period, windowStart)).toBeGreaterThanOrEqual(0);
        expect(comparePeriods(period, through)).toBeLessThanOrEqual(0);
      }
    },
  );
});

describe('demo ledger', () => {
  it('seeds employers and members with their stories', async () => {
    console.info(`demo seed on ${test.ctx.backend}: ${seedMs} ms`);
    expect(seeded.employers).toHaveLength(3);
    expect(seeded.members).toHaveLength(13);
    expect(member('Budi Santoso').kpj).toHaveLength(2);
    expect(member('Siti Aminah')).toMatchObject({
      email: 'siti.aminah@demo.lumbung.id',
      phone: '081234560001',
    });
    const hendra = await test.ctx.db
      .selectFrom('member_accounts')
      .selectAll()
      .where('person_id', '=', member('Hendra Gunawan').personId)
      .executeTakeFirstOrThrow();
    expect(hendra).toMatchObject({ status: 'inactive', exited_on: '2026-08-31', exit_reason: 'resignation' });
    const years = await test.ctx.db
      .selectFrom('jht_return_years')
      .select(['year', 'status'])
      .orderBy('year')
      .execute();
    expect(years.map((y) => `${y.year}:${y.status}`)).toEqual(
      ['2019', '2020', '2021', '2022', '2023', '2024', '2025'].map((y) => `${y}:completed`),
    );
  });

  it('gives every member but the sign-up demo a sign-in, one staff user per role, and news', async () => {
    const users = await test.ctx.db.selectFrom('users').select(['person_id', 'role']).execute();
    const memberUsers = new Set(users.filter((u) => u.person_id !== null).map((u) => u.person_id));
    const newcomer = member('Fitri Rahmawati');
    expect(memberUsers.has(newcomer.personId)).toBe(false);
    expect(memberUsers.size).toBe(seeded.members.length - 1);
    expect(users.filter((u) => u.person_id === null)).toHaveLength(DEMO_STAFF.length);
    const signUp = logins.at(-1)!;
    expect(signUp.who).toBe(`Sign-up demo: ${newcomer.fullName}`);
    expect(signUp.signIn).toBe(`NIK ${SIGN_UP_DEMO_NIK}, KPJ ${newcomer.kpj[0]}`);
    expect(signUp.password).toContain('born 1996-10-07');
    const news = await test.ctx.db
      .selectFrom('news')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(news.n)).toBeGreaterThan(0);
  });

  it('answers the read functions: balances with parts, history with gaps, as-of and series', async () => {
    const rina = member('Rina Wulandari');
    const history = await getContributionHistory(test.ctx.db, rina.personId);
    // Seeded on 2026-11-22: the last month is October, so April 2026 (six months before) was reported
    // but never paid and May 2026 (five before) not reported.
    expect(seeded.lastPeriod).toBe('2026-10');
    const april = history.find((h) => h.period === '2026-04');
    expect(april).toMatchObject({ isPaid: false, paidOn: null, employerName: 'CV Kopi Lereng Merapi' });
    expect(history.find((h) => h.period === '2026-05')).toBeUndefined();
    expect(history.find((h) => h.period === '2026-03')).toMatchObject({ isPaid: true, paidOn: '2026-04-10' });
    expect(history[0]).toMatchObject({ period: '2026-10', isPaid: true, paidOn: '2026-11-10' });

    const budi = await getMemberBalances(test.ctx.db, member('Budi Santoso').personId);
    expect(budi.accounts).toHaveLength(2);
    const jht = budi.total.JHT;
    expect(jht.amountRupiah).toBe(
      jht.workerRupiah + jht.employerRupiah + jht.returnRupiah + jht.withdrawalRupiah,
    );
    expect(jht.returnRupiah).toBeGreaterThan(0);
    expect(budi.total.JP.amountRupiah).toBeGreaterThan(0);

    const siti = member('Siti Aminah').personId;
    const asOf = await getJhtBalanceAsOf(test.ctx.db, siti, '2019-12-31');
    // 2019: 12 months paid by 10 Jan 2020, so 11 months (Jan–Nov) are on the books at year end.
    expect(asOf.workerRupiah).toBe(11 * 84_000);
    const series = await getBalanceSeries(test.ctx.db, siti);
    expect(series[0]).toEqual({ month: '2019-02', balanceRupiah: 84_000 + 155_400 });
    expect(series.at(-1)?.balanceRupiah).toBe(
      (await getMemberBalances(test.ctx.db, siti)).total.JHT.amountRupiah,
    );

    const wayan = await getMemberBalances(test.ctx.db, member('I Wayan Sudarsana').personId);
    expect(wayan.accounts[0]).toMatchObject({ segment: 'BPU' });
    expect(wayan.total.JHT.workerRupiah).toBeGreaterThan(0);
  });

  it('verify passes on the demo data and fails, with the reason, after a posting is tampered with', async () => {
    const out: string[] = [];
    expect(await runVerify(test.ctx, { write: (t: string) => out.push(t) })).toBe(0);
    expect(out.join('')).toContain('ledger verified');
    const victim = await test.ctx.db
      .selectFrom('postings')
      .select(['posting_id', 'entry_id', 'ledger_account_id'])
      .orderBy('posting_id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    // Postings are append-only in the database (migration 0009): a plain UPDATE is refused. Tampering,
    // as an attacker with the owner's rights could, means switching the trigger off first.
    await expect(
      sql`update postings set amount = amount + 1 where posting_id = ${victim.posting_id}`.execute(
        test.ctx.db,
      ),
    ).rejects.toThrow(/postings is append-only/);
    await sql`alter table postings disable trigger postings_append_only`.execute(test.ctx.db);
    await sql`update postings set amount = amount + 1 where posting_id = ${victim.posting_id}`.execute(
      test.ctx.db,
    );
    await sql`alter table postings enable trigger postings_append_only`.execute(test.ctx.db);
    const failed: string[] = [];
    expect(await runVerify(test.ctx, { write: (t: string) => failed.push(t) })).toBe(1);
    const text = failed.join('');
    expect(text).toContain(`FAIL  every entry has ≥2 postings summing to zero: entry ${victim.entry_id}: `);
    expect(text).toContain(`ledger account ${victim.ledger_account_id}: balance`);
    expect(text).toContain('FAIL  all postings sum to zero: all postings sum to 1');
    expect(text).toContain('LEDGER VERIFICATION FAILED');
  });
});
