// The employer portal on the real server: the demo employer admin signs in with the authenticator code
// and lands in /pemberi-kerja, sees the workers, enrols one (API field errors under the fields), uploads a
// wage CSV with one bad line (the error names the line, nothing is imported), fixes it (imported, the
// bill appears with the right total), reports an exit, and reads bills and arrears. A member never gets
// the employer area. The data is the demo seed, written through the real services before the server
// starts, plus an employer admin for the demo employer that skipped months and the monthly alert run,
// so the arrears page has something to show.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addPeriods, defaultRuleBook } from '@lumbung/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import idText from '../src/i18n/id.json';
import { runContributionAlerts } from '../../server/src/alert/alert-run';
import { loadConfig } from '../../server/src/config';
import { generatePiiKeys } from '../../server/src/crypto/pii-cipher';
import { lineAmounts } from '../../server/src/employer/bill-service';
import { currentTotp } from '../../server/src/identity/totp';
import { createStaffUser } from '../../server/src/identity/user-store';
import { startRuntime } from '../../server/src/runtime';
import { DEMO_EMPLOYERS, DEMO_MEMBERS } from '../../server/src/seed/demo-ledger-cast';
import { seedDemoData } from '../../server/src/seed/demo-seed';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-users';
import { systemClock, todayInJakarta } from '../../server/src/services/clock';
import {
  buildWeb,
  e2eTimeoutMs,
  hasChromium,
  launchBrowser,
  newContext,
  repoRoot,
  screenshot,
  seriousA11yViolations,
  shouldRun,
  skipReason,
  viewports,
} from './harness';

const hr = DEMO_STAFF.find((staff) => staff.role === 'employer_admin')!;
/** The demo employer the demo employer admin works for (the first one) and the one that skipped months. */
const tekstil = DEMO_EMPLOYERS[0]!;
const kopi = DEMO_EMPLOYERS.find((employer) => employer.key === 'kopi')!;
const monthNames = idText.months;
const kopiAdmin = {
  email: 'hr.kopi@e2e.lumbung.test',
  displayName: 'HR Kopi Lereng Merapi',
  totpSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXR',
};
const member = DEMO_MEMBERS[0]!;
const newWorker = { nik: '3273011203950021', fullName: 'Rahmat Hidayat' };

const digits = (text: string | null): string => (text ?? '').replace(/\D/g, '');
/** '2026-11' → 'November 2026', as the pages write a period. */
const periodLabel = (value: string): string =>
  `${monthNames[Number(value.slice(5, 7)) - 1]} ${value.slice(0, 4)}`;

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A code is accepted once per user: wait for the next 30-second step when this secret's was used. */
const lastStepBySecret = new Map<string, number>();
async function freshTotp(secret: string): Promise<string> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (lastStepBySecret.get(secret) !== step) {
      lastStepBySecret.set(secret, step);
      return currentTotp(secret, new Date());
    }
    await new Promise((done) => setTimeout(done, 1_000));
  }
}

/** The newest 6-digit code sent to any of these addresses, from the development outbox. */
async function codeFromOutbox(baseUrl: string, to: readonly string[]): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const target of to) {
      const response = await fetch(`${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(target)}`);
      if (response.ok) {
        const body = (await response.json()) as { messages?: unknown[] };
        const match = /\b(\d{6})\b/.exec(JSON.stringify(body.messages?.[0] ?? ''));
        if (match?.[1]) return match[1];
      }
    }
    if (Date.now() > deadline) throw new Error(`no code in the outbox for ${to.join(' or ')}`);
    await new Promise((done) => setTimeout(done, 300));
  }
}

/**
 * A phone context (so the fixed bottom tab bar is drawn as a phone draws it) that works at desktop size;
 * checkBothSizes switches it to each size for screenshots and axe.
 */
async function employerPage(
  browser: Browser,
  baseUrl: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, baseUrl, 'mobile');
  const page = await context.newPage();
  await page.setViewportSize(viewports.desktop);
  return { context, page };
}

/** Screenshots at both sizes and axe on each; the page returns to the desktop size. */
async function checkBothSizes(page: Page, name: string): Promise<void> {
  for (const size of ['mobile', 'desktop'] as const) {
    await page.setViewportSize(viewports[size]);
    await screenshot(page, `employer-${name}`);
    expect(await seriousA11yViolations(page), `${name} at ${size}`).toEqual([]);
  }
}

describe.skipIf(!shouldRun)('employer portal on the real server', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'lumbung-employer-e2e-'));
  const keys = generatePiiKeys();
  let child: ChildProcess | undefined;
  let log = '';
  let baseUrl = '';
  let browser: Browser;
  let hrContext: BrowserContext;
  let hrPage: Page;
  /** The first period without a bill yet: the one this test reports. */
  let period = '';
  let enrolledKpj = '';

  beforeAll(async () => {
    expect(hasChromium, skipReason).toBe(true);
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LUMBUNG_DATA_DIR: join(workDir, 'data'),
      LUMBUNG_WEB_DIST: join(workDir, 'dist'),
      LUMBUNG_PUBLIC_URL: baseUrl,
      LUMBUNG_PII_KEYS: keys.piiKeys,
      LUMBUNG_BLIND_INDEX_KEY: keys.blindIndexKey,
      LUMBUNG_SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    };
    await buildWeb(env.LUMBUNG_WEB_DIST!);
    // What `serve` seeds on an empty database, then an admin for the employer that skipped months and
    // the monthly contribution check that finds those months.
    const runtime = await startRuntime(loadConfig(env, repoRoot), { clock: systemClock });
    await seedDemoData(runtime.ctx);
    const kopiRow = await runtime.ctx.db
      .selectFrom('employers')
      .select('employer_id')
      .where('npp', '=', kopi.npp)
      .executeTakeFirstOrThrow();
    await createStaffUser(runtime.ctx, {
      role: 'employer_admin',
      email: kopiAdmin.email,
      displayName: kopiAdmin.displayName,
      password: DEMO_PASSWORD,
      totpSecret: kopiAdmin.totpSecret,
      employerId: kopiRow.employer_id,
    });
    const run = await runContributionAlerts(runtime.ctx, { asOf: todayInJakarta(systemClock) });
    expect(run.ok).toBe(true);
    await runtime.close();

    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
      const isUp = await fetch(`${baseUrl}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (isUp) break;
      if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
      await new Promise((done) => setTimeout(done, 250));
    }
    browser = await launchBrowser();
  }, 300_000);

  afterAll(async () => {
    await hrContext?.close();
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child?.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(workDir, { recursive: true, force: true });
  });

  /** The member sign-in page: an employer admin lands in the employer area, not the member portal. */
  async function signInOnMemberPage(page: Page, admin: { email: string; totpSecret: string }) {
    await page.goto('/masuk');
    await page.locator('#identifier').fill(admin.email);
    await page.locator('#password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kode aplikasi autentikator' }).waitFor();
    await page.locator('#sign-in-code').fill(await freshTotp(admin.totpSecret));
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/pemberi-kerja');
    await page.getByRole('heading', { level: 1, name: 'Pekerja' }).waitFor();
  }

  /** The employer portal's own sign-in, reached by opening a page of the portal while signed out. */
  async function signInOnEmployerPage(
    page: Page,
    admin: { email: string; totpSecret: string },
    path: string,
  ) {
    await page.goto(path);
    await page.waitForURL((url) => url.pathname === '/pemberi-kerja/masuk');
    expect(new URL(page.url()).searchParams.get('next')).toBe(path);
    await page.getByRole('heading', { level: 1, name: 'Masuk portal pemberi kerja' }).waitFor();
    await checkBothSizes(page, 'masuk');
    await page.locator('#employer-email').fill(admin.email);
    await page.locator('#employer-password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kode aplikasi autentikator' }).waitFor();
    await page.locator('#employer-totp').fill('12345');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect.poll(() => page.locator('#employer-totp-error').textContent()).toContain('6 angka');
    await checkBothSizes(page, 'masuk-kode');
    await page.locator('#employer-totp').fill(await freshTotp(admin.totpSecret));
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
  }

  it(
    'signs the demo employer admin in with the authenticator code, lands on Pekerja with the workers',
    async () => {
      ({ context: hrContext, page: hrPage } = await employerPage(browser, baseUrl));
      await signInOnMemberPage(hrPage, hr);
      const sidenav = hrPage.getByRole('navigation', { name: 'Menu pemberi kerja' });
      for (const label of ['Pekerja', 'Laporan upah', 'Tagihan', 'Tunggakan']) {
        await sidenav.getByRole('link', { name: label }).waitFor();
      }
      await expect.poll(() => sidenav.textContent()).toContain(tekstil.name);

      const api = (await (await hrContext.request.get('/api/v1/employer/workers')).json()) as {
        workers: { fullName: string; kpj: string; endedOn: string | null }[];
      };
      expect(api.workers.length).toBeGreaterThan(1);
      const table = hrPage.getByTestId('workers-table');
      await table.locator('tbody tr').first().waitFor();
      const rows = await table.locator('tbody tr').allTextContents();
      expect(rows).toHaveLength(api.workers.length);
      for (const worker of api.workers) {
        const row = rows.find((text) => text.includes(worker.fullName)) ?? '';
        expect(digits(row)).toContain(worker.kpj);
        expect(row).toContain(worker.endedOn === null ? 'Aktif' : 'Keluar');
      }
      await checkBothSizes(hrPage, 'pekerja');

      // The member portal is not the employer's: its pages send the employer back to /pemberi-kerja.
      for (const path of ['/', '/saldo']) {
        await hrPage.goto(path);
        await hrPage.waitForURL((url) => url.pathname === '/pemberi-kerja');
      }
    },
    e2eTimeoutMs,
  );

  it(
    'enrols a worker: API problems appear under their fields, then the worker is listed with a KPJ',
    async () => {
      const bills = (await (await hrContext.request.get('/api/v1/employer/bills')).json()) as {
        bills: { period: string }[];
      };
      period = addPeriods(bills.bills[0]!.period, 1);
      await hrPage.getByRole('button', { name: 'Daftarkan pekerja' }).click();
      await hrPage.getByRole('heading', { level: 2, name: 'Daftarkan pekerja' }).waitFor();
      // A birth date of the 32nd: the server refuses the NIK and says so under the NIK field.
      await hrPage.locator('#enrol-nik').fill('3273013203950021');
      await hrPage.locator('#enrol-started').fill(`${period}-01`);
      await hrPage.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await expect
        .poll(() => hrPage.locator('#enrol-nik-error').textContent())
        .toContain('Tanggal lahir pada NIK bukan tanggal yang valid.');
      expect(await hrPage.locator('#enrol-nik').getAttribute('aria-invalid')).toBe('true');
      // A valid NIK of someone new, without a name: the name is required for a new member.
      await hrPage.locator('#enrol-nik').fill(newWorker.nik);
      await hrPage.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      await expect
        .poll(() => hrPage.locator('#enrol-name-error').textContent())
        .toContain('Nama lengkap wajib diisi untuk peserta baru.');
      expect(await hrPage.locator('#enrol-nik').getAttribute('aria-invalid')).toBeNull();
      await hrPage.getByRole('alert').filter({ hasText: 'Periksa isian' }).waitFor();
      await checkBothSizes(hrPage, 'pekerja-daftar-galat');

      await hrPage.locator('#enrol-name').fill(newWorker.fullName);
      await hrPage.getByRole('button', { name: 'Daftarkan', exact: true }).click();
      const note = hrPage.getByRole('status').filter({ hasText: `${newWorker.fullName} terdaftar` });
      await note.waitFor();
      const workers = (await (await hrContext.request.get('/api/v1/employer/workers')).json()) as {
        workers: { fullName: string; kpj: string; startedOn: string }[];
      };
      const enrolled = workers.workers.find((worker) => worker.fullName === newWorker.fullName);
      expect(enrolled?.startedOn).toBe(`${period}-01`);
      enrolledKpj = enrolled?.kpj ?? '';
      expect(enrolledKpj).toMatch(/^\d{11}$/);
      expect(digits(await note.textContent())).toBe(enrolledKpj);
      const row = hrPage.getByTestId('workers-table').locator('tr', { hasText: newWorker.fullName });
      expect(digits(await row.textContent())).toContain(enrolledKpj);
    },
    e2eTimeoutMs,
  );

  it(
    'rejects a wage CSV with one bad line, naming the line and importing nothing; the fixed file is imported and billed',
    async () => {
      expect(period, 'needs the enrolment step').not.toBe('');
      await hrPage
        .getByRole('navigation', { name: 'Menu pemberi kerja' })
        .getByRole('link', { name: 'Laporan upah' })
        .click();
      await hrPage.getByRole('heading', { level: 1, name: 'Laporan upah' }).waitFor();
      expect(await hrPage.getByTestId('csv-header').textContent()).toBe('period,nik,kpj,wage');

      // The template: the exact header and one line per active worker, period and KPJ filled in.
      await hrPage.locator('#template-period').fill(period);
      const [download] = await Promise.all([
        hrPage.waitForEvent('download'),
        hrPage.getByRole('button', { name: 'Unduh templat CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`laporan-upah-${period}.csv`);
      const template = readFileSync(await download.path(), 'utf8')
        .split('\r\n')
        .filter(Boolean);
      const workers = (await (await hrContext.request.get('/api/v1/employer/workers')).json()) as {
        workers: { kpj: string; endedOn: string | null }[];
      };
      const active = workers.workers.filter((worker) => worker.endedOn === null).map((w) => w.kpj);
      expect(template[0]).toBe('period,nik,kpj,wage');
      expect(
        template
          .slice(1)
          .map((line) => line.split(',')[2])
          .sort(),
      ).toEqual([...active].sort());
      expect(template.slice(1).every((line) => line.startsWith(`${period},,`) && line.endsWith(','))).toBe(
        true,
      );
      const wages = template.slice(1).map((_, index) => 4_500_000 + index * 250_000);
      const filled = (badLine: boolean) =>
        [
          template[0],
          ...template
            .slice(1)
            .map((line, index) => (badLine && index === 1 ? `${line}4.750.000` : `${line}${wages[index]}`)),
        ].join('\n');

      // Line 3 (the header is line 1) writes the wage with thousands dots.
      await hrPage.locator('#wage-file').setInputFiles({
        name: `upah-${period}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(filled(true)),
      });
      await hrPage.getByRole('button', { name: 'Unggah dan periksa' }).click();
      const errors = hrPage.getByTestId('line-errors');
      await errors.waitFor();
      const errorRows = await errors.locator('tbody tr').allTextContents();
      expect(errorRows).toHaveLength(1);
      expect(errorRows[0]).toMatch(/^3\s*wage/);
      expect(errorRows[0]).toContain('Upah harus bilangan bulat Rupiah 0 atau lebih, tanpa desimal.');
      await hrPage.getByRole('alert').filter({ hasText: 'Tidak ada data yang diimpor' }).waitFor();
      const afterReject = (await (await hrContext.request.get('/api/v1/employer/wage-reports')).json()) as {
        reports: { period: string }[];
      };
      expect(afterReject.reports.map((report) => report.period)).not.toContain(period);
      expect((await hrContext.request.get(`/api/v1/employer/bills/${period}`)).status()).toBe(404);
      await checkBothSizes(hrPage, 'laporan-upah-galat');

      await hrPage.locator('#wage-file').setInputFiles({
        name: `upah-${period}.csv`,
        mimeType: 'text/csv',
        buffer: Buffer.from(filled(false)),
      });
      await hrPage.getByRole('button', { name: 'Unggah dan periksa' }).click();
      const success = hrPage.getByTestId('import-success');
      await success.waitFor();
      expect(await success.textContent()).toContain(`${wages.length} baris diimpor`);
      expect(await errors.count()).toBe(0);
      const reported = hrPage.getByTestId('reported-table').locator('tbody tr').first();
      await expect.poll(() => reported.textContent()).toContain(String(wages.length));
      expect(digits(await reported.textContent())).toContain(
        digits(String(wages.reduce((sum, wage) => sum + wage, 0))),
      );
      await checkBothSizes(hrPage, 'laporan-upah');

      // The bill for the period: the total the core's calculator gives for these wages.
      const expectedTotal = wages.reduce((sum, wage) => {
        const amounts = lineAmounts(wage, period, tekstil.riskClass, defaultRuleBook);
        if (!amounts.ok) throw new Error(amounts.code);
        return sum + amounts.value.total;
      }, 0);
      await success.getByRole('link', { name: 'Lihat tagihan' }).click();
      await hrPage.getByRole('heading', { level: 1, name: 'Tagihan' }).waitFor();
      const bill = hrPage.getByTestId(`bill-${period}`);
      await bill.waitFor();
      expect(digits(await bill.getByTestId('bill-total').textContent())).toBe(String(expectedTotal));
      expect(await bill.getByTestId('bill-workers').textContent()).toBe(String(wages.length));
      expect(await bill.textContent()).toContain('Belum dibayar');
      const pay = bill.getByTestId('pay-at-bank');
      expect(await pay.textContent()).toContain(tekstil.npp);
      expect(await pay.textContent()).toContain(period);
      await bill.getByText(`Rincian per pekerja (${wages.length})`).click();
      const lines = bill.getByTestId('bill-lines');
      await lines.waitFor();
      expect(await lines.locator('tbody tr').count()).toBe(wages.length);
      expect(await lines.textContent()).toContain(newWorker.fullName);
      const apiBill = (await (await hrContext.request.get(`/api/v1/employer/bills/${period}`)).json()) as {
        totalRupiah: number;
        dueOn: string;
      };
      expect(apiBill.totalRupiah).toBe(expectedTotal);
      const [y, m, d] = apiBill.dueOn.split('-');
      expect(d).toBe('15');
      expect(await bill.textContent()).toContain(`${d}-${m}-${y}`);

      await checkBothSizes(hrPage, 'tagihan');

      // The month before was paid by the bank in the demo: picked from the list, its reference shows.
      const previous = addPeriods(period, -1);
      await hrPage
        .getByTestId('bill-list')
        .getByRole('button', { name: new RegExp(periodLabel(previous)) })
        .click();
      const paidBill = hrPage.getByTestId(`bill-${previous}`);
      await paidBill.getByTestId('payments').waitFor();
      expect(await paidBill.getByTestId('payments').textContent()).toContain(
        `DEMO-${tekstil.npp}-${previous}`,
      );
      expect(await paidBill.textContent()).toContain('Lunas');
      expect(await paidBill.getByTestId('pay-at-bank').count()).toBe(0);
      await expect.poll(() => hrPage.evaluate(() => document.activeElement?.id)).toBe('bill-heading');
      await checkBothSizes(hrPage, 'tagihan-lunas');
    },
    e2eTimeoutMs,
  );

  it(
    'reports the new worker’s exit with a date and a reason',
    async () => {
      expect(enrolledKpj, 'needs the enrolment step').not.toBe('');
      await hrPage
        .getByRole('navigation', { name: 'Menu pemberi kerja' })
        .getByRole('link', { name: 'Pekerja' })
        .click();
      await hrPage.getByRole('heading', { level: 1, name: 'Pekerja' }).waitFor();
      await hrPage.getByRole('button', { name: `Laporkan keluar ${newWorker.fullName}` }).click();
      await hrPage
        .getByRole('heading', { level: 2, name: `Laporkan keluar: ${newWorker.fullName}` })
        .waitFor();
      await hrPage.getByRole('button', { name: 'Catat keluar' }).click();
      await expect.poll(() => hrPage.locator('#exit-reason-error').textContent()).toContain('Pilih alasan');
      await hrPage.locator('#exit-reason').selectOption('layoff');
      await checkBothSizes(hrPage, 'pekerja-keluar');
      await hrPage.getByRole('button', { name: 'Catat keluar' }).click();
      await hrPage
        .getByRole('status')
        .filter({ hasText: `Keluarnya ${newWorker.fullName} sudah tercatat` })
        .waitFor();
      const today = todayInJakarta(systemClock).split('-').reverse().join('-');
      const row = hrPage.getByTestId('workers-table').locator('tr', { hasText: newWorker.fullName });
      await expect.poll(() => row.textContent()).toContain(`Keluar ${today}`);
      expect(await row.textContent()).toContain('PHK');
      const workers = (await (await hrContext.request.get('/api/v1/employer/workers')).json()) as {
        workers: { kpj: string; endedOn: string | null; exitReason: string | null }[];
      };
      expect(workers.workers.find((worker) => worker.kpj === enrolledKpj)).toMatchObject({
        endedOn: todayInJakarta(systemClock),
        exitReason: 'layoff',
      });
    },
    e2eTimeoutMs,
  );

  it(
    'shows arrears: none for the demo employer, the affected workers and months for the one that skipped',
    async () => {
      await hrPage
        .getByRole('navigation', { name: 'Menu pemberi kerja' })
        .getByRole('link', { name: 'Tunggakan' })
        .click();
      await hrPage.getByRole('heading', { level: 1, name: 'Tunggakan' }).waitFor();
      await hrPage.getByText('Tidak ada tunggakan.').waitFor();
      const own = (await (await hrContext.request.get('/api/v1/employer/arrears')).json()) as {
        workers: unknown[];
      };
      expect(own.workers).toEqual([]);
      await checkBothSizes(hrPage, 'tunggakan-kosong');

      const { context, page } = await employerPage(browser, baseUrl);
      await signInOnEmployerPage(page, kopiAdmin, '/pemberi-kerja/tunggakan');
      const workers = page.getByTestId('arrears-workers');
      await workers.waitFor();
      const arrears = (await (await context.request.get('/api/v1/employer/arrears')).json()) as {
        shortfallRupiah: number;
        periods: { period: string }[];
        workers: { fullName: string; months: { period: string }[] }[];
      };
      const kopiWorkers = DEMO_MEMBERS.filter((m) => m.jobs?.some((job) => job.employer === kopi.key));
      expect(arrears.workers.map((worker) => worker.fullName).sort()).toEqual(
        kopiWorkers.map((m) => m.fullName).sort(),
      );
      // The demo's skipped months: one reported but not paid, one not reported; every worker has both.
      expect(arrears.periods).toHaveLength(2);
      const text = (await workers.textContent()) ?? '';
      for (const worker of arrears.workers) {
        expect(text).toContain(worker.fullName);
        expect(worker.months.map((month) => month.period)).toEqual(arrears.periods.map((p) => p.period));
      }
      for (const { period: month } of arrears.periods) expect(text).toContain(periodLabel(month));
      expect(await workers.locator('li').count()).toBe(kopiWorkers.length);
      expect(digits(await page.getByTestId('arrears-shortfall').textContent())).toBe(
        String(arrears.shortfallRupiah),
      );
      expect(arrears.shortfallRupiah).toBeGreaterThan(0);
      await checkBothSizes(page, 'tunggakan');
      // Signing out returns to the portal's sign-in, and the portal is closed again.
      await page.getByRole('button', { name: 'Keluar' }).click();
      await page.waitForURL((url) => url.pathname === '/pemberi-kerja/masuk');
      expect((await context.request.get('/api/v1/employer/arrears')).status()).toBe(401);
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'never gives a member the employer area',
    async () => {
      const context = await newContext(browser, baseUrl, 'mobile');
      const page = await context.newPage();
      await page.goto('/masuk');
      await page.locator('#identifier').fill(member.email);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      const codeField = page.getByLabel('Kode verifikasi (6 angka)');
      await Promise.race([page.waitForURL((url) => url.pathname === '/'), codeField.waitFor()]);
      if (await codeField.isVisible()) {
        await codeField.fill(await codeFromOutbox(baseUrl, [member.phone, member.email]));
        await page.getByRole('button', { name: 'Masuk', exact: true }).click();
        await page.waitForURL((url) => url.pathname === '/');
      }
      await page.getByRole('heading', { level: 1, name: new RegExp(member.fullName) }).waitFor();
      expect(await page.locator('a[href^="/pemberi-kerja"]').count()).toBe(0);
      await page.goto('/pemberi-kerja/tagihan');
      await page.waitForURL((url) => url.pathname === '/');
      expect(await page.getByRole('navigation', { name: 'Menu pemberi kerja' }).count()).toBe(0);
      expect((await context.request.get('/api/v1/employer/workers')).status()).toBe(403);
      await context.close();
    },
    e2eTimeoutMs,
  );
});
