// HTTP: a member's findings and "Lapor" (with an optional payslip), an employer's arrears, staff's
// ranking — on two employers that skipped April and May 2026 with different wages, after the monthly
// run. Amounts are JHT + JP into the member's accounts: 8.7% of the wage (6,000,000 → 522,000;
// 4,500,000 → 391,500; 3,000,000 → 261,000; 2,000,000 → 174,000).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContributionAlerts } from '../alert/alert-run';
import { buildSkippingEmployer, type SkippingEmployer } from '../alert/alert-test-fixture';
import { bearerFor } from '../test/sign-in';
import { createTestApp, type TestContext } from '../test/test-context';
import type { App } from '../http/app';

let test: TestContext & { app: App };
let employer: SkippingEmployer;
let smaller: SkippingEmployer;
let member: string;
let otherMember: string;

beforeAll(async () => {
  test = await createTestApp();
  employer = await buildSkippingEmployer(test, 21);
  smaller = await buildSkippingEmployer(test, 41, [3_000_000, 2_000_000]);
  test.clock.set('2026-07-16T03:00:00Z');
  const run = await runContributionAlerts(test.ctx, { asOf: '2026-07-16' });
  if (!run.ok) throw new Error(run.code);
  member = await bearerFor(test.ctx, { role: 'member', personId: employer.workers[0]!.personId });
  otherMember = await bearerFor(test.ctx, { role: 'member', personId: employer.workers[1]!.personId });
}, 120_000);
afterAll(async () => test.close());

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe('member alerts', () => {
  it('lists the missing months and reports them in one tap, once', async () => {
    const siti = employer.workers[0]!;
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/me/alerts', headers: auth(member) });
    expect(list.statusCode).toBe(200);
    const findings = list.json().findings as Array<{
      id: number;
      period: string;
      status: string;
      shortfallRupiah: number;
      ticket: unknown;
    }>;
    expect(findings.map((f) => [f.period, f.status, f.shortfallRupiah, f.ticket])).toEqual([
      ['2026-05', 'open', 522_000, null],
      ['2026-04', 'open', 522_000, null],
    ]);

    const april = findings[1]!.id;
    const reported = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/alerts/${april}/report`,
      headers: auth(member),
    });
    expect(reported.statusCode).toBe(201);
    const ticket = reported.json();
    expect(ticket.ticketNumber).toMatch(/^TK-2026-\d{6}$/);
    expect(ticket.findingIds.sort()).toEqual(findings.map((f) => f.id).sort());

    const thread = await test.app.inject({
      method: 'GET',
      url: `/api/v1/me/tickets/${ticket.ticketId}`,
      headers: auth(member),
    });
    expect(thread.statusCode).toBe(200);
    expect(thread.json().category).toBe('contribution');
    const body = thread.json().messages[0].body as string;
    expect(body).toContain(`KPJ: ${siti.kpj}`);
    expect(body).toContain('Iuran kurang: April 2026, Mei 2026; total Rp 1.044.000.');
    // March was paid on 10 April: 522,000 into JHT and JP.
    expect(body).toMatch(/Maret 2026 +\| Rp 6\.000\.000 +\| Rp 522\.000 +\| Rp 0 +\| 10-04-2026/);
    expect(body).toMatch(/April 2026 +\| Rp 6\.000\.000 +\| Rp 0 +\| Rp 522\.000 +\| -/);
    expect(body).toMatch(/Mei 2026 +\| tidak dilaporkan *\| Rp 0 +\| Rp 522\.000 +\| -/);
    expect(body).toContain('Slip gaji: tidak dilampirkan.');

    const again = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/alerts/${findings[0]!.id}/report`,
      headers: auth(member),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ ticketId: ticket.ticketId, isNew: false });
  });

  it('takes a payslip with the report as a multipart upload, checking its type and size', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('slip gaji Budi, Juni 2026'),
    ]);
    const form = (field: string, fileName: string, bytes: Buffer) => {
      const boundary = 'lumbungpayslip';
      return {
        headers: { ...auth(otherMember), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
              'Content-Type: application/octet-stream\r\n\r\n',
          ),
          bytes,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
      };
    };
    const list = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/alerts',
      headers: auth(otherMember),
    });
    const april = (list.json().findings as Array<{ id: number; period: string }>).find(
      (f) => f.period === '2026-04',
    )!.id;
    const url = `/api/v1/me/alerts/${april}/report`;
    const wrongType = await test.app.inject({
      method: 'POST',
      url,
      ...form('payslip', 'slip.png', Buffer.from('GIF89a')),
    });
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json().code).toBe('alert_payslip_type_invalid');
    const tooLarge = await test.app.inject({
      method: 'POST',
      url,
      ...form('payslip', 'slip.png', Buffer.concat([png, Buffer.alloc(6 * 1024 * 1024)])),
    });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().code).toBe('alert_payslip_too_large');
    const otherField = await test.app.inject({ method: 'POST', url, ...form('photo', 'slip.png', png) });
    expect(otherField.statusCode).toBe(400);

    const reported = await test.app.inject({ method: 'POST', url, ...form('payslip', 'slip-juni.png', png) });
    expect(reported.statusCode).toBe(201);
    expect(reported.json()).toMatchObject({
      isNew: true,
      payslip: {
        contentType: 'image/png',
        sizeBytes: png.length,
        sha256: createHash('sha256').update(png).digest('hex'),
      },
    });
    const thread = await test.app.inject({
      method: 'GET',
      url: `/api/v1/me/tickets/${reported.json().ticketId}`,
      headers: auth(otherMember),
    });
    expect(thread.json().messages[0].body).toContain(
      `Slip gaji: terlampir sebagai lampiran tiket (slip-juni.png, image/png, ${png.length} byte`,
    );
    expect(thread.json().attachments).toEqual([
      {
        id: reported.json().payslip.attachmentId,
        kind: 'payslip',
        fileName: 'slip-juni.png',
        contentType: 'image/png',
        sizeBytes: png.length,
        sha256: createHash('sha256').update(png).digest('hex'),
        createdAt: '2026-07-16T03:00:00.000Z',
      },
    ]);
  });

  it("does not let a member report someone else's finding", async () => {
    const list = await test.app.inject({ method: 'GET', url: '/api/v1/me/alerts', headers: auth(member) });
    const sitiFinding = list.json().findings[0].id as number;
    const response = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/alerts/${sitiFinding}/report`,
      headers: auth(otherMember),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().code).toBe('alert_finding_not_found');
  });

  it('puts the Lapor finding in the alert notification', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/me/notifications?lang=en',
      headers: auth(member),
    });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    expect(page.unreadCount).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: 'contribution_alert',
      isRead: false,
      title: 'Contributions for 2 months not received in full',
    });
    expect(page.items[0].lines[0]).toBe('April 2026: not paid (due Rp 522.000)');
    expect(page.items[0].params.months.map((m: { findingId: number }) => typeof m.findingId)).toEqual([
      'number',
      'number',
    ]);
  });
});

describe('employer and staff views', () => {
  it('shows the employer its arrears with the affected workers', async () => {
    const admin = await bearerFor(test.ctx, { role: 'employer_admin', employerId: employer.employerId });
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/employer/arrears',
      headers: auth(admin),
    });
    expect(response.statusCode).toBe(200);
    const arrears = response.json();
    // (522,000 + 391,500) × 2 months.
    expect(arrears.shortfallRupiah).toBe(1_827_000);
    expect(arrears.periods.map((p: { period: string; workers: number }) => [p.period, p.workers])).toEqual([
      ['2026-04', 2],
      ['2026-05', 2],
    ]);
    expect(
      arrears.workers
        .map((w: { fullName: string; months: unknown[] }) => [w.fullName, w.months.length])
        .sort(),
    ).toEqual([
      ['Budi Santoso', 2],
      ['Siti Aminah', 2],
    ]);
    const forbidden = await test.app.inject({
      method: 'GET',
      url: '/api/v1/employer/arrears',
      headers: auth(member),
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it('ranks employers by arrears for staff only, largest first, with exact amounts', async () => {
    const agent = await bearerFor(test.ctx, { role: 'agent' });
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/staff/arrears',
      headers: auth(agent),
    });
    expect(response.statusCode).toBe(200);
    // Penalty as of 16 July: April 3 started months late, May 2, at 2% a month on the shortfall.
    expect(response.json().items).toEqual([
      {
        employerId: employer.employerId,
        npp: 'NPPALERT21',
        name: 'PT Lompat Bulan 21',
        workers: 2,
        months: 2,
        oldestPeriod: '2026-04',
        shortfallRupiah: 1_827_000, // (522,000 + 391,500) × 2
        penaltyRupiah: 91_350, // 913,500 × 2% × (3 + 2)
      },
      {
        employerId: smaller.employerId,
        npp: 'NPPALERT41',
        name: 'PT Lompat Bulan 41',
        workers: 2,
        months: 2,
        oldestPeriod: '2026-04',
        shortfallRupiah: 870_000, // (261,000 + 174,000) × 2
        penaltyRupiah: 43_500, // 435,000 × 2% × (3 + 2)
      },
    ]);
    const claims = await bearerFor(test.ctx, { role: 'claims_officer' });
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/staff/arrears', headers: auth(claims) }))
        .statusCode,
    ).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/staff/arrears' })).statusCode).toBe(401);
  });
});
