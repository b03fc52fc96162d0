// Issue 8's must-show flow against the real server: a call-centre agent signs in with the authenticator
// code, finds a member by NIK, cannot see the balance before verifying identity, sees it after, and
// the audit log (the member's access trail, and the admin's log) shows both steps with the agent's name.
// Uses the demo staff users and demo members; parts that need data the server does not seed yet are
// skipped with the reason printed.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../server/src/identity/totp';
import { parseNik } from '@lumbung/core';
import { DEMO_MEMBERS } from '../../server/src/seed/demo-ledger-cast';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-users';
import {
  e2eTimeoutMs,
  hasChromium,
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  shouldRun,
  skipReason,
  startServer,
  type RunningServer,
} from './harness';

const agent = DEMO_STAFF.find((staff) => staff.role === 'agent')!;
const admin = DEMO_STAFF.find((staff) => staff.role === 'admin')!;
const TABLET = { width: 820, height: 1180 };
/** The demo member with two KPJ (an old job and a new one). */
const member = DEMO_MEMBERS.find((candidate) => (candidate.jobs?.length ?? 0) > 1) ?? DEMO_MEMBERS[0]!;
const memberBirthYear = (() => {
  const parsed = parseNik(member.nik, '2026-01-01');
  return parsed.ok ? parsed.value.birthDate.slice(0, 4) : '';
})();

/** A fresh code: a code is accepted once, so wait for the next 30-second step when one was just used. */
let lastStepUsed = 0;
async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (step !== lastStepUsed) {
      lastStepUsed = step;
      return currentTotp(secret, new Date());
    }
    await new Promise((done) => setTimeout(done, 1_000));
  }
}

async function signInStaff(
  page: Page,
  staff: { email: string; totpSecret: string },
  name: string,
): Promise<void> {
  await page.goto('/staf/masuk');
  await page.getByRole('heading', { level: 1, name: 'Masuk konsol staf' }).waitFor();
  await page.locator('#staff-email').fill(staff.email);
  await page.locator('#staff-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.locator('#staff-totp').waitFor();
  await screenshot(page, `staff-${name}-totp`);
  await page.locator('#staff-totp').fill(await freshTotp(staff.totpSecret));
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/staf') && url.pathname !== '/staf/masuk');
}

describe.skipIf(!shouldRun)('staff console on the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  const ready = { staff: false, member: false };

  beforeAll(async () => {
    expect(hasChromium, skipReason).toBe(true);
    server = await startServer();
    browser = await launchBrowser();
    const signIn = await fetch(`${server.baseUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: agent.email, password: DEMO_PASSWORD }),
    });
    ready.staff = signIn.ok && ((await signIn.json()) as { status?: string }).status === 'totp_required';
  }, e2eTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'shows the staff sign-in page that passes axe',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'desktop');
      const page = await context.newPage();
      await page.goto('/staf');
      await page.getByRole('heading', { level: 1, name: 'Masuk konsol staf' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/staf/masuk');
      await screenshot(page, 'staff-sign-in');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'agent: TOTP sign-in, find by NIK, balance hidden until verified, audit shows both steps',
    async (test) => {
      if (!ready.staff) {
        test.skip(`needs the demo staff users (agent ${agent.email}) in the demo seed`);
        return;
      }
      const context = await newContext(browser, server.baseUrl, 'desktop');
      const page = await context.newPage();
      await signInStaff(page, agent, 'agent');

      await page.getByRole('heading', { level: 1, name: 'Cari anggota' }).waitFor();
      await page.locator('#search-value').fill(member.nik);
      await page.locator('#search-reason').fill('Peserta menelepon 175, kartu hilang');
      await page.getByRole('button', { name: 'Cari', exact: true }).click();
      const results = page.locator('.staff-results li');
      const empty = page.getByText('Tidak ada anggota yang cocok.');
      await Promise.race([results.first().waitFor(), empty.waitFor()]);
      await screenshot(page, 'staff-search');
      if (await empty.isVisible()) {
        test.skip(`needs the demo member with NIK ${member.nik} in the demo seed`);
        return;
      }
      expect(await results.count()).toBe(1);
      const resultText = (await results.first().textContent()) ?? '';
      expect(resultText).not.toContain(member.fullName);
      expect(resultText).toContain(`Lahir ${memberBirthYear}`);
      await results.first().getByRole('link', { name: 'Buka' }).click();

      // Before verification: the balance request is refused and the page says so.
      await page.getByTestId('balance-locked').waitFor();
      expect(await page.getByTestId('balance-total').count()).toBe(0);
      await screenshot(page, 'staff-member-unverified');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const personId = Number(new URL(page.url()).pathname.split('/').pop());
      const refused = await context.request.get(`/api/v1/staff/members/${personId}/balances`);
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('identity_not_verified');

      // Branch checklist: ID card seen, photo matches, NIK typed from the card.
      await page.getByLabel('KTP asli sudah dilihat').check();
      await page.getByLabel('Foto KTP cocok dengan orangnya').check();
      await page.locator('#verify-nik').fill(member.nik);
      await page.locator('#verify-reason').fill('Peserta datang ke cabang dengan KTP');
      await page.getByRole('button', { name: 'Catat verifikasi' }).click();

      await page.getByTestId('balance-total').waitFor();
      await page.getByTestId('verified-badge').waitFor();
      expect(await page.getByTestId('balance-locked').count()).toBe(0);
      const trail = page.getByTestId('access-trail');
      await trail.getByText('Verifikasi identitas').first().waitFor();
      const trailText = (await trail.textContent()) ?? '';
      expect(trailText).toContain('Mencari anggota');
      expect(trailText).toContain('Verifikasi identitas');
      expect(trailText).toContain(agent.displayName);
      expect(trailText).toContain('Peserta menelepon 175, kartu hilang');
      await screenshot(page, 'staff-member-verified');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.setViewportSize(TABLET);
      await screenshot(page, 'staff-member-verified-tablet');
      await context.close();

      // The admin's audit log shows the same two steps with the agent's name.
      const adminContext = await newContext(browser, server.baseUrl, 'desktop');
      const adminPage = await adminContext.newPage();
      await signInStaff(adminPage, admin, 'admin');
      await adminPage.goto('/staf/audit');
      await adminPage.locator('#audit-person').fill(String(personId));
      await adminPage.getByRole('button', { name: 'Saring' }).click();
      const table = adminPage.getByTestId('audit-table');
      await table.getByText('Verifikasi identitas').first().waitFor();
      const rows = await table.locator('tbody tr').allTextContents();
      expect(rows.some((row) => row.includes(agent.displayName) && row.includes('Mencari anggota'))).toBe(
        true,
      );
      expect(
        rows.some((row) => row.includes(agent.displayName) && row.includes('Verifikasi identitas')),
      ).toBe(true);
      await screenshot(adminPage, 'staff-audit-log');
      await adminContext.close();
    },
    e2eTimeoutMs,
  );
});
