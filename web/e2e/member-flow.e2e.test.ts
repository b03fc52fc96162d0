// Issue 6's must-show flow against the real server: sign up with the code from the development outbox,
// sign in with the new-device code, see the JHT balance, check the statement PDF and the card, switch to
// English, sign out; then the last seen balance offline through the service worker, and the key pages of
// a seeded member at desktop size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_MEMBERS } from '../../server/src/seed/demo-ledger-cast';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-users';
import { demoMemberFrom } from './demo-member';
import { checkCardVerifyPage, downloadAndCheckStatement } from './statement-steps';
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

/**
 * The newest 6-digit code sent to any of these phones or e-mails that is not in `used`, read from the
 * development outbox (the code goes to the member's preferred channel, which the test does not assume).
 */
async function codeFromOutbox(baseUrl: string, to: readonly string[], used: string[] = []): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const target of to) {
      const response = await fetch(`${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(target)}`);
      if (!response.ok) continue;
      const body: unknown = await response.json();
      const messages = Array.isArray(body) ? body : ((body as { messages?: unknown[] }).messages ?? []);
      // The outbox lists messages newest first.
      const newest = messages[0];
      const match = /\b(\d{6})\b/.exec(typeof newest === 'string' ? newest : JSON.stringify(newest ?? ''));
      if (match?.[1] && !used.includes(match[1])) {
        used.push(match[1]);
        return match[1];
      }
    }
    if (Date.now() > deadline) throw new Error(`no new code in the outbox for ${to.join(' or ')}`);
    await new Promise((done) => setTimeout(done, 300));
  }
}

/** "Rp 1.234.567" as the portal writes an integer amount. */
function rupiah(amount: number): string {
  return `Rp ${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}

/** The seeded member with two KPJ (an old job and a new one): a password, and a code on a new device. */
const seeded = DEMO_MEMBERS.find((candidate) => (candidate.jobs?.length ?? 0) > 1) ?? DEMO_MEMBERS[0]!;

/** Signs in with the password; a browser the member has not used before is always asked for a code. */
async function signInWithCode(
  page: Page,
  baseUrl: string,
  who: { readonly identifier: string; readonly contacts: readonly string[]; readonly password: string },
  usedCodes: string[],
): Promise<void> {
  await page.goto('/masuk');
  await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
  await page.locator('#identifier').fill(who.identifier);
  await page.locator('#password').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  const codeField = page.getByLabel('Kode verifikasi (6 angka)');
  await codeField.waitFor();
  await codeField.fill(await codeFromOutbox(baseUrl, who.contacts, usedCodes));
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

describe.skipIf(!shouldRun)('member flow on the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  const usedCodes: string[] = [];

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
    'serves the web app with a sign-in page that passes axe',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'mobile');
      const page = await context.newPage();
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/masuk');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const manifest = await fetch(`${server.baseUrl}/manifest.webmanifest`);
      expect(manifest.ok).toBe(true);
      expect((await fetch(`${server.baseUrl}/sw.js`)).ok).toBe(true);
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'signs up with the outbox code, signs in, shows the JHT balance, switches to English, signs out',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'mobile');
      const page = await context.newPage();
      const member = demoMemberFrom(server.output());

      // Daftar → code from the development outbox → signed in.
      await page.goto('/daftar');
      await page.locator('#nik').fill(member.nik);
      await page.locator('#kpj').fill(member.kpj);
      await page.locator('#fullName').fill(member.fullName);
      await page.locator('#birthDate').fill(member.birthDate);
      await page.locator('#phone').fill(member.phone);
      await page.locator('#email').fill(member.email);
      await page.locator('#password').fill(member.password);
      await screenshot(page, 'flow-daftar');
      await page.getByRole('button', { name: 'Daftar dan kirim kode' }).click();
      await page.getByRole('heading', { level: 1, name: 'Aktifkan akun' }).waitFor();
      await screenshot(page, 'flow-kode');
      await page
        .getByLabel('Kode verifikasi (6 angka)')
        .fill(await codeFromOutbox(server.baseUrl, [member.phone], usedCodes));
      await page.getByRole('button', { name: 'Aktifkan akun' }).click();
      await page.waitForURL((url) => url.pathname === '/');

      // Sign out, then sign in again: registering does not remember the device, so a code is asked.
      await page.goto('/akun');
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
      await signInWithCode(
        page,
        server.baseUrl,
        { identifier: member.email, contacts: [member.phone, member.email], password: member.password },
        usedCodes,
      );

      await page.goto('/saldo');
      const total = await page.getByTestId('jht-total').textContent();
      const api = (await (await context.request.get('/api/v1/me/jht')).json()) as {
        sum: { totalRupiah: number };
      };
      expect(total).toBe(rupiah(api.sum.totalRupiah));
      await screenshot(page, 'flow-saldo');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await downloadAndCheckStatement(page, api.sum.totalRupiah);
      await checkCardVerifyPage(page, member.fullName);

      // English, remembered across a reload, with <html lang="en">.
      await page.goto('/akun');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await screenshot(page, 'flow-account-en');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      const session = await context.request.get('/api/v1/auth/session');
      expect(session.status()).toBe(401);
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'shows the last seen balance offline, marked as not live',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'mobile', { serviceWorkers: 'allow' });
      const page = await context.newPage();
      await signInWithCode(
        page,
        server.baseUrl,
        { identifier: seeded.email, contacts: [seeded.phone, seeded.email], password: DEMO_PASSWORD },
        usedCodes,
      );
      // The worker installs on the first load and claims the page; only then do the API reads pass
      // through it and get saved.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
        polling: 250,
        timeout: 30_000,
      });
      const api = (await (await context.request.get('/api/v1/me/jht')).json()) as {
        sum: { totalRupiah: number };
      };
      await page.goto('/');
      await page.locator('.balance-hero-amount').waitFor();
      const homeOnline = await page.locator('.balance-hero-amount').textContent();
      await page.goto('/saldo');
      await expect
        .poll(() => page.getByTestId('jht-total').textContent(), { timeout: 10_000 })
        .toBe(rupiah(api.sum.totalRupiah));
      expect(await page.locator('.offline-note').count()).toBe(0);

      await context.setOffline(true);
      await page.reload();
      const note = page.locator('.offline-note');
      await note.waitFor();
      expect(await note.textContent()).toMatch(
        /saldo terakhir dilihat pada \d{2}-\d{2}-\d{4}.*bukan saldo terkini/,
      );
      expect(await page.getByTestId('jht-total').textContent()).toBe(rupiah(api.sum.totalRupiah));
      await page.locator('.offline-bar').waitFor();
      await screenshot(page, 'flow-offline-saldo');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.goto('/');
      await page.locator('.offline-note').waitFor();
      expect(await page.locator('.balance-hero-amount').textContent()).toBe(homeOnline);
      await screenshot(page, 'flow-offline-beranda');

      // A page whose answer was never saved says it cannot load, instead of showing stale or no data.
      await page.goto('/iuran');
      await page.getByText('Tidak terhubung ke internet').first().waitFor();

      await context.setOffline(false);
      await page.goto('/saldo');
      await expect
        .poll(() => page.getByTestId('jht-total').textContent(), { timeout: 10_000 })
        .toBe(rupiah(api.sum.totalRupiah));
      expect(await page.locator('.offline-note').count()).toBe(0);
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'shows a seeded member’s key pages at desktop size, with the real card image',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'desktop');
      const page = await context.newPage();
      await signInWithCode(
        page,
        server.baseUrl,
        { identifier: seeded.email, contacts: [seeded.phone, seeded.email], password: DEMO_PASSWORD },
        usedCodes,
      );
      const problems: string[] = [];
      for (const item of [
        { name: 'real-beranda', path: '/', heading: `Halo, ${seeded.fullName}` },
        { name: 'real-saldo', path: '/saldo', heading: 'Cek Saldo JHT' },
        { name: 'real-iuran', path: '/iuran', heading: 'Riwayat Iuran' },
        { name: 'real-e-statement', path: '/e-statement', heading: 'E-statement' },
        { name: 'real-kartu', path: '/kartu', heading: 'Kartu Digital' },
      ]) {
        await page.goto(item.path);
        await page.getByRole('heading', { level: 1, name: item.heading }).waitFor();
        await page.waitForLoadState('networkidle');
        if (item.path === '/kartu') await expectCardImageLoaded(page);
        await screenshot(page, item.name);
        for (const violation of await seriousA11yViolations(page)) {
          problems.push(`${item.path}: ${violation.id} ${violation.help} → ${violation.targets.join(', ')}`);
        }
      }
      expect(problems).toEqual([]);
      await context.close();

      // The real card on a phone as well.
      const phone = await newContext(browser, server.baseUrl, 'mobile');
      const phonePage = await phone.newPage();
      await signInWithCode(
        phonePage,
        server.baseUrl,
        { identifier: seeded.email, contacts: [seeded.phone, seeded.email], password: DEMO_PASSWORD },
        usedCodes,
      );
      await phonePage.goto('/kartu');
      await phonePage.getByRole('heading', { level: 1, name: 'Kartu Digital' }).waitFor();
      await expectCardImageLoaded(phonePage);
      await screenshot(phonePage, 'real-kartu');
      await phone.close();
    },
    e2eTimeoutMs,
  );
});

/** The card image from the server decoded (a broken image has naturalWidth 0 and shows a message). */
async function expectCardImageLoaded(page: Page): Promise<void> {
  const image = page.locator('img.card-image');
  await image.waitFor();
  await expect
    .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth), {
      timeout: 20_000,
    })
    .toBeGreaterThan(300);
  expect(await page.getByText('Gambar kartu belum bisa dimuat').count()).toBe(0);
}

if (!shouldRun) {
  describe('member flow on the real server', () => {
    it.skip(skipReason, () => undefined);
  });
}
