// HTTP: a member's findings and "Lapor", an employer's arrears, staff's ranking — on the employer that
// skipped April and May 2026, after the monthly run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContributionAlerts } from '../alert/alert-run';
import {
  buildSkippingEmployer,
  expectedContribution,
  type SkippingEmployer,
} from '../alert/alert-test-fixture';
import { bearerFor } from '../test/sign-in';
import { createTestApp, type TestContext } from '../test/test-context';
import type { App } from '../http/app';

let test: TestContext & { app: App };
let employer: SkippingEmployer;
let member: string;
let otherMember: string;

beforeAll(async () => {
  test = await createTestApp();
  employer = await buildSkippingEmployer(test, 21);
  test.clock.set('2026-07-16T03:00:00Z');
  const run = await runContributionAlerts(test.ctx, { asOf: '2026-07-16' });
  if (!run.ok) throw new Error(run.code);
  member = await bearerFor(test.ctx, { role: 'member', personId: employer.workers[0]!.personId });
  otherMember = await bearerFor(test.ctx, { role: 'member', personId: employer.workers[1]!.personId });
}, 60_000);
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
      ['2026-05', 'open', expectedContribution(siti.wage, '2026-05'), null],
      ['2026-04', 'open', expectedContribution(siti.wage, '2026-04'), null],
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
    const amount = `Rp ${expectedContribution(siti.wage, '2026-04').toLocaleString('de-DE')}`;
    expect(body).toContain(`KPJ: ${siti.kpj}`);
    expect(body).toContain('Iuran kurang: April 2026, Mei 2026');
    expect(body).toMatch(
      new RegExp(`Maret 2026 +\\| Rp 6\\.000\\.000 +\\| ${amount.replace(/\./g, '\\.')} +\\| Rp 0 `),
    );
    expect(body).toMatch(/April 2026 +\| Rp 6\.000\.000 +\| Rp 0 +\|/);
    expect(body).toMatch(/Mei 2026 +\| tidak dilaporkan/);
    expect(body).toContain('Slip gaji: belum dilampirkan');

    const again = await test.app.inject({
      method: 'POST',
      url: `/api/v1/me/alerts/${findings[0]!.id}/report`,
      headers: auth(member),
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ ticketId: ticket.ticketId, isNew: false });
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
    expect(page.items[0].lines[0]).toBe(
      `April 2026: not paid (due Rp ${expectedContribution(6_000_000, '2026-04').toLocaleString('de-DE')})`,
    );
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
    const total = employer.workers.reduce(
      (sum, worker) =>
        sum + expectedContribution(worker.wage, '2026-04') + expectedContribution(worker.wage, '2026-05'),
      0,
    );
    expect(arrears.shortfallRupiah).toBe(total);
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

  it('ranks employers by arrears for staff only', async () => {
    const agent = await bearerFor(test.ctx, { role: 'agent' });
    const response = await test.app.inject({
      method: 'GET',
      url: '/api/v1/staff/arrears',
      headers: auth(agent),
    });
    expect(response.statusCode).toBe(200);
    const [first] = response.json().items;
    expect(first).toMatchObject({
      employerId: employer.employerId,
      workers: 2,
      months: 2,
      oldestPeriod: '2026-04',
    });
    expect(first.shortfallRupiah).toBeGreaterThan(1_000_000);
    const claims = await bearerFor(test.ctx, { role: 'claims_officer' });
    expect(
      (await test.app.inject({ method: 'GET', url: '/api/v1/staff/arrears', headers: auth(claims) }))
        .statusCode,
    ).toBe(403);
    expect((await test.app.inject({ method: 'GET', url: '/api/v1/staff/arrears' })).statusCode).toBe(401);
  });
});
