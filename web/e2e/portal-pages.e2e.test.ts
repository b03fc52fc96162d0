// Every member page rendered by the real server's build, against answers shaped like the issue-6 API
// contract (served in the browser), at phone and desktop size: screenshots plus axe-core.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { serveContractFixtures } from './contract-fixtures';
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
  type ViewportName,
} from './harness';

const pages: ReadonlyArray<{ name: string; path: string; heading: RegExp }> = [
  { name: 'beranda', path: '/', heading: /Halo, Siti Rahmawati/ },
  { name: 'saldo-jht', path: '/saldo', heading: /Cek Saldo JHT/ },
  { name: 'riwayat-iuran', path: '/iuran', heading: /Riwayat Iuran/ },
  { name: 'e-statement', path: '/e-statement', heading: /E-statement/ },
  { name: 'kartu', path: '/kartu', heading: /Kartu Digital/ },
  { name: 'klaim', path: '/klaim', heading: /Klaim/ },
  { name: 'akun', path: '/akun', heading: /Akun/ },
  { name: 'profil', path: '/profil', heading: /Profil/ },
  { name: 'ahli-waris', path: '/ahli-waris', heading: /Ahli Waris/ },
  { name: 'keamanan', path: '/keamanan', heading: /Keamanan/ },
  { name: 'simulasi', path: '/simulasi', heading: /Simulasi/ },
  { name: 'berita', path: '/berita', heading: /Berita/ },
  { name: 'berita-artikel', path: '/berita/n1', heading: /Rp 15 juta/ },
  { name: 'bantuan', path: '/bantuan', heading: /Bantuan/ },
  { name: 'tiket', path: '/bantuan/tiket/t1', heading: /Iuran Agustus/ },
  { name: 'verify', path: '/verify/ABCD-1234', heading: /Periksa e-statement/ },
];

const publicPages: ReadonlyArray<{ name: string; path: string; heading: RegExp }> = [
  { name: 'masuk', path: '/masuk', heading: /Masuk/ },
  { name: 'daftar', path: '/daftar', heading: /Daftar/ },
  { name: 'lupa-kata-sandi', path: '/lupa-kata-sandi', heading: /Lupa kata sandi/ },
];

describe.skipIf(!shouldRun)('member portal pages (contract fixtures)', () => {
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

  for (const viewport of ['mobile', 'desktop'] as ViewportName[]) {
    it(
      `renders every member page accessibly at ${viewport} size`,
      async () => {
        const context = await newContext(browser, server.baseUrl, viewport);
        await serveContractFixtures(context);
        const page = await context.newPage();
        const problems: string[] = [];
        for (const item of pages) {
          await page.goto(item.path);
          await page.getByRole('heading', { level: 1, name: item.heading }).waitFor();
          await page.waitForLoadState('networkidle');
          await screenshot(page, item.name);
          for (const violation of await seriousA11yViolations(page)) {
            problems.push(
              `${item.path}: ${violation.id} (${violation.impact}) ${violation.help} → ${violation.targets.join(', ')}`,
            );
          }
        }
        expect(await page.getByTestId('jht-total').count()).toBe(0);
        await context.close();
        expect(problems).toEqual([]);
      },
      e2eTimeoutMs,
    );

    it(
      `renders the sign-in pages accessibly at ${viewport} size`,
      async () => {
        const context = await newContext(browser, server.baseUrl, viewport);
        await serveContractFixtures(context, { 'GET /api/v1/auth/session': undefined });
        await context.route('**/api/v1/auth/session', (route) =>
          route.fulfill({
            status: 401,
            contentType: 'application/problem+json',
            body: JSON.stringify({
              code: 'unauthenticated',
              message: { id: 'Silakan masuk.', en: 'Please sign in.' },
            }),
          }),
        );
        const page = await context.newPage();
        const problems: string[] = [];
        for (const item of publicPages) {
          await page.goto(item.path);
          await page.getByRole('heading', { level: 1, name: item.heading }).waitFor();
          await screenshot(page, item.name);
          for (const violation of await seriousA11yViolations(page)) {
            problems.push(
              `${item.path}: ${violation.id} (${violation.impact}) ${violation.help} → ${violation.targets.join(', ')}`,
            );
          }
        }
        await page.goto('/masuk');
        await page.getByRole('button', { name: 'Masuk' }).click();
        await page.getByText('Isi e-mail, nomor HP, atau nomor KPJ.').waitFor();
        expect(await page.getByLabel('E-mail, nomor HP, atau nomor KPJ').getAttribute('aria-invalid')).toBe(
          'true',
        );
        await screenshot(page, 'masuk-galat');
        await context.close();
        expect(problems).toEqual([]);
      },
      e2eTimeoutMs,
    );
  }

  it(
    'shows the JHT total and its parts, and switches to English',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'mobile');
      await serveContractFixtures(context);
      const page = await context.newPage();
      await page.goto('/saldo');
      await expect.poll(() => page.getByTestId('jht-total').textContent()).toBe('Rp 48.734.215');
      await page.getByText('23 0123 4567 8').click();
      await expect.poll(() => page.getByTestId('jht-total').textContent()).toBe('Rp 31.420.015');
      await page.getByRole('button', { name: 'EN' }).click();
      await page.getByRole('heading', { level: 1, name: 'JHT balance' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await screenshot(page, 'saldo-jht-en');
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'JHT balance' }).waitFor();
      await context.close();
    },
    e2eTimeoutMs,
  );
});

if (!shouldRun) {
  describe('member portal pages', () => {
    it.skip(skipReason, () => undefined);
  });
}
