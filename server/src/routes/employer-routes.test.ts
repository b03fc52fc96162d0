import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBankCallback, SIGNATURE_HEADER } from '../employer/bank-signature';
import { createEmployer } from '../employer/employer-store';
import { bearerFor } from '../test/sign-in';
import { createTestApp, type TestContext } from '../test/test-context';
import type { App } from '../http/app';

let test: TestContext & { app: App };
let employerId: number;
let auth: { authorization: string };
const kpjs: string[] = [];

beforeAll(async () => {
  test = await createTestApp({ now: '2026-10-20T03:00:00Z' });
  employerId = await createEmployer(test.ctx, {
    npp: 'NPP-ROUTE-1',
    name: 'PT Rute Sejahtera',
    riskClass: 'high',
  });
  auth = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'employer_admin', employerId })}` };
});
afterAll(async () => test.close());

describe('employer routes', () => {
  it('enrols workers and refuses a second active employment', async () => {
    for (const [nik, fullName] of [
      ['3273014506910001', 'Siti Aminah'],
      ['3273011708880002', 'Agus Wijaya'],
    ] as const) {
      const response = await test.app.inject({
        method: 'POST',
        url: '/api/v1/employer/workers',
        headers: auth,
        payload: { nik, fullName, startedOn: '2026-01-02' },
      });
      expect(response.statusCode).toBe(201);
      kpjs.push(response.json().kpj);
    }
    const again = await test.app.inject({
      method: 'POST',
      url: '/api/v1/employer/workers',
      headers: auth,
      payload: { nik: '3273014506910001', startedOn: '2026-02-01' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('employment_already_active');
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/employer/workers', headers: auth });
    expect(list.json().workers.map((w: { fullName: string }) => w.fullName)).toEqual([
      'Agus Wijaya',
      'Siti Aminah',
    ]);
  });

  it('rejects a CSV with every error and its line in one problem, then accepts the clean file', async () => {
    const bad = `periode;kpj;upah\n2026-09;${kpjs[0]};5000000\n2026-09;${kpjs[1]};-1\n2026-09;${kpjs[0]};1\n`;
    const rejected = await test.app.inject({
      method: 'POST',
      url: '/api/v1/employer/wage-reports/csv',
      headers: { ...auth, 'content-type': 'text/csv' },
      payload: bad,
    });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.headers['content-type']).toContain('application/problem+json');
    const problem = rejected.json();
    expect(problem.code).toBe('wage_report_invalid');
    expect(
      problem.errors.map((e: { line: number; field: string; code: string }) => [e.line, e.field, e.code]),
    ).toEqual([
      [3, 'wage', 'wage_report_wage_invalid'],
      [4, 'kpj', 'wage_report_duplicate_line'],
    ]);
    expect(problem.errors[1].message.en).toContain('line 2');
    const boundary = 'lumbungboundary';
    const form = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="upah.csv"',
      'Content-Type: text/csv',
      '',
      `kpj,wage\n${kpjs[0]},5000000\n${kpjs[1]},7250000`,
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const accepted = await test.app.inject({
      method: 'POST',
      url: '/api/v1/employer/wage-reports/csv?period=2026-09',
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: form,
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json()).toMatchObject({ importedLines: 2, periods: [{ period: '2026-09', lines: 2 }] });
  });

  it('accepts a wage report as JSON', async () => {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/employer/wage-reports',
      headers: auth,
      payload: {
        period: '2026-08',
        lines: [
          { kpj: kpjs[0], wage: 5_000_000 },
          { nik: '3273011708880002', wage: '7000000' },
        ],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ importedLines: 2, periods: [{ period: '2026-08', lines: 2 }] });
  });

  it('shows the bill per programme; other roles are refused', async () => {
    const bill = await test.app.inject({
      method: 'GET',
      url: '/api/v1/employer/bills/2026-09',
      headers: auth,
    });
    expect(bill.statusCode).toBe(200);
    const body = bill.json();
    expect(body.programmes.JHT.workerRupiah).toBe(100_000 + 145_000);
    expect(body.programmes.JKK.totalRupiah).toBe(
      Math.round(5_000_000 * 0.0127) + Math.round(7_250_000 * 0.0127),
    );
    expect(body.totalRupiah).toBe(
      body.programmes.JHT.totalRupiah +
        body.programmes.JP.totalRupiah +
        body.programmes.JKK.totalRupiah +
        body.programmes.JKM.totalRupiah,
    );
    const member = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'member' })}` };
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/employer/bills', headers: member })).statusCode,
    ).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/employer/bills' })).statusCode).toBe(401);
  });
});

describe('payment routes', () => {
  const callback = async (payload: object, secret = test.ctx.config.bankCallbackSecret) => {
    const raw = JSON.stringify(payload);
    return test.app.inject({
      method: 'POST',
      url: '/api/v1/payments/bank-callback',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBankCallback(secret, raw) },
      payload: raw,
    });
  };

  it('accepts a signed bank callback once, refuses a bad signature', async () => {
    const bill = (
      await test.app.inject({ method: 'GET', url: '/api/v1/employer/bills/2026-09', headers: auth })
    ).json();
    const payment = {
      paymentReference: 'VA-2026-09-0001',
      npp: 'NPP-ROUTE-1',
      period: '2026-09',
      amountRupiah: bill.totalRupiah,
      paidAt: '2026-10-14T02:00:00Z',
    };
    expect((await callback(payment, 'wrong-secret')).statusCode).toBe(401);
    const first = await callback(payment);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ isDuplicate: false, billStatus: 'paid', workersPosted: 2 });
    const second = await callback(payment);
    expect(second.json()).toMatchObject({ isDuplicate: true, paymentId: first.json().paymentId });
    const paid = (
      await test.app.inject({ method: 'GET', url: '/api/v1/employer/bills/2026-09', headers: auth })
    ).json();
    expect(paid).toMatchObject({ status: 'paid', outstandingRupiah: 0, paidOn: '2026-10-14' });
  });

  it('lets a branch officer record a payment, not an employer', async () => {
    const staff = { authorization: `Bearer ${await bearerFor(test.ctx, { role: 'branch_officer' })}` };
    const payload = {
      paymentReference: 'TELLER-1',
      npp: 'NPP-ROUTE-1',
      period: '2026-08',
      amountRupiah: 1000,
      paidAt: '2026-10-01T02:00:00Z',
    };
    expect(
      (await test.app.inject({ method: 'POST', url: '/api/v1/staff/payments', headers: auth, payload }))
        .statusCode,
    ).toBe(403);
    const partial = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/payments',
      headers: staff,
      payload,
    });
    expect(partial.statusCode).toBe(201);
    expect(partial.json()).toMatchObject({
      billStatus: 'partially_paid',
      workersPosted: 0,
      appliedToContributionRupiah: 1000,
    });
    const noBill = await test.app.inject({
      method: 'POST',
      url: '/api/v1/staff/payments',
      headers: staff,
      payload: { ...payload, paymentReference: 'TELLER-2', period: '2026-07' },
    });
    expect(noBill.statusCode).toBe(404);
    expect(noBill.json().code).toBe('bill_not_found');
  });
});
