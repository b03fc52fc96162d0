// Issue 8's admin pages and issue 10's arrears list against the real server: the demo admin signs in
// with the authenticator code, creates a staff user (secret shown once, and it really signs in) and
// disables it, publishes news that GET /api/v1/news then lists, adds a rule row and sees the API's
// error for an overlapping one, declares and runs the JHT return of a year the demo has not declared
// and watches it reach done, and reads the employers in arrears; an agent's menu shows only what the
// role table lets an agent use. The demo data and the monthly contribution check are written through
// the real services on the server's own embedded database before it starts, so arrears exist.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runContributionAlerts } from '../../server/src/alert/alert-run';
import { loadConfig } from '../../server/src/config';
import { generatePiiKeys } from '../../server/src/crypto/pii-cipher';
import { currentTotp } from '../../server/src/identity/totp';
import { startRuntime } from '../../server/src/runtime';
import { DEMO_JHT_RETURNS } from '../../server/src/seed/demo-ledger-cast';
import { seedDemoData } from '../../server/src/seed/demo-seed';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-users';
import { systemClock, todayInJakarta } from '../../server/src/services/clock';
import { formatRupiah } from '../src/format/money';
import {
  buildWeb,
  hasChromium,
  isE2eRequired,
  launchBrowser,
  newContext,
  repoRoot,
  screenshot,
  seriousA11yViolations,
  skipReason,
} from './harness';

const admin = DEMO_STAFF.find((staff) => staff.role === 'admin')!;
const agent = DEMO_STAFF.find((staff) => staff.role === 'agent')!;
const TABLET = { width: 820, height: 1180 };
/** A year before every year the demo declares, so this test is the first to declare it. */
const RETURN_YEAR = Math.min(...DEMO_JHT_RETURNS.map((entry) => entry.year)) - 1;
const NEW_STAFF = { email: 'petugas.baru@e2e.lumbung.test', name: 'Petugas Baru E2E' };
const SETUP_TIMEOUT_MS = 420_000;
const TEST_TIMEOUT_MS = 240_000;

async function freePort(): Promise<number> {
  return new Promise((done, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A fresh code per secret: the server accepts each 30-second code once. */
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

async function signInStaff(page: Page, staff: { email: string; totpSecret: string }): Promise<void> {
  await page.goto('/staf/masuk');
  await page.getByRole('heading', { level: 1, name: 'Masuk konsol staf' }).waitFor();
  await page.locator('#staff-email').fill(staff.email);
  await page.locator('#staff-password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.locator('#staff-totp').fill(await freshTotp(staff.totpSecret));
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/staf') && url.pathname !== '/staf/masuk');
}

async function navLabels(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Menu staf' });
  await nav.waitFor();
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

// Heavy (seeds the demo, builds the app, starts a server): runs only with LUMBUNG_E2E=1.
describe.skipIf(!isE2eRequired)('staff console admin pages on the real server', () => {
  const workDir = mkdtempSync(join(tmpdir(), 'lumbung-admin-e2e-'));
  const keys = generatePiiKeys();
  let child: ChildProcess | undefined;
  let log = '';
  let baseUrl = '';
  let browser: Browser;
  let page: Page;

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
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    };
    await buildWeb(env.LUMBUNG_WEB_DIST!);
    // The demo (with its staff users) and the monthly contribution check, through the real services.
    const runtime = await startRuntime(loadConfig(env, repoRoot), { clock: systemClock });
    try {
      await seedDemoData(runtime.ctx);
      const alerts = await runContributionAlerts(runtime.ctx, {
        asOf: todayInJakarta(systemClock),
        send: false,
      });
      expect(alerts.ok).toBe(true);
    } finally {
      await runtime.close();
    }
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
    const context = await newContext(browser, baseUrl, 'desktop');
    page = await context.newPage();
    await signInStaff(page, admin);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child?.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(workDir, { recursive: true, force: true });
  });

  it(
    "admin's menu offers the admin pages and not the desk or claims pages",
    async () => {
      const labels = await navLabels(page);
      for (const label of [
        'Tunggakan',
        'Log audit',
        'Pengguna staf',
        'Berita',
        'Tabel aturan',
        'Hasil pengembangan JHT',
        'Simulator SMS',
      ])
        expect(labels).toContain(label);
      for (const label of ['Cari anggota', 'Tiket bantuan', 'Klaim']) expect(labels).not.toContain(label);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'creates a staff user, shows the secret once, the secret signs in, and disabling ends its session',
    async () => {
      await page
        .getByRole('navigation', { name: 'Menu staf' })
        .getByRole('link', { name: 'Pengguna staf' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Pengguna staf' }).waitFor();
      const table = page.getByTestId('staff-users-table');
      await table.getByText(admin.email).waitFor();
      await expectAxeClean(page);
      await screenshot(page, 'staff-admin-users');

      // The API's field error is shown at the field.
      await page.locator('#new-user-email').fill('bukan-email');
      await page.locator('#new-user-name').fill(NEW_STAFF.name);
      await page.getByRole('button', { name: 'Buat akun' }).click();
      await expect
        .poll(() => page.locator('#new-user-email-error').textContent())
        .toContain('e-mail tidak valid');

      await page.locator('#new-user-email').fill(NEW_STAFF.email);
      await page.locator('#new-user-role').selectOption('branch_officer');
      await page.getByRole('button', { name: 'Buat akun' }).click();
      const once = page.getByTestId('shown-once');
      await once.waitFor();
      await once.getByText('Ditampilkan sekali saja.').waitFor();
      const secret = (await page.getByTestId('new-totp-secret').textContent())?.trim() ?? '';
      const uri = (await page.getByTestId('new-otpauth-uri').textContent())?.trim() ?? '';
      const password = (await page.getByTestId('new-initial-password').textContent())?.trim() ?? '';
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      expect(uri.startsWith('otpauth://totp/')).toBe(true);
      expect(new URL(uri).searchParams.get('secret')).toBe(secret);
      expect(password.length).toBeGreaterThanOrEqual(12);
      await once.getByRole('button', { name: 'Salin Rahasia TOTP (aplikasi autentikator)' }).waitFor();
      await expectAxeClean(page);
      await screenshot(page, 'staff-admin-user-created');

      // What the page showed is what the new user signs in with.
      const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: NEW_STAFF.email, password }),
      });
      const challenge = (await signIn.json()) as { status: string; challengeId: string };
      expect(challenge.status).toBe('totp_required');
      const verified = await fetch(`${baseUrl}/api/v1/auth/sign-in/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          challengeId: challenge.challengeId,
          code: await freshTotp(secret),
          issueBearer: true,
        }),
      });
      const session = (await verified.json()) as { user: { role: string }; bearerToken: string };
      expect(session.user.role).toBe('branch_officer');
      const sessionOf = () =>
        fetch(`${baseUrl}/api/v1/auth/session`, {
          headers: { authorization: `Bearer ${session.bearerToken}` },
        }).then((response) => response.status);
      expect(await sessionOf()).toBe(200);

      // Closed, the secrets are gone from the page and a reload does not bring them back.
      await once.getByRole('button', { name: 'Sudah disalin, tutup' }).click();
      expect(await page.getByTestId('new-totp-secret').count()).toBe(0);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Pengguna staf' }).waitFor();
      await table.getByText(NEW_STAFF.name).waitFor();
      expect(await page.getByText(secret).count()).toBe(0);
      const row = table.locator('tr', { hasText: NEW_STAFF.name });
      expect(await row.textContent()).toContain('Petugas cabang');
      expect(await row.textContent()).toContain('Aktif');

      // Disabling asks first, then ends the user's session.
      await row.getByRole('button', { name: `Nonaktifkan ${NEW_STAFF.name}` }).click();
      await row.getByText(`Nonaktifkan ${NEW_STAFF.name}? Semua sesinya`).waitFor();
      await expectAxeClean(page);
      await row.getByRole('button', { name: 'Ya, nonaktifkan' }).click();
      await row.getByText('Nonaktif', { exact: true }).waitFor();
      expect(await row.getByRole('button').count()).toBe(0);
      expect(await sessionOf()).toBe(401);
      // The admin cannot disable themself from the page.
      const selfRow = table.locator('tr', { hasText: admin.email });
      expect(await selfRow.getByRole('button').count()).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'publishes news in both languages and GET /api/v1/news lists it',
    async () => {
      const titleId = `Libur kantor cabang ${Date.now()}`;
      await page.getByRole('navigation', { name: 'Menu staf' }).getByRole('link', { name: 'Berita' }).click();
      await page.getByRole('heading', { level: 1, name: 'Berita' }).waitFor();
      await page.getByTestId('published-news').waitFor();
      await page.locator('#news-title-id').fill(titleId);
      await page
        .locator('#news-body-id')
        .fill('Kantor cabang tutup pada hari libur nasional. Layanan JMO tetap buka.');
      await page.locator('#news-title-en').fill('Branch offices closed on the public holiday');
      await page
        .locator('#news-body-en')
        .fill('Branch offices are closed on the public holiday. JMO stays open.');
      await page.getByRole('button', { name: 'Terbitkan' }).click();
      await page
        .getByRole('status')
        .getByText(/^Berita terbit \d{2}-\d{2}-\d{4} \d{2}:\d{2}\.$/)
        .waitFor();
      await page.getByTestId('published-news').getByRole('heading', { name: titleId }).waitFor();
      expect(await page.locator('#news-title-id').inputValue()).toBe('');

      const news = (await (await fetch(`${baseUrl}/api/v1/news`)).json()) as {
        items: { title: { id: string; en: string } }[];
      };
      expect(news.items[0]?.title).toEqual({
        id: titleId,
        en: 'Branch offices closed on the public holiday',
      });
      await expectAxeClean(page);
      await screenshot(page, 'staff-admin-news');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'adds a JP wage-cap row and shows the API refusing an overlapping one and a wrong-shaped one',
    async () => {
      await page
        .getByRole('navigation', { name: 'Menu staf' })
        .getByRole('link', { name: 'Tabel aturan' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Tabel aturan' }).waitFor();
      const api = (await (await page.context().request.get('/api/v1/admin/rule-tables')).json()) as {
        tables: { id: string; title: string; rows: { validFrom: string; source: string }[] }[];
        calculationsUseOverrides?: boolean;
      };
      // The page says what the server says about calculations, nothing more.
      const expectedUse =
        api.calculationsUseOverrides === true
          ? 'perhitungan iuran dan manfaat memakai baris override'
          : api.calculationsUseOverrides === false
            ? 'perhitungan masih memakai tabel bawaan inti'
            : 'Server tidak menyatakan apakah perhitungan memakai baris override';
      expect(await page.getByTestId('override-use').textContent()).toContain(expectedUse);

      const capTable = api.tables.find((table) => table.id === 'jp_wage_cap')!;
      await page.getByRole('button', { name: capTable.title }).click();
      await page.getByRole('heading', { level: 2, name: capTable.title }).waitFor();
      const rows = page.getByTestId('rule-rows').locator('tbody tr');
      expect(await rows.count()).toBe(capTable.rows.length);
      expect(JSON.parse(await page.locator('#rule-value').inputValue())).toHaveProperty('wageCapRupiah');

      const validFrom = `${Number(capTable.rows.at(-1)!.validFrom.slice(0, 4)) + 1}-03-01`;
      await page.locator('#rule-value').fill('{ "wageCapRupiah": 11000000 }');
      await page.locator('#rule-valid-from').fill(validFrom);
      await page.locator('#rule-regulation').fill('PP 45/2015');
      await page.locator('#rule-article').fill('art. 29(3)-(4), e2e');
      await page.getByRole('button', { name: 'Tambah baris' }).click();
      await page.getByText('Baris ditambahkan.').waitFor();
      await expect.poll(() => rows.count()).toBe(capTable.rows.length + 1);
      const added = rows.last();
      expect(await added.getAttribute('data-source')).toBe('override');
      expect(await added.textContent()).toContain('Rp11.000.000');
      expect(await added.textContent()).toContain(`01-03-${validFrom.slice(0, 4)}`);
      // The row in force before it now ends the day before.
      expect(await rows.nth(capTable.rows.length - 1).textContent()).toContain(
        `28-02-${validFrom.slice(0, 4)}`,
      );
      await page.getByRole('button', { name: /JP wage cap.*Override 1/ }).waitFor();

      // A new row must start after the table's last row: the API's message is shown at "Berlaku mulai".
      await page.locator('#rule-value').fill('{ "wageCapRupiah": 12000000 }');
      // (The core's own last row starts on this day; a row between operator rows would be accepted.)
      await page.locator('#rule-valid-from').fill(capTable.rows.at(-1)!.validFrom);
      await page.locator('#rule-regulation').fill('PP 45/2015');
      await page.locator('#rule-article').fill('art. 29');
      await page.getByRole('button', { name: 'Tambah baris' }).click();
      const fromError = page.locator('#rule-valid-from-error');
      await fromError.waitFor();
      expect(await fromError.textContent()).toContain('Baris baru harus mulai berlaku sesudah');
      expect(await page.locator('#rule-valid-from').getAttribute('aria-invalid')).toBe('true');
      expect(await rows.count()).toBe(capTable.rows.length + 1);
      await expectAxeClean(page);
      await screenshot(page, 'staff-admin-rules-overlap');
      await page.setViewportSize(TABLET);
      await screenshot(page, 'staff-admin-rules-overlap-tablet');
      await page.setViewportSize({ width: 1280, height: 800 });

      // A value without the table's keys is refused at the value field.
      await page.locator('#rule-value').fill('{ "wageCap": 12000000 }');
      await page.locator('#rule-valid-from').fill(`${Number(validFrom.slice(0, 4)) + 1}-03-01`);
      await page.getByRole('button', { name: 'Tambah baris' }).click();
      await page
        .locator('#rule-value-error')
        .getByText(/bentuk|shape/)
        .waitFor();

      const after = (await (
        await page.context().request.get('/api/v1/admin/rule-tables')
      ).json()) as typeof api;
      const overrides = after.tables
        .find((table) => table.id === 'jp_wage_cap')!
        .rows.filter((row) => row.source === 'override');
      expect(overrides.map((row) => row.validFrom)).toEqual([validFrom]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    `declares ${RETURN_YEAR}'s JHT return from a typed percentage, runs it, and polls progress to done`,
    async () => {
      await page
        .getByRole('navigation', { name: 'Menu staf' })
        .getByRole('link', { name: 'Hasil pengembangan JHT' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Hasil pengembangan JHT' }).waitFor();
      // The default year is the last finished one, which the demo has declared and credited.
      await page.getByTestId('jht-status').getByText('Selesai').waitFor();

      await page.locator('#jht-year').fill(String(RETURN_YEAR));
      await page.getByRole('heading', { level: 2, name: `Umumkan tarif ${RETURN_YEAR}` }).waitFor();
      // More than two decimals is refused before anything is sent.
      await page.locator('#jht-rate').fill('5,755');
      await page.getByRole('button', { name: 'Umumkan', exact: true }).click();
      await page.locator('#jht-rate-error').waitFor();
      await page.locator('#jht-rate').fill('5,75');
      expect(await page.getByTestId('rate-basis-points').textContent()).toBe('= 575 basis poin');
      await expectAxeClean(page);
      await screenshot(page, 'staff-admin-jht-declare');
      await page.getByRole('button', { name: 'Umumkan', exact: true }).click();
      await page.getByText(`Umumkan 5,75% untuk tahun ${RETURN_YEAR}?`).waitFor();
      await page.getByRole('button', { name: 'Ya, umumkan' }).click();

      const progress = page.getByTestId('jht-progress');
      await progress.waitFor();
      expect(await progress.textContent()).toContain('5,75%');
      const run = progress.getByRole('button', { name: /^(Jalankan|Lanjutkan) pengkreditan$/ });
      const done = page.getByTestId('jht-status').getByText('Selesai');
      await Promise.race([run.waitFor(), done.waitFor()]);
      // A background worker may start a declared year on its own; otherwise the button starts it.
      if (await run.isVisible()) await run.click();
      await done.waitFor({ timeout: 120_000 });

      const final = (await (
        await page.context().request.get(`/api/v1/admin/jht-returns/${RETURN_YEAR}`)
      ).json()) as {
        rateBasisPoints: number;
        status: string;
        accountsTotal: number;
        accountsDone: number;
        amountCreditedRupiah: number;
      };
      expect(final).toMatchObject({ rateBasisPoints: 575, status: 'completed' });
      expect(final.accountsTotal).toBeGreaterThan(0);
      expect(final.accountsDone).toBe(final.accountsTotal);
      expect(await page.getByTestId('jht-accounts').textContent()).toBe(
        `${final.accountsDone} / ${final.accountsTotal}`,
      );
      expect(await progress.textContent()).toContain(formatRupiah(final.amountCreditedRupiah));
      expect(await progress.getByRole('button').count()).toBe(0);
      await expectAxeClean(page);
      await screenshot(page, 'staff-admin-jht-done');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lists employers by arrears with months, amount and affected workers',
    async () => {
      const ranking = (await (await page.context().request.get('/api/v1/staff/arrears')).json()) as {
        items: { name: string; npp: string; months: number; workers: number; shortfallRupiah: number }[];
      };
      expect(ranking.items.length).toBeGreaterThan(0);
      await page
        .getByRole('navigation', { name: 'Menu staf' })
        .getByRole('link', { name: 'Tunggakan' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Tunggakan pemberi kerja' }).waitFor();
      const rows = page.getByTestId('arrears-table').locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(ranking.items.length);
      const first = ranking.items[0]!;
      const cells = (await rows.first().locator('td').allTextContents()).map((text) => text.trim());
      expect(cells[1]).toContain(first.name);
      expect(cells[1]).toContain(`NPP ${first.npp}`);
      expect(cells[2]).toBe(String(first.months));
      expect(cells[4]).toBe(String(first.workers));
      expect(cells[5]).toBe(formatRupiah(first.shortfallRupiah));
      await expectAxeClean(page);
      await screenshot(page, 'staff-admin-arrears');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "an agent's menu offers the arrears list but no admin page",
    async () => {
      const context = await newContext(browser, baseUrl, 'desktop');
      const agentPage = await context.newPage();
      await signInStaff(agentPage, agent);
      const labels = await navLabels(agentPage);
      expect(labels).toEqual(expect.arrayContaining(['Cari anggota', 'Tiket bantuan', 'Tunggakan']));
      for (const label of ['Pengguna staf', 'Berita', 'Tabel aturan', 'Hasil pengembangan JHT', 'Log audit'])
        expect(labels).not.toContain(label);
      await agentPage.goto('/staf/tunggakan');
      await agentPage.getByTestId('arrears-table').waitFor();
      await context.close();
    },
    TEST_TIMEOUT_MS,
  );
});
