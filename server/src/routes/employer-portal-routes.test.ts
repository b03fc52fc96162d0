import { defaultRuleBook } from '@lumbung/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineAmounts } from '../employer/bill-service';
import { createEmployer } from '../employer/employer-store';
import { recordPayment } from '../employer/payment-service';
import type { App } from '../http/app';
import { bearerFor } from '../test/sign-in';
import { createTestApp, type TestContext } from '../test/test-context';

let test: TestContext & { app: App };
let employerId: number;
let auth: { authorization: string };
let otherAuth: { authorization: string };
const kpjs: string[] = [];

const get = (url: string, headers: Record<string, string> = auth) =>
  test.app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  test = await createTestApp({ now: '2026-10-20T03:00:00Z' });
  employerId = await createEmployer(test.ctx, {
    npp: '21010001',
    name: 'PT Portal Sejahtera',
    riskClass: 'medium',
    address: 'Jl. Asia Afrika No. 8, Bandung',
  });
  const otherId = await createEmployer(test.ctx, { npp: '21010002', name: 'CV Lain', riskClass: 'low' });
  auth = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'employer_admin', employerId })}` };
  otherAuth = {
    authorization: `Bearer ${await bearerFor(test.ctx, { role: 'employer_admin', employerId: otherId })}`,
  };
  for (const [nik, fullName] of [
    ['3273014506910001', 'Siti Aminah'],
    ['3273011708880002', 'Agus Wijaya'],
  ] as const) {
    const enrolled = await test.app.inject({
      method: 'POST',
      url: '/api/v1/employer/workers',
      headers: auth,
      payload: { nik, fullName, startedOn: '2026-01-02' },
    });
    expect(enrolled.statusCode).toBe(201);
    kpjs.push(enrolled.json().kpj);
  }
  // September in two files (a later file adds a worker to the open bill), August in one.
  for (const csv of [
    `periode,kpj,upah\n2026-09,${kpjs[0]},5000000\n2026-08,${kpjs[0]},4800000\n`,
    `periode,kpj,upah\n2026-09,${kpjs[1]},7250000\n`,
  ]) {
    const imported = await test.app.inject({
      method: 'POST',
      url: '/api/v1/employer/wage-reports/csv',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(imported.statusCode).toBe(201);
  }
});
afterAll(async () => test.close());

describe('employer portal routes', () => {
  it('shows the signed-in employer its own profile, the NPP a bank payment quotes', async () => {
    const own = await get('/api/v1/employer/profile');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toEqual({
      employerId,
      npp: '21010001',
      name: 'PT Portal Sejahtera',
      riskClass: 'medium',
      address: 'Jl. Asia Afrika No. 8, Bandung',
    });
    expect((await get('/api/v1/employer/profile', otherAuth)).json()).toMatchObject({ npp: '21010002' });
  });

  it('lists the wage reports per period with line counts and exact wage totals, newest first', async () => {
    const response = await get('/api/v1/employer/wage-reports');
    expect(response.statusCode).toBe(200);
    expect(
      response
        .json()
        .reports.map((r: { period: string; lineCount: number; wageTotalRupiah: number }) => [
          r.period,
          r.lineCount,
          r.wageTotalRupiah,
        ]),
    ).toEqual([
      ['2026-09', 2, 12_250_000],
      ['2026-08', 1, 4_800_000],
    ]);
    expect(response.json().reports[0].lastReportedAt).toBe('2026-10-20T03:00:00.000Z');
    expect((await get('/api/v1/employer/wage-reports', otherAuth)).json()).toEqual({ reports: [] });
  });

  it("gives a bill's worker lines, the JKP part inside it, and the payments with their references", async () => {
    const bill = (await get('/api/v1/employer/bills/2026-09')).json();
    const paid = await recordPayment(test.ctx, {
      employerId,
      period: '2026-09',
      paymentReference: 'VA-21010001-2026-09',
      amountRupiah: bill.totalRupiah,
      paidAt: new Date('2026-10-14T02:00:00Z'),
      source: 'bank',
    });
    expect(paid.ok).toBe(true);

    const response = await get('/api/v1/employer/bills/2026-09/details');
    expect(response.statusCode).toBe(200);
    const details = response.json();
    const siti = lineAmounts(5_000_000, '2026-09', 'medium', defaultRuleBook);
    const agus = lineAmounts(7_250_000, '2026-09', 'medium', defaultRuleBook);
    if (!siti.ok || !agus.ok) throw new Error('line amounts');
    expect(details.lines).toEqual([
      {
        kpj: kpjs[1],
        fullName: 'Agus Wijaya',
        wageRupiah: 7_250_000,
        workerRupiah: agus.value.jhtWorker + agus.value.jpWorker,
        employerRupiah: agus.value.jhtEmployer + agus.value.jpEmployer + agus.value.jkk + agus.value.jkm,
        jkpAllocationRupiah: agus.value.jkpFromJkk + agus.value.jkpFromJkm,
        totalRupiah: agus.value.total,
        isPosted: true,
      },
      expect.objectContaining({ kpj: kpjs[0], fullName: 'Siti Aminah', totalRupiah: siti.value.total }),
    ]);
    const jkp = siti.value.jkpFromJkk + siti.value.jkpFromJkm + agus.value.jkpFromJkk + agus.value.jkpFromJkm;
    expect(jkp).toBeGreaterThan(0);
    expect(details.jkpAllocationRupiah).toBe(jkp);
    for (const line of details.lines) expect(line.workerRupiah + line.employerRupiah).toBe(line.totalRupiah);
    expect(details.payments).toEqual([
      {
        paymentReference: 'VA-21010001-2026-09',
        amountRupiah: bill.totalRupiah,
        paidAt: '2026-10-14T02:00:00.000Z',
        source: 'bank',
      },
    ]);
    const unpaid = (await get('/api/v1/employer/bills/2026-08/details')).json();
    expect(unpaid.payments).toEqual([]);
    expect(unpaid.lines.map((line: { fullName: string }) => line.fullName)).toEqual(['Siti Aminah']);
  });

  it('keeps every employer to its own data and refuses other roles', async () => {
    const foreign = await get('/api/v1/employer/bills/2026-09/details', otherAuth);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('bill_not_found');
    expect((await get('/api/v1/employer/bills/2026-9/details')).statusCode).toBe(400);
    const member = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member' })}` };
    const agent = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'agent' })}` };
    for (const url of [
      '/api/v1/employer/profile',
      '/api/v1/employer/wage-reports',
      '/api/v1/employer/bills/2026-09/details',
    ]) {
      expect((await get(url, member)).statusCode).toBe(403);
      expect((await get(url, agent)).statusCode).toBe(403);
      expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
  });
});
