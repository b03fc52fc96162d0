// Issue 7's simulator page in the staff console against the real server: a branch officer signs in with
// the authenticator code, opens Simulator SMS, sends DAFTAR for the sign-up demo member from a phone and
// then SALDO, and reads the replies the member would get. Screenshots at desktop and phone size, axe.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../server/src/identity/totp';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-users';
import { demoMemberFrom } from './demo-member';
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

/** The simulator is open to agents, branch officers and admins (server/src/routes/sms-routes.ts). */
const officer = DEMO_STAFF.find((staff) => staff.role === 'branch_officer')!;
const senderPhone = '081299887766';

async function signInStaff(page: Page): Promise<void> {
  await page.goto('/staf/masuk');
  await page.getByRole('heading', { level: 1, name: 'Masuk konsol staf' }).waitFor();
  await page.locator('#staff-email').fill(officer.email);
  await page.locator('#staff-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.locator('#staff-totp').waitFor();
  await page.locator('#staff-totp').fill(currentTotp(officer.totpSecret, new Date()));
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/staf') && url.pathname !== '/staf/masuk');
}

/** Sends one message from the form and waits for the conversation to show it with its replies. */
async function sendSms(page: Page, text: string): Promise<string[]> {
  const before = await page.locator('.thread > div').count();
  await page.locator('#sms-from').fill(senderPhone);
  await page.locator('#sms-text').fill(text);
  await page.getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect.poll(() => page.locator('.thread > div').count(), { timeout: 15_000 }).toBe(before + 1);
  // The newest exchange is at the top: the member's message, then each reply.
  const newest = page.locator('.thread > div').first();
  expect(await newest.locator('.bubble--member').textContent()).toBe(`${senderPhone}${text}`);
  return newest.locator('.bubble--staff').allTextContents();
}

describe.skipIf(!shouldRun)('staff SMS simulator on the real server', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(hasChromium, skipReason).toBe(true);
    server = await startServer();
    browser = await launchBrowser();
  }, e2eTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'branch officer: SALDO unlinked gives no balance, DAFTAR links the phone, SALDO answers the balance',
    async () => {
      const member = demoMemberFrom(server.output());
      const [year, month, day] = member.birthDate.split('-');
      const kpjTail = member.kpj.slice(-4);
      const context = await newContext(browser, server.baseUrl, 'desktop');
      const page = await context.newPage();
      await signInStaff(page);

      // The search page (the console's first page) fits 1280 px: no sideways scrolling.
      await page.getByRole('heading', { level: 1, name: 'Cari anggota' }).waitFor();
      const overflow = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        wider: [...document.querySelectorAll('body *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
      }));
      expect(overflow).toEqual({ scrollWidth: 1280, wider: [] });
      await screenshot(page, 'staff-sms-search');

      await page.getByRole('link', { name: 'Simulator SMS' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Simulator SMS' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/staf/sms');
      expect(await seriousA11yViolations(page)).toEqual([]);

      const unlinked = await sendSms(page, `SALDO ${member.kpj}`);
      expect(unlinked).toHaveLength(1);
      expect(unlinked[0]).toContain('belum terdaftar');
      expect(unlinked[0]).not.toMatch(/Rp/);

      const daftar = await sendSms(page, `DAFTAR ${member.kpj} ${day}-${month}-${year} ${member.nik}`);
      expect(daftar).toEqual([
        `Nomor HP ini sudah terhubung ke KPJ ***${kpjTail}. Cek saldo: kirim SALDO <KPJ> ke 2757. Bukan Anda? Kirim BERHENTI.`,
      ]);

      const saldo = await sendSms(page, `SALDO ${member.kpj}`);
      expect(saldo).toHaveLength(1);
      expect(saldo[0]).toMatch(
        new RegExp(
          `^Saldo JHT KPJ \\*\\*\\*${kpjTail} per \\d{2}-\\d{2}-\\d{4}: Rp [1-9][\\d.]*\\. Iuran terakhir: \\S+ \\d{4}\\. Saldo JP: Rp [\\d.]+\\.$`,
        ),
      );
      expect(await page.locator('.thread > div').count()).toBe(3);
      await screenshot(page, 'staff-sms');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, 'staff-sms-phone');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await context.close();
    },
    e2eTimeoutMs,
  );
});

if (!shouldRun) {
  describe('staff SMS simulator on the real server', () => {
    it.skip(skipReason, () => undefined);
  });
}
