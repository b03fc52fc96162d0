// Every member page rendered by the real server's build, against answers shaped like the member API
// (served in the browser by contract-fixtures.ts), at phone and desktop size: screenshots plus axe-core;
// then details the audit found: chart label size, the server's judgements shown as sent, the side nav
// at 1280×800, phone numbers, and the verify page's file picker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { fixtures, serveContractFixtures } from './contract-fixtures';
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
  { name: 'tiket', path: '/bantuan/tiket/1', heading: /Iuran Agustus/ },
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

  it(
    'draws the server’s summed JHT series with axis labels of at least 11 px on a phone',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'mobile');
      await serveContractFixtures(context);
      const page = await context.newPage();
      await page.goto('/saldo');
      await page.locator('.chart svg').waitFor();
      // The font size as drawn: the CSS size times the SVG's scale from its viewBox to the screen.
      const sizesPx = await page.locator('.chart svg').evaluate((svg) => {
        const element = svg as SVGSVGElement;
        const scale = element.getBoundingClientRect().width / element.viewBox.baseVal.width;
        return [...element.querySelectorAll('.chart-label')].map(
          (label) => Number.parseFloat(getComputedStyle(label).fontSize) * scale,
        );
      });
      expect(sizesPx.length).toBeGreaterThanOrEqual(4);
      expect(Math.min(...sizesPx)).toBeGreaterThanOrEqual(11);
      // "Semua" draws the server's sum.series, not a sum the browser made up from each account.
      const sum = (fixtures['GET /api/v1/me/jht'] as { sum: { series: { balanceRupiah: number }[] } }).sum;
      await page.getByText('Lihat sebagai tabel').click();
      const rows = page.locator('.chart-table tbody tr');
      expect(await rows.count()).toBe(sum.series.length);
      const lastAmount = sum.series
        .at(-1)!
        .balanceRupiah.toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
      expect(await rows.last().locator('td.num').textContent()).toBe(`Rp ${lastAmount}`);
      await screenshot(page, 'saldo-jht-chart-table');
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'shows the server’s flags, share totals and simulation bounds, and its field errors on the fields',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'mobile');
      await serveContractFixtures(context);
      const page = await context.newPage();

      await page.goto('/iuran');
      await page.getByText('3 bulan perlu diperiksa.').waitFor();
      expect(await page.locator('.month-item--flagged').count()).toBe(3);
      expect(await page.getByRole('link', { name: 'Laporkan' }).count()).toBe(2);
      await page.getByText('iurannya belum jatuh tempo').waitFor();

      await page.goto('/ahli-waris');
      expect(await page.getByTestId('share-total').textContent()).toBe(
        'Total bagian saat ini 90%. Harus tepat 100%.',
      );
      await page.getByText('Sisa yang bisa dibagi: 10%.').waitFor();

      await page.goto('/simulasi');
      await page.locator('.tile-amount').first().waitFor();
      expect(await page.locator('#wage-growth').inputValue()).toBe('5');
      expect(await page.locator('#return-rate').inputValue()).toBe('5,5');
      await page.getByText('Antara 0% dan 20% per tahun.').waitFor();
      await page.getByText('Antara -20% dan 30% per tahun.').waitFor();
      // The result's assumptions all have labels (no raw keys such as jpBalanceRupiah).
      const terms = await page.locator('.panel--quiet dt').allTextContents();
      expect(terms.filter((term) => /^[a-z]+[A-Z]/.test(term))).toEqual([]);
      await page.route('**/api/v1/me/simulation', (route) =>
        route.fulfill({
          status: 422,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            code: 'simulation_assumption_invalid',
            message: { id: 'Isi antara 0% dan 20% per tahun.', en: 'Enter between 0% and 20% a year.' },
            errors: [
              {
                field: 'returnBasisPoints',
                code: 'simulation_assumption_invalid',
                message: { id: 'Isi antara 0% dan 20% per tahun.', en: 'Enter between 0% and 20% a year.' },
              },
            ],
          }),
        }),
      );
      await page.locator('#return-rate').fill('25');
      await page.getByRole('button', { name: 'Hitung' }).click();
      await expect.poll(() => page.locator('#return-rate').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('#wage-growth').getAttribute('aria-invalid')).not.toBe('true');
      await screenshot(page, 'simulasi-galat');
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'keeps Keluar in view at 1280×800, marks Notifikasi with a bell, and keeps a phone number on one line',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'desktop');
      await serveContractFixtures(context);
      const page = await context.newPage();
      await page.goto('/profil');
      await page.getByRole('heading', { level: 1, name: /Profil/ }).waitFor();
      const signOut = page.locator('.sidenav').getByRole('button', { name: 'Keluar' });
      const box = await signOut.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(800);
      expect(
        await signOut.evaluate((button) => {
          const { left, top, width, height } = button.getBoundingClientRect();
          return document.elementFromPoint(left + width / 2, top + height / 2)?.closest('button') === button;
        }),
      ).toBe(true);
      // Every link fits above it too: the last one is neither scrolled away nor covered.
      const lastLink = await page.locator('.sidenav a[href="/bantuan"]').boundingBox();
      expect(lastLink!.y + lastLink!.height).toBeLessThanOrEqual(box!.y);
      expect(await page.locator('.sidenav a[href="/notifikasi"] svg').getAttribute('data-icon')).toBe('bell');
      const phone = await page.getByText(/^\+62/).first().textContent();
      expect(phone).toBe('+62\u00a0812*****7890');
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'offers the statement file in Indonesian, with the native file input hidden',
    async () => {
      for (const viewport of ['mobile', 'desktop'] as const) {
        const context = await newContext(browser, server.baseUrl, viewport);
        await serveContractFixtures(context);
        const page = await context.newPage();
        await page.goto('/verify/ABCD-1234');
        await page.getByText('Pilih berkas PDF').waitFor();
        // The browser's own control ("Choose File", ~80 px wide) is not what the reader sees.
        const input = page.locator('#statement-file');
        expect(await input.evaluate((element) => getComputedStyle(element).opacity)).toBe('0');
        expect((await input.boundingBox())!.width).toBeLessThan(20);
        expect(await page.getByTestId('chosen-file').textContent()).toBe('Belum ada berkas yang dipilih.');
        await page.locator('#statement-file').setInputFiles({
          name: 'e-statement.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n'),
        });
        expect(await page.getByTestId('chosen-file').textContent()).toBe('e-statement.pdf');
        await screenshot(page, 'verify-file-picker');
        expect(await seriousA11yViolations(page)).toEqual([]);
        await context.close();
      }
    },
    e2eTimeoutMs,
  );
});

if (!shouldRun) {
  describe('member portal pages', () => {
    it.skip(skipReason, () => undefined);
  });
}
