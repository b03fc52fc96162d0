// The portal's ledger-backed pages on a real history made through the employer flow: wage reports,
// payments (one month unpaid, one late), and a yearly development return.
import { defaultRuleBook } from '@lumbung/core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJkkDeathBenefit } from '@lumbung/core/jkk/jkk-benefit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBill } from '../employer/bill-service';
import { createEmployer } from '../employer/employer-store';
import { enrolWorker } from '../employer/enrolment-service';
import { recordPayment } from '../employer/payment-service';
import { importWageReport } from '../employer/wage-report-service';
import { declareJhtReturn, runJhtReturn } from '../jht-return/jht-return-service';
import { bearerFor } from '../test/sign-in';
import { createTestApp } from '../test/test-context';

let test: Awaited<ReturnType<typeof createTestApp>>;
let alice: { personId: number; accountId: number; kpj: string; headers: { authorization: string } };
let bob: { personId: number; kpj: string; headers: { authorization: string } };
let returnRupiah = 0;
const WAGE = 5_000_000;
const WORKER = 100_000; // 2% JHT
const EMPLOYER = 185_000; // 3.7% JHT
const PAID_ON: Record<string, string | null> = {
  '2025-01': '2025-02-10',
  '2025-02': '2025-03-10',
  '2025-03': null,
  '2025-04': '2025-05-20',
  '2025-05': '2025-06-10',
  '2025-06': '2025-07-10',
};

beforeAll(async () => {
  test = await createTestApp({ now: '2025-01-03T03:00:00Z' });
  const employerId = await createEmployer(test.ctx, {
    npp: 'NPP-PORTAL-1',
    name: 'PT Maju Bersama',
    riskClass: 'medium',
  });
  const enrolled = await enrolWorker(test.ctx, employerId, {
    nik: '3273015501900001',
    fullName: 'Alice Rahma',
    startedOn: '2025-01-01',
  });
  if (!enrolled.ok) throw new Error(enrolled.code);
  const otherEmployer = await createEmployer(test.ctx, {
    npp: 'NPP-PORTAL-2',
    name: 'CV Lain',
    riskClass: 'low',
  });
  const other = await enrolWorker(test.ctx, otherEmployer, {
    nik: '3273011203850002',
    fullName: 'Bob Wijaya',
    startedOn: '2025-01-02',
  });
  if (!other.ok) throw new Error(other.code);
  for (const [period, paidOn] of Object.entries(PAID_ON)) {
    const month = Number(period.slice(5, 7));
    test.clock.set(`2025-${String(month + 1).padStart(2, '0')}-05T03:00:00Z`);
    const imported = await importWageReport(test.ctx, employerId, [
      { line: 1, period, kpj: enrolled.value.kpj, wage: WAGE },
    ]);
    if (!('ok' in imported) || !imported.ok) throw new Error(`wage report ${period}`);
    if (paidOn === null) continue;
    const bill = await getBill(test.ctx, employerId, period);
    if (!bill.ok) throw new Error('no bill');
    test.clock.set(`${paidOn}T05:00:00Z`);
    const paid = await recordPayment(test.ctx, {
      employerId,
      period,
      paymentReference: `PORTAL-${period}`,
      amountRupiah: bill.value.totalRupiah,
      paidAt: new Date(`${paidOn}T04:00:00Z`),
      source: 'bank',
    });
    if (!paid.ok) throw new Error(paid.code);
  }
  test.clock.set('2026-01-10T03:00:00Z');
  expect(
    (await declareJhtReturn(test.ctx, { year: 2025, rateBasisPoints: 563, declaredBy: 'test' })).ok,
  ).toBe(true);
  expect((await runJhtReturn(test.ctx, 2025)).ok).toBe(true);
  const credit = await test.ctx.db
    .selectFrom('jht_return_credits')
    .select('amount')
    .where('account_id', '=', enrolled.value.accountId)
    .executeTakeFirstOrThrow();
  returnRupiah = credit.amount;
  test.clock.set('2026-11-22T03:00:00Z');
  alice = {
    ...enrolled.value,
    headers: {
      authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member', personId: enrolled.value.personId })}`,
    },
  };
  bob = {
    ...other.value,
    headers: {
      authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member', personId: other.value.personId })}`,
    },
  };
}, 120_000);
afterAll(async () => test?.close());

const get = (url: string, headers: { authorization: string }) =>
  test.app.inject({ method: 'GET', url, headers });

describe('overview', () => {
  it('shows balances and protection with benefit amounts from the core', async () => {
    const response = await get('/api/v1/me/overview', alice.headers);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(returnRupiah).toBeGreaterThan(0);
    expect(body.person).toEqual({ fullName: 'Alice Rahma' });
    expect(body.accounts).toEqual([
      {
        kpj: alice.kpj,
        segment: 'PU',
        status: 'active',
        joinedOn: '2025-01-01',
        exitedOn: null,
        employer: { name: 'PT Maju Bersama', npp: 'NPPPORTAL1' },
      },
    ]);
    expect(body.programmes.jht).toEqual({ balanceRupiah: 5 * (WORKER + EMPLOYER) + returnRupiah });
    expect(body.programmes.jp.balanceRupiah).toBeGreaterThan(0);
    expect(body.asOf).toBe('2026-11-22');
    const amount = (programme: string, key: string) =>
      body.programmes[programme].benefits.find((benefit: { key: string }) => benefit.key === key)
        ?.amountRupiah;
    expect(body.programmes.jkm.active).toBe(true);
    expect(amount('jkm', 'jkm.total')).toBe(42_000_000);
    const death = calculateJkkDeathBenefit(
      { wageMonthlyRupiah: WAGE, accidentDate: '2026-11-22' },
      defaultRuleBook,
    );
    expect(death.ok && amount('jkk', 'jkk.death')).toBe(death.ok ? death.value.totalRupiah : -1);
    expect(death.ok && death.value.wageMultipleRupiah).toBe(48 * WAGE);
    expect(amount('jkk', 'jkk.stmb')).toBe(WAGE);
    expect(amount('jkk', 'jkk.medical')).toBeNull();
    expect(amount('jkp', 'jkp.cash')).toBe(18_000_000);
    expect(body.programmes.jkp.benefits[0].label).toEqual({
      id: 'Uang tunai bila terkena PHK (total)',
      en: 'Cash benefit after a layoff (total)',
    });
  });
});

describe('JHT balance', () => {
  it('splits the balance into its parts with a month-end series, per KPJ and summed', async () => {
    const body = (await get('/api/v1/me/jht', alice.headers)).json();
    const parts = {
      totalRupiah: 5 * (WORKER + EMPLOYER) + returnRupiah,
      workerRupiah: 5 * WORKER,
      employerRupiah: 5 * EMPLOYER,
      developmentReturnRupiah: returnRupiah,
      withdrawalsRupiah: 0,
    };
    expect(body.accounts).toHaveLength(1);
    expect(body.accounts[0]).toMatchObject({ kpj: alice.kpj, ...parts });
    expect(body.sum).toMatchObject(parts);
    const series: { date: string; balanceRupiah: number }[] = body.sum.series;
    expect(series[0]).toEqual({ date: '2025-02-28', balanceRupiah: WORKER + EMPLOYER });
    expect(series.find((point) => point.date === '2025-07-31')?.balanceRupiah).toBe(5 * (WORKER + EMPLOYER));
    expect(series.at(-1)).toEqual({ date: '2026-01-31', balanceRupiah: parts.totalRupiah });
    expect((await get('/api/v1/me/jht', bob.headers)).json().sum.totalRupiah).toBe(0);
  });
});

describe('contribution history', () => {
  it('flags the unpaid and the late month with what was expected', async () => {
    const response = await get(`/api/v1/me/contributions?kpj=${alice.kpj}`, alice.headers);
    expect(response.statusCode).toBe(200);
    const months: Array<Record<string, unknown>> = response.json().months;
    const month = (period: string) => months.find((each) => each.period === period);
    expect(month('2025-01')).toMatchObject({
      kpj: alice.kpj,
      employerName: 'PT Maju Bersama',
      wageRupiah: WAGE,
      paidOn: '2025-02-10',
      status: 'paid',
      isFlagged: false,
      advice: 'none',
    });
    expect(month('2025-01')?.workerRupiah).toBeGreaterThanOrEqual(WORKER);
    expect(month('2025-03')).toMatchObject({
      status: 'missing',
      paidOn: null,
      postedRupiah: 0,
      dueDate: '2025-04-15',
      isFlagged: true,
      advice: 'report',
    });
    expect(month('2025-03')?.expectedRupiah).toBeGreaterThan(WORKER + EMPLOYER);
    expect(month('2025-04')).toMatchObject({
      status: 'late',
      paidOn: '2025-05-20',
      isFlagged: true,
      advice: 'none',
    });
    // Employed but never reported since: missing, with no wage row of its own.
    expect(month('2025-09')).toMatchObject({ status: 'missing', wageRupiah: null });
    expect(months[0]?.period).toBe('2026-10');
  });

  it("answers 404 for another member's KPJ, never their data", async () => {
    const response = await get(`/api/v1/me/contributions?kpj=${alice.kpj}`, bob.headers);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('PT Maju Bersama');
  });
});

describe('simulation', () => {
  it('projects JHT at 56 and JP at pension age from the member’s own figures', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/simulation',
      headers: alice.headers,
      payload: { wageGrowthBasisPoints: 300, returnBasisPoints: 550 },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.jhtAt56.atDate).toBe('2046-01-15');
    expect(body.jhtAt56.amountRupiah).toBeGreaterThan(5 * (WORKER + EMPLOYER) + returnRupiah);
    expect(body.jp.monthlyRupiah).toBeGreaterThan(0);
    expect(body.jp.pensionAge).toBeGreaterThanOrEqual(59);
    expect(body.assumptions).toMatchObject({
      wageGrowthBasisPoints: 300,
      returnBasisPoints: 550,
      retirementAge: 56,
      currentWageRupiah: WAGE,
      jhtBalanceRupiah: 5 * (WORKER + EMPLOYER) + returnRupiah,
      jpContributionMonths: 5,
    });
    const bad = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/simulation',
      headers: alice.headers,
      payload: { wageGrowthBasisPoints: 300, returnBasisPoints: 9_000 },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({
      field: 'returnBasisPoints',
      code: 'simulation_assumption_invalid',
      message: { id: 'Isi antara 0% dan 20% per tahun.', en: 'Enter between 0% and 20% a year.' },
    });
  });

  it('states the bounds and defaults the page offers, and refuses just past each bound', async () => {
    const response = await get('/api/v1/me/simulation/assumptions', alice.headers);
    expect(response.statusCode).toBe(200);
    const bounds = response.json();
    expect(bounds).toEqual({
      wageGrowthBasisPoints: { min: -2_000, max: 3_000, default: 500 },
      returnBasisPoints: { min: 0, max: 2_000, default: 550 },
      retirementAge: { min: 40, max: 70, default: 56 },
    });
    const simulate = (payload: Record<string, number>) =>
      test.app.inject({ method: 'POST', url: '/api/v1/me/simulation', headers: alice.headers, payload });
    const defaults = {
      wageGrowthBasisPoints: bounds.wageGrowthBasisPoints.default,
      returnBasisPoints: bounds.returnBasisPoints.default,
    };
    expect((await simulate(defaults)).statusCode).toBe(200);
    expect(
      (await simulate({ ...defaults, returnBasisPoints: bounds.returnBasisPoints.max })).statusCode,
    ).toBe(200);
    for (const [field, value] of [
      ['returnBasisPoints', bounds.returnBasisPoints.max + 1],
      ['wageGrowthBasisPoints', bounds.wageGrowthBasisPoints.min - 1],
      ['retirementAge', bounds.retirementAge.max + 1],
    ] as const) {
      const refused = await simulate({ ...defaults, [field]: value });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors).toEqual([expect.objectContaining({ field })]);
    }
    const age = await simulate({ ...defaults, retirementAge: 71 });
    expect(age.json().errors[0].message.id).toBe('Usia pensiun harus antara 40 dan 70 tahun.');
    // Alice was born in 1990: at 40 (in 2030) there is still time; the page's bounds are the server's.
    expect((await simulate({ ...defaults, retirementAge: 40 })).statusCode).toBe(200);
    expect(
      (await get('/api/v1/me/simulation/assumptions', { authorization: 'Bearer nope' })).statusCode,
    ).toBe(401);
  });
});

describe('statement from the ledger', () => {
  it('adds up to the ledger balances and prints the figures passed to the renderer', async () => {
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/statements',
      headers: alice.headers,
      payload: { kpj: alice.kpj, fromPeriod: '2025-01', toPeriod: '2026-10' },
    });
    expect(created.statusCode).toBe(201);
    const row = await test.ctx.db
      .selectFrom('statements')
      .select(['opening_balance_rupiah', 'closing_balance_rupiah', 'sha256'])
      .where('statement_id', '=', created.json().statementId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      opening_balance_rupiah: 0,
      closing_balance_rupiah: 5 * (WORKER + EMPLOYER) + returnRupiah,
    });
    const pdf = (await get(created.json().downloadUrl, alice.headers)).rawPayload;
    const check = (
      await test.app.inject({ method: 'GET', url: `/api/v1/statements/verify/${created.json().code}` })
    ).json();
    expect(check.sha256).toBe(row.sha256);
    const matches = await test.app.inject({
      method: 'POST',
      url: `/api/v1/statements/verify/${created.json().code}`,
      headers: { 'content-type': 'application/pdf' },
      payload: pdf,
    });
    expect(matches.json()).toEqual({ matches: true });

    // PORTAL_ARTIFACTS_DIR keeps the statement and the card for a person to look at.
    const dir = process.env.PORTAL_ARTIFACTS_DIR ?? mkdtempSync(join(tmpdir(), 'lumbung-statement-'));
    if (process.env.PORTAL_ARTIFACTS_DIR) {
      writeFileSync(join(dir, 'card.png'), (await get('/api/v1/me/card.png', alice.headers)).rawPayload);
      writeFileSync(join(dir, 'card.pdf'), (await get('/api/v1/me/card.pdf', alice.headers)).rawPayload);
    }
    writeFileSync(join(dir, 'statement.pdf'), pdf);
    if (!existsSync('/usr/bin/pdftotext')) return; // poppler-utils is optional; the figures above are checked
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', join(dir, 'statement.pdf'), '-'], {
      encoding: 'utf8',
    });
    if (!process.env.PORTAL_ARTIFACTS_DIR) rmSync(dir, { recursive: true, force: true });
    const rupiah = (amount: number) => String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    expect(text).toContain('Alice Rahma');
    expect(text).toContain(`Rp ${rupiah(5 * WORKER)}`);
    expect(text).toContain(`Rp ${rupiah(5 * EMPLOYER)}`);
    expect(text).toContain(`Rp ${rupiah(returnRupiah)}`);
    expect(text).toContain(`Rp ${rupiah(5 * (WORKER + EMPLOYER) + returnRupiah)}`);
    expect(text).toContain('Pengembangan 2025');
    expect(text).toMatch(/22-11-2026 10:00 WIB/);
  });

  it('starts a later statement from the balance before its first month', async () => {
    const created = await test.app.inject({
      method: 'POST',
      url: '/api/v1/me/statements',
      headers: alice.headers,
      payload: { kpj: null, fromPeriod: '2025-06', toPeriod: '2025-12' },
    });
    expect(created.statusCode).toBe(201);
    const row = await test.ctx.db
      .selectFrom('statements')
      .select(['opening_balance_rupiah', 'closing_balance_rupiah', 'kpj'])
      .where('statement_id', '=', created.json().statementId)
      .executeTakeFirstOrThrow();
    // Paid by the end of May: January, February and April.
    expect(row).toEqual({
      opening_balance_rupiah: 3 * (WORKER + EMPLOYER),
      closing_balance_rupiah: 5 * (WORKER + EMPLOYER),
      kpj: null,
    });
  });
});
