// Issue 10's "Lapor" with evidence, end to end on the real server and the demo seed: a worker of the demo
// employer that skipped two months (CV Kopi Lereng Merapi, server/src/seed/demo-ledger-cast.ts) opens the
// contribution alert the seed's alert run left in the notification centre, taps Lapor, first picks a
// file that is not a payslip (the server's problem code is shown on the file field), then a payslip PNG,
// and sends it; their ticket page offers the payslip back as a download. A call-centre agent then opens
// the ticket in the staff console and sees the payslip with its SHA-256 in the viewer; the bytes the
// console serves are the bytes the member sent.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalisePhone } from '@lumbung/core';
import { currentTotp } from '../../server/src/identity/totp';
import { DEMO_EMPLOYERS, DEMO_MEMBERS } from '../../server/src/seed/demo-ledger-cast';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/src/seed/demo-users';
import {
  artifactsDir,
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

const kopi = DEMO_EMPLOYERS.find((employer) => employer.key === 'kopi')!;
/** A worker of the employer that skipped months: the seed's alert run told them. */
const worker = DEMO_MEMBERS.find((member) => member.jobs?.some((job) => job.employer === 'kopi'))!;
const agent = DEMO_STAFF.find((staff) => staff.role === 'agent')!;

/** The newest sign-in code sent to the worker's phone or e-mail, from the development outbox. */
async function codeFromOutbox(baseUrl: string, to: readonly string[]): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    for (const target of to) {
      const response = await fetch(`${baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(target)}`);
      if (!response.ok) continue;
      const body = (await response.json()) as { messages?: unknown[] };
      // Newest first; alert messages carry amounts and KPJ, never a lone six-digit number.
      const match = /\b(\d{6})\b/.exec(JSON.stringify(body.messages?.[0] ?? ''));
      if (match?.[1]) return match[1];
    }
    if (Date.now() > deadline) throw new Error(`no code in the outbox for ${to.join(' or ')}`);
    await new Promise((done) => setTimeout(done, 300));
  }
}

/** A payslip as a member photographs one: drawn in the browser and captured as a PNG. */
async function payslipPng(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 480, height: 320 } });
  await page.setContent(`<body style="margin:0;font:16px sans-serif;background:#fff;color:#222">
    <div style="padding:20px;border:2px solid #555;margin:12px">
      <h1 style="font-size:20px;margin:0 0 12px">SLIP GAJI — ${kopi.name}</h1>
      <p style="margin:4px 0">Nama: ${worker.fullName}</p>
      <p style="margin:4px 0">Periode: April</p>
      <p style="margin:4px 0">Upah pokok: Rp ${(worker.jobs?.[0]?.wageRupiah ?? 0).toLocaleString('id-ID')}</p>
      <p style="margin:4px 0">Potongan BPJS Ketenagakerjaan (JHT 2%, JP 1%): dipotong</p>
    </div></body>`);
  const png = await page.screenshot({ type: 'png' });
  await page.close();
  return png;
}

async function signInMember(page: Page, baseUrl: string): Promise<void> {
  await page.goto('/masuk');
  await page.locator('#identifier').fill(worker.email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  // A first sign-in from this browser is a new device: a code to the member's phone or e-mail.
  await page.locator('#sign-in-code').waitFor();
  const phone = normalisePhone(worker.phone);
  const code = await codeFromOutbox(baseUrl, [worker.email, ...(phone.ok ? [phone.value] : [])]);
  await page.locator('#sign-in-code').fill(code);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

/** A modal dialog as the member sees it: the viewport only (the backdrop covers the viewport, not the page). */
async function dialogScreenshot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize();
  await page.screenshot({ path: join(artifactsDir, `${name}-${size?.width ?? 0}x${size?.height ?? 0}.png`) });
}

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

describe.skipIf(!shouldRun)('Lapor with a payslip, seen by staff, on the real server', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    expect(hasChromium, skipReason).toBe(true);
    expect(worker, 'the demo cast has a worker of CV Kopi Lereng Merapi').toBeDefined();
    server = await startServer();
    browser = await launchBrowser();
  }, e2eTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'reports the missed months with a payslip, and an agent opens the payslip on the ticket',
    async () => {
      const png = await payslipPng(browser);
      const sha256 = createHash('sha256').update(png).digest('hex');

      // The member, on a phone.
      const memberContext = await newContext(browser, server.baseUrl, 'mobile');
      const member = await memberContext.newPage();
      await signInMember(member, server.baseUrl);
      await member.goto('/notifikasi');
      await member.getByRole('heading', { level: 1, name: 'Notifikasi' }).waitFor();
      const alert = member.locator('.row-list > li', { has: member.getByRole('button', { name: 'Lapor' }) });
      await alert.first().waitFor();
      expect(await alert.count(), 'the seed left one contribution alert for the worker').toBe(1);
      await screenshot(member, 'alert-report-notification');
      expect(await seriousA11yViolations(member)).toEqual([]);

      await alert.getByRole('button', { name: 'Lapor' }).click();
      const dialog = member.getByRole('dialog', { name: 'Laporkan iuran yang belum masuk' });
      await dialog.waitFor();
      await dialogScreenshot(member, 'alert-report-dialog');
      expect(await seriousA11yViolations(member)).toEqual([]);

      // Not a payslip: a GIF named .png. The server reads the type from the bytes and says so.
      // The file button speaks the page's language; the native input behind it is hidden.
      const fileField = dialog.getByLabel('Pilih slip gaji');
      await dialog.getByText('Belum ada berkas yang dipilih.').waitFor();
      await fileField.setInputFiles({
        name: 'slip.png',
        mimeType: 'image/png',
        buffer: Buffer.from('GIF89a not a payslip'),
      });
      await dialog.getByRole('button', { name: 'Kirim laporan' }).click();
      await dialog.getByText('Slip gaji harus berupa PDF, JPG atau PNG.').waitFor();
      expect(await fileField.getAttribute('aria-invalid')).toBe('true');
      await dialogScreenshot(member, 'alert-report-dialog-error');
      expect(await seriousA11yViolations(member)).toEqual([]);

      await fileField.setInputFiles({ name: 'slip-gaji-april.png', mimeType: 'image/png', buffer: png });
      await dialog.getByText('slip-gaji-april.png').waitFor();
      await dialog.getByRole('button', { name: 'Kirim laporan' }).click();
      const sent = member.getByRole('status').filter({ hasText: 'Laporan terkirim sebagai tiket' });
      await sent.waitFor();
      expect(await dialog.count()).toBe(0);
      const sentText = (await sent.textContent()) ?? '';
      expect(sentText).toContain('Slip gaji terlampir.');
      const ticketNumber = /TK-\d{4}-\d{6}/.exec(sentText)?.[0];
      expect(ticketNumber).toBeDefined();
      // The ticket link took the focus the Lapor button had.
      expect(await member.evaluate(() => document.activeElement?.textContent)).toBe('Lihat tiket');
      await screenshot(member, 'alert-report-sent');
      expect(await seriousA11yViolations(member)).toEqual([]);

      // The ticket, as the member sees it: their message with its time, and the payslip to download.
      await member.getByRole('link', { name: 'Lihat tiket' }).click();
      await member
        .getByRole('heading', { level: 1, name: `Iuran tidak dibayar penuh: ${kopi.name}` })
        .waitFor();
      expect((await member.locator('.bubble-meta').first().textContent()) ?? '').toMatch(
        /^Anda · \d{2}-\d{2}-\d{4} \d{2}:\d{2}$/,
      );
      const own = member.locator('li', { hasText: 'slip-gaji-april.png' });
      const [download] = await Promise.all([
        member.waitForEvent('download'),
        own.getByRole('link', { name: /Unduh/ }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('slip-gaji-april.png');
      const saved = await download.path();
      expect(createHash('sha256').update(readFileSync(saved)).digest('hex')).toBe(sha256);
      await screenshot(member, 'alert-report-member-ticket');
      expect(await seriousA11yViolations(member)).toEqual([]);
      await memberContext.close();

      // The agent, at a desk.
      const staffContext = await newContext(browser, server.baseUrl, 'desktop');
      const staff = await staffContext.newPage();
      await staff.goto('/staf/masuk');
      await staff.locator('#staff-email').fill(agent.email);
      await staff.locator('#staff-password').fill(DEMO_PASSWORD);
      await staff.getByRole('button', { name: 'Lanjut' }).click();
      await staff.locator('#staff-totp').fill(await freshTotp(agent.totpSecret));
      await staff.getByRole('button', { name: 'Masuk', exact: true }).click();
      await staff.waitForURL((url) => url.pathname === '/staf');
      await staff.goto('/staf/tiket');
      const row = staff.locator('li.staff-ticket', { hasText: ticketNumber! });
      await row.getByRole('button', { name: 'Lihat percakapan' }).click();
      await row.getByText(`Pemberi kerja: ${kopi.name} (NPP ${kopi.npp})`).waitFor();
      const attachment = row.locator('.staff-attachment', { hasText: 'slip-gaji-april.png' });
      await attachment.waitFor();
      const attachmentText = (await attachment.textContent()) ?? '';
      expect(attachmentText).toContain('Slip gaji · slip-gaji-april.png');
      expect(attachmentText).toContain(`PNG · ${Math.ceil(png.length / 1024)} KB`);
      expect(attachmentText).toContain(sha256);
      await attachment.getByRole('button', { name: 'Lihat' }).click();
      const image = row.locator('.staff-attachment-viewer img');
      await image.waitFor();
      await expect
        .poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth))
        .toBe(480);
      await attachment.scrollIntoViewIfNeeded();
      await screenshot(staff, 'alert-report-staff-ticket');
      expect(await seriousA11yViolations(staff)).toEqual([]);

      // What the console serves is what the member sent, as a file the browser must not reinterpret.
      const href = await attachment.getByRole('link', { name: /Buka di tab baru/ }).getAttribute('href');
      const served = await staffContext.request.get(href!);
      expect(served.status()).toBe(200);
      expect(served.headers()['x-content-type-options']).toBe('nosniff');
      expect(
        createHash('sha256')
          .update(await served.body())
          .digest('hex'),
      ).toBe(sha256);
      await staffContext.close();
    },
    e2eTimeoutMs,
  );
});
