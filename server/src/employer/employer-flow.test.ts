import { defaultRuleBook } from '@lumbung/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLedger } from '../ledger/ledger-verify';
import { createTestContext, type TestContext } from '../test/test-context';
import { lineAmounts, getBill } from './bill-service';
import { enrolWorker } from './enrolment-service';
import { createEmployer } from './employer-store';
import { reportWorkerExit } from './exit-service';
import { recordPayment } from './payment-service';
import { importWageReport } from './wage-report-service';

let test: TestContext;
let employerId: number;
const workers: { personId: number; accountId: number; kpj: string; wage: number }[] = [];

const NIKS = ['3273015501900001', '3273011203850002', '3173024408920003'];
const WAGES = [5_500_000, 12_000_000, 4_200_000];

async function snapshot() {
  const balances = await test.ctx.db
    .selectFrom('balances')
    .selectAll()
    .orderBy('ledger_account_id')
    .execute();
  const [entries] = (await sql<{ n: number }>`select count(*) as n from journal_entries`.execute(test.ctx.db))
    .rows;
  const [payments] = (await sql<{ n: number }>`select count(*) as n from payments`.execute(test.ctx.db)).rows;
  return {
    balances: balances.map(({ updated_at: _u, ...rest }) => rest),
    entries: entries?.n,
    payments: payments?.n,
  };
}

async function jhtBalance(accountId: number) {
  return test.ctx.db
    .selectFrom('balances')
    .innerJoin('ledger_accounts', 'ledger_accounts.ledger_account_id', 'balances.ledger_account_id')
    .select(['balances.amount', 'balances.worker_amount', 'balances.employer_amount'])
    .where('ledger_accounts.account_id', '=', accountId)
    .where('ledger_accounts.programme', '=', 'JHT')
    .executeTakeFirst();
}

async function report(period: string) {
  const result = await importWageReport(
    test.ctx,
    employerId,
    workers.map((w, i) => ({ line: i + 1, period, kpj: w.kpj, wage: w.wage })),
  );
  expect(result.ok).toBe(true);
  const bill = await getBill(test.ctx, employerId, period);
  if (!bill.ok) throw new Error('no bill');
  return bill.value;
}

beforeAll(async () => {
  test = await createTestContext({ now: '2026-09-01T03:00:00Z' });
  employerId = await createEmployer(test.ctx, {
    npp: 'NPP-EMP-001',
    name: 'PT Maju Bersama',
    riskClass: 'medium',
  });
  for (const [index, nik] of NIKS.entries()) {
    const enrolled = await enrolWorker(test.ctx, employerId, {
      nik,
      fullName: `Pekerja ${index}`,
      startedOn: '2026-01-05',
    });
    if (!enrolled.ok) throw new Error(enrolled.code);
    workers.push({ ...enrolled.value, wage: WAGES[index]! });
  }
});
afterAll(async () => test.close());

describe('enrolment', () => {
  it('refuses a second active employment and a new person without a name', async () => {
    expect(await enrolWorker(test.ctx, employerId, { nik: NIKS[0]!, startedOn: '2026-02-01' })).toMatchObject(
      {
        ok: false,
        code: 'employment_already_active',
      },
    );
    expect(
      await enrolWorker(test.ctx, employerId, { nik: '3273010101900099', startedOn: '2026-02-01' }),
    ).toMatchObject({
      code: 'enrolment_name_required',
    });
  });

  it('links an existing person at a second employer with a new KPJ', async () => {
    const other = await createEmployer(test.ctx, { npp: 'NPP-EMP-002', name: 'CV Sinar', riskClass: 'low' });
    const enrolled = await enrolWorker(test.ctx, other, { nik: NIKS[0]!, startedOn: '2026-03-01' });
    expect(enrolled.ok && enrolled.value.personId).toBe(workers[0]!.personId);
    expect(enrolled.ok && enrolled.value.kpj).not.toBe(workers[0]!.kpj);
    expect(enrolled.ok && enrolled.value.kpj).toMatch(/^99\d{9}$/);
  });
});

describe('wage report', () => {
  it('reports every error with its line and imports nothing', async () => {
    const result = await importWageReport(test.ctx, employerId, [
      { line: 2, period: '2026-08', kpj: workers[0]!.kpj, wage: '5000000' },
      { line: 3, period: '2026-08', kpj: workers[1]!.kpj, wage: '5.000.000,50' },
      { line: 4, period: '2026-08', kpj: '99999999999', wage: 100 },
      { line: 5, period: '2026-08', kpj: workers[0]!.kpj, wage: 10 },
      { line: 6, period: '2027-01', nik: NIKS[2]!, wage: 10 },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok || !('lineErrors' in result)) throw new Error('expected line errors');
    expect(result.code).toBe('wage_report_invalid');
    expect(result.lineErrors.map((e) => [e.line, e.code])).toEqual([
      [3, 'wage_report_wage_invalid'],
      [4, 'kpj_invalid_check_digit'],
      [5, 'wage_report_duplicate_line'],
      [6, 'wage_report_period_in_future'],
    ]);
    const [count] = (await sql<{ n: number }>`select count(*) as n from wage_reports`.execute(test.ctx.db))
      .rows;
    expect(count?.n).toBe(0);
  });

  it('builds the bill per programme from the core calculator', async () => {
    const bill = await report('2026-08');
    const expected = WAGES.map((wage) => lineAmounts(wage, '2026-08', 'medium', defaultRuleBook)).map(
      (r) => (r.ok ? r.value : null)!,
    );
    const sum = (pick: (a: (typeof expected)[number]) => number) => expected.reduce((t, a) => t + pick(a), 0);
    expect(bill.programmes.JHT.workerRupiah).toBe(sum((a) => a.jhtWorker));
    // 2% of each wage (no cap on JHT): 110,000 + 240,000 + 84,000.
    expect(bill.programmes.JHT.workerRupiah).toBe(434_000);
    expect(bill.programmes.JP.employerRupiah).toBe(sum((a) => a.jpEmployer));
    expect(bill.programmes.JKK.totalRupiah).toBe(sum((a) => a.jkk));
    expect(bill.totalRupiah).toBe(sum((a) => a.total));
    expect(bill.dueOn).toBe('2026-09-15');
    expect(bill.status).toBe('open');
    expect(
      await importWageReport(test.ctx, employerId, [
        { line: 1, period: '2026-08', kpj: workers[0]!.kpj, wage: 1 },
      ]),
    ).toMatchObject({
      lineErrors: [{ line: 1, code: 'wage_report_already_reported' }],
    });
  });
});

describe('payments', () => {
  it('a full payment credits each worker; the same payment twice changes nothing', async () => {
    const bill = (await getBill(test.ctx, employerId, '2026-08')) as {
      ok: true;
      value: { totalRupiah: number };
    };
    test.clock.set('2026-09-10T03:00:00Z');
    const payment = {
      employerId,
      period: '2026-08',
      paymentReference: 'BANK-0001',
      amountRupiah: bill.value.totalRupiah,
      paidAt: new Date('2026-09-10T02:00:00Z'),
      source: 'bank' as const,
    };
    const first = await recordPayment(test.ctx, payment);
    expect(first).toMatchObject({
      ok: true,
      value: { billStatus: 'paid', workersPosted: 3, penaltyChargedRupiah: 0 },
    });
    const expected = lineAmounts(WAGES[1]!, '2026-08', 'medium', defaultRuleBook);
    expect(await jhtBalance(workers[1]!.accountId)).toEqual({
      amount: expected.ok ? expected.value.jhtWorker + expected.value.jhtEmployer : -1,
      worker_amount: expected.ok ? expected.value.jhtWorker : -1,
      employer_amount: expected.ok ? expected.value.jhtEmployer : -1,
    });
    const before = await snapshot();
    const again = await recordPayment(test.ctx, payment);
    expect(again).toMatchObject({
      ok: true,
      value: { isDuplicate: true, paymentId: first.ok ? first.value.paymentId : 0 },
    });
    expect(await snapshot()).toEqual(before);
    expect(await recordPayment(test.ctx, { ...payment, amountRupiah: 1 })).toMatchObject({
      code: 'payment_reference_conflict',
    });
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });

  it('a failure in the middle of posting a bill leaves no entry and no balance change', async () => {
    test.clock.set('2026-10-05T03:00:00Z');
    const bill = await report('2026-09');
    // The third worker's JHT credit fails inside the batched posting statement, after other rows went in.
    const target = await test.ctx.db
      .selectFrom('ledger_accounts')
      .select('ledger_account_id')
      .where('account_id', '=', workers[2]!.accountId)
      .where('programme', '=', 'JHT')
      .executeTakeFirstOrThrow();
    await sql
      .raw(
        `create function fail_posting() returns trigger language plpgsql as $$ begin
           if new.ledger_account_id = ${target.ledger_account_id} then raise exception 'injected failure'; end if;
           return new; end $$;
         create trigger fail_posting before insert on postings for each row execute function fail_posting();`,
      )
      .execute(test.ctx.db);
    const before = await snapshot();
    const billBefore = await getBill(test.ctx, employerId, '2026-09');
    const payment = {
      employerId,
      period: '2026-09',
      paymentReference: 'BANK-0002',
      amountRupiah: bill.totalRupiah,
      paidAt: new Date('2026-10-05T01:00:00Z'),
      source: 'bank' as const,
    };
    await expect(recordPayment(test.ctx, payment)).rejects.toThrow(/injected failure/);
    expect(await snapshot()).toEqual(before);
    expect(await getBill(test.ctx, employerId, '2026-09')).toEqual(billBefore);
    await sql
      .raw('drop trigger fail_posting on postings; drop function fail_posting();')
      .execute(test.ctx.db);
    expect(await recordPayment(test.ctx, payment)).toMatchObject({
      ok: true,
      value: { billStatus: 'paid', workersPosted: 3 },
    });
  });

  it('a late partial payment credits whole lines in order, then charges 2% per started month', async () => {
    test.clock.set('2026-10-20T03:00:00Z');
    const bill = await report('2026-10');
    const lines = WAGES.map((wage) => lineAmounts(wage, '2026-10', 'medium', defaultRuleBook)).map((r) =>
      r.ok ? r.value.total : 0,
    );
    // Risk class medium (JKK 0.89%): 5,500,000 → 543,950; 12,000,000 → 1,143,222 (JP on the cap
    // 10,547,400); 4,200,000 → 415,380.
    expect(lines).toEqual([543_950, 1_143_222, 415_380]);
    expect(bill.totalRupiah).toBe(2_102_552);
    // Due 2026-11-15; paid 2026-11-20 = one started month late.
    test.clock.set('2026-11-20T05:00:00Z');
    const paidAt = new Date('2026-11-20T04:00:00Z');
    const firstAmount = lines[0]! + lines[1]! - 1;
    const first = await recordPayment(test.ctx, {
      employerId,
      period: '2026-10',
      paymentReference: 'BANK-0003',
      amountRupiah: firstAmount,
      paidAt,
      source: 'bank',
    });
    expect(first).toMatchObject({
      ok: true,
      value: {
        billStatus: 'partially_paid',
        workersPosted: 1,
        appliedToContributionRupiah: 1_687_171,
        // 2% × 1 started month × 1,687,171 = 33,743.42, half up to the Rupiah.
        penaltyChargedRupiah: 33_743,
      },
    });
    // The rest, 415,381, is one month late too: 2% = 8,307.62 → 8,308; both penalties are paid with it.
    const second = await recordPayment(test.ctx, {
      employerId,
      period: '2026-10',
      paymentReference: 'BANK-0004',
      amountRupiah: 415_381 + 33_743 + 8_308,
      paidAt,
      source: 'staff',
    });
    expect(second).toMatchObject({
      ok: true,
      value: {
        billStatus: 'paid',
        workersPosted: 2,
        appliedToContributionRupiah: 415_381,
        penaltyChargedRupiah: 8_308,
        appliedToPenaltyRupiah: 33_743 + 8_308,
      },
    });
    const paid = await getBill(test.ctx, employerId, '2026-10');
    expect(paid).toMatchObject({
      ok: true,
      value: { outstandingRupiah: 0, paidOn: '2026-11-20', postedWorkerCount: 3 },
    });
    const report2 = await verifyLedger(test.ctx.db);
    expect(report2.checks.filter((c) => !c.isPassed)).toEqual([]);
  });
});

describe('exit', () => {
  it('ends the employment and marks the account', async () => {
    const result = await reportWorkerExit(test.ctx, employerId, {
      kpj: workers[2]!.kpj,
      exitedOn: '2026-10-31',
      reason: 'resignation',
    });
    expect(result).toMatchObject({ ok: true, value: { isAccountExited: true } });
    const account = await test.ctx.db
      .selectFrom('member_accounts')
      .selectAll()
      .where('account_id', '=', workers[2]!.accountId)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({
      status: 'inactive',
      exited_on: '2026-10-31',
      exit_reason: 'resignation',
    });
    expect(
      await reportWorkerExit(test.ctx, employerId, {
        kpj: workers[2]!.kpj,
        exitedOn: '2026-10-31',
        reason: 'resignation',
      }),
    ).toMatchObject({
      code: 'employment_not_found',
    });
  });
});
