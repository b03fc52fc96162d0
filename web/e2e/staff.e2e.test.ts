// Issue 8's must-show flows against the real server. A call-centre agent signs in with the authenticator
// code, finds a member by NIK, cannot see the balance before verifying identity by the call-centre
// questions (agents never use the branch checklist), sees it after, and the audit log (the member's
// access trail, and the admin's log) shows both steps with the agent's name. A branch officer verifies a
// member with the ID card at the counter, sees the balance, links the member's phone for SMS and sends a
// password reset that the member finishes from the link in the message (the console says where the
// code went, masked). An employer's HR signing in at /masuk gets the authenticator texts, and /staf/masuk
// sends them on to the employer portal.
// Both runs use the demo seed's staff users and members; missing seed data fails the test.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../server/src/identity/totp';
import { maskPhone, parseNik } from '@lumbung/core';
import { DEMO_EMPLOYERS, DEMO_MEMBERS, type DemoMember } from '../../server/src/seed/demo-ledger-cast';
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
const officer = DEMO_STAFF.find((staff) => staff.role === 'branch_officer')!;
const admin = DEMO_STAFF.find((staff) => staff.role === 'admin')!;
/** The demo employer's HR: an authenticator code at every sign-in, like staff. */
const hr = DEMO_STAFF.find((staff) => staff.role === 'employer_admin')!;
const TABLET = { width: 820, height: 1180 };
/** The demo member with two KPJ (an old job and a new one): the caller of the agent run. */
const member = DEMO_MEMBERS.find((candidate) => (candidate.jobs?.length ?? 0) > 1)!;
/** Another demo member with one job: at the branch counter in the officer run. */
const visitor = DEMO_MEMBERS.find((candidate) => candidate !== member && candidate.jobs?.length === 1)!;

function birthDateOf(person: DemoMember): string {
  const parsed = parseNik(person.nik, '2026-01-01');
  if (!parsed.ok) throw new Error(`demo NIK ${person.nik} does not parse`);
  return parsed.value.birthDate;
}

/** What a caller answers for "your last employer": the job that started last. */
function lastEmployerOf(person: DemoMember): string {
  const last = [...(person.jobs ?? [])].sort((a, b) => b.startedOn.localeCompare(a.startedOn))[0];
  const employer = DEMO_EMPLOYERS.find((candidate) => candidate.key === last?.employer);
  if (!employer) throw new Error(`demo member ${person.fullName} has no employer`);
  return employer.name;
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

/** The CSRF token of the context's cookie session, for a write sent with context.request. */
async function csrfToken(context: BrowserContext): Promise<string> {
  const session = await context.request.get('/api/v1/auth/session');
  return ((await session.json()) as { csrfToken: string }).csrfToken;
}

/** Searches by NIK with a reason and opens the single (masked) result; returns the person id. */
async function openMemberByNik(
  page: Page,
  person: DemoMember,
  reason: string,
  name: string,
): Promise<number> {
  await page.getByRole('heading', { level: 1, name: 'Cari anggota' }).waitFor();
  await page.locator('#search-value').fill(person.nik);
  await page.locator('#search-reason').fill(reason);
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  const results = page.locator('.staff-results li');
  const empty = page.getByText('Tidak ada anggota yang cocok.');
  await Promise.race([results.first().waitFor(), empty.waitFor()]);
  await screenshot(page, `staff-${name}-search`);
  expect(await empty.isVisible(), `the demo seed has no member with NIK ${person.nik}`).toBe(false);
  expect(await results.count()).toBe(1);
  const resultText = (await results.first().textContent()) ?? '';
  expect(resultText).not.toContain(person.fullName);
  expect(resultText).toContain(`Lahir ${birthDateOf(person).slice(0, 4)}`);
  await results.first().getByRole('link', { name: 'Buka' }).click();
  await page.getByTestId('balance-locked').waitFor();
  expect(await page.getByTestId('balance-total').count()).toBe(0);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

describe.skipIf(!shouldRun)('staff console on the real server', () => {
  let server: RunningServer;
  let browser: Browser;
  const ready = { staff: false };

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
    'employer HR at /masuk: the authenticator step says nothing of a sent code; /staf/masuk sends HR to /pemberi-kerja',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'mobile');
      const page = await context.newPage();
      await page.goto('/masuk');
      await page.locator('#identifier').fill(hr.email);
      await page.locator('#password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Kode aplikasi autentikator' }).waitFor();
      await page.waitForLoadState('networkidle');
      const step = (await page.locator('main').textContent()) ?? '';
      expect(step).toContain('Buka aplikasi autentikator Anda');
      expect(step).toContain('Kode berganti setiap 30 detik.');
      expect(step).toContain('Pastikan jam di ponsel Anda tepat');
      // Nothing was sent: no validity of a sent code, no "did not arrive", no development outbox.
      expect(step).not.toContain('Kode berlaku 5 menit');
      expect(step).not.toContain('Kode tidak datang');
      expect(step).not.toContain('Mode pengembangan');
      await page.getByLabel('Kode dari aplikasi autentikator (6 angka)').fill(await freshTotp(hr.totpSecret));
      await screenshot(page, 'sign-in-authenticator');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Masuk', exact: true }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/pemberi-kerja'));
      await page.goto('/staf/masuk');
      await page.waitForURL((url) => url.pathname.startsWith('/pemberi-kerja'));
      expect(await page.getByRole('heading', { name: 'Masuk konsol staf' }).count()).toBe(0);
      await context.close();
    },
    e2eTimeoutMs,
  );

  it(
    'agent: TOTP sign-in, find by NIK, balance hidden until verified by phone questions, audit shows both steps',
    async () => {
      expect(ready.staff, `the demo seed needs the staff user ${agent.email}`).toBe(true);
      const context = await newContext(browser, server.baseUrl, 'desktop');
      const page = await context.newPage();
      await signInStaff(page, agent, 'agent');
      const personId = await openMemberByNik(page, member, 'Peserta menelepon 175, kartu hilang', 'agent');

      // Before verification: the balance request is refused and the page says so.
      await screenshot(page, 'staff-member-unverified');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const refused = await context.request.get(`/api/v1/staff/members/${personId}/balances`);
      expect(refused.status()).toBe(403);
      expect(((await refused.json()) as { code: string }).code).toBe('identity_not_verified');

      // An agent is offered the call-centre checklist only, and the server refuses the branch one.
      await page.getByTestId('verify-channel-only').waitFor();
      expect(await page.getByLabel('KTP asli sudah dilihat').count()).toBe(0);
      const bypass = await context.request.post(`/api/v1/staff/members/${personId}/verifications`, {
        headers: { 'x-csrf-token': await csrfToken(context) },
        data: {
          channel: 'branch',
          idCardSeen: true,
          photoMatches: true,
          nik: member.nik,
          reason: 'coba lewat cabang',
        },
      });
      expect(bypass.status()).toBe(403);
      expect(((await bypass.json()) as { code: string }).code).toBe('verification_channel_not_allowed');

      // Call-centre checklist: birth date, registered phone, last employer, as the caller answers.
      await page.locator('#verify-birth').fill(birthDateOf(member));
      await page.locator('#verify-employer').fill(lastEmployerOf(member).replace(/^PT /, ''));
      await page.locator('#verify-phone').fill(member.phone);
      await page.locator('#verify-reason').fill('Peserta menelepon 175 menanyakan saldo');
      await screenshot(page, 'staff-agent-call-checklist');
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

      // A help request opened for the caller shows up in the queue; its thread opens in place and the
      // agent answers it there.
      const opened = await context.request.post(`/api/v1/staff/members/${personId}/tickets`, {
        headers: { 'x-csrf-token': await csrfToken(context) },
        data: { subject: 'Kartu KPJ hilang', body: 'Peserta minta kartu digital diterbitkan ulang.' },
      });
      expect(opened.status()).toBe(201);
      const ticketNumber = ((await opened.json()) as { number: string }).number;
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto('/staf/tiket');
      const row = page.locator('li.staff-ticket', { hasText: ticketNumber });
      await row.getByRole('button', { name: 'Lihat percakapan' }).click();
      await row.getByText('Peserta minta kartu digital diterbitkan ulang.').waitFor();
      await row.getByLabel('Balasan').fill('Kartu digital sudah kami terbitkan ulang. Silakan cek aplikasi.');
      await row.getByRole('button', { name: 'Kirim balasan' }).click();
      await row.locator('.bubble--staff', { hasText: 'Kartu digital sudah kami terbitkan ulang' }).waitFor();
      await row.getByText('Dijawab').waitFor();
      await screenshot(page, 'staff-ticket-thread');
      expect(await seriousA11yViolations(page)).toEqual([]);
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

  it(
    'branch officer: ID card checklist, sees the balance, links the phone for SMS, sends a reset the member finishes',
    async () => {
      const context = await newContext(browser, server.baseUrl, 'desktop');
      const page = await context.newPage();
      await signInStaff(page, officer, 'officer');
      // Every page the branch officer may open (claims included) fits the header's one line at 1280 px.
      const header = await page.locator('.staff-topbar').evaluate((bar) => {
        const links = [...bar.querySelectorAll('.staff-nav a')].map((link) => link.getBoundingClientRect());
        return { links: links.length, tops: new Set(links.map((box) => Math.round(box.top))).size };
      });
      expect(header).toEqual({ links: 5, tops: 1 });
      expect(
        await page.locator('.staff-topbar').evaluate((bar) => bar.getBoundingClientRect().height),
      ).toBeLessThan(72);
      const personId = await openMemberByNik(page, visitor, 'Peserta datang ke cabang, ganti HP', 'officer');

      // A branch officer may choose the counter or the phone; at the counter the card is checked.
      await page.getByLabel('Kantor cabang').check();
      await page.getByLabel('KTP asli sudah dilihat').check();
      await page.getByLabel('Foto KTP cocok dengan orangnya').check();
      await page.locator('#verify-nik').fill(visitor.nik);
      await page.locator('#verify-reason').fill('Peserta datang ke cabang dengan KTP');
      await screenshot(page, 'staff-officer-branch-checklist');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Catat verifikasi' }).click();
      await page.getByTestId('balance-total').waitFor();
      expect(await page.getByTestId('balance-total').textContent()).toMatch(/Rp\s?[1-9]/);
      await screenshot(page, 'staff-officer-verified');

      // Link the member's phone to the active KPJ for the SMS balance service.
      const overview = (await (
        await context.request.get(`/api/v1/staff/members/${personId}/overview`)
      ).json()) as {
        accounts: { kpj: string; status: string }[];
      };
      const kpj = overview.accounts.find((account) => account.status === 'active')?.kpj;
      expect(kpj).toMatch(/^\d{11}$/);
      await page.locator('#act-sms-link-kpj').fill(kpj!);
      await page.locator('#act-sms-link-phone').fill(visitor.phone);
      await page.locator('#act-sms-link-reason').fill('Peserta minta layanan SALDO lewat SMS');
      const form = page.locator('form', { has: page.locator('#act-sms-link-kpj') });
      await form.getByRole('button', { name: 'Hubungkan' }).click();
      await form.getByText('Selesai dan dicatat.').waitFor();
      const e164 = `+62${visitor.phone.slice(1)}`;
      await page.locator('li', { hasText: `${e164} → ${kpj!}` }).waitFor();
      await screenshot(page, 'staff-officer-sms-linked');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const trail = (await page.getByTestId('access-trail').textContent()) ?? '';
      expect(trail).toContain(officer.displayName);

      // A password reset sent from the desk: staff see where it went (masked, never the code); the
      // member gets the code and a link to their own reset page, and finishes there.
      await page.locator('#act-reset-reason').fill('Peserta lupa kata sandi');
      const resetForm = page.locator('form', { has: page.locator('#act-reset-reason') });
      await resetForm.getByRole('button', { name: 'Kirim ke kontak terdaftar' }).click();
      const sentNote = resetForm.getByRole('status').filter({ hasText: 'Kode dikirim lewat SMS ke' });
      await sentNote.waitFor();
      const sentText = ((await sentNote.textContent()) ?? '').replace(/\u00a0/g, ' ').replace(/\u2011/g, '-');
      expect(sentText).toContain(`Kode dikirim lewat SMS ke ${maskPhone(e164)}, nomor HP terdaftar peserta.`);
      expect(sentText).not.toContain(visitor.phone.slice(-6));
      await screenshot(page, 'staff-officer-reset-sent');
      await context.close();
      const outbox = (await (
        await fetch(`${server.baseUrl}/api/v1/dev/outbox?to=${encodeURIComponent(e164)}`)
      ).json()) as { messages: { text: string }[] };
      const message = outbox.messages.find((candidate) => candidate.text.includes('/lupa-kata-sandi?c='));
      const link = /(https?:\/\/\S+\/lupa-kata-sandi\?c=[A-Za-z0-9_-]+)/.exec(message?.text ?? '')?.[1];
      const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
      expect(link, message?.text).toBeDefined();
      expect(code).toMatch(/^\d{6}$/);
      const memberContext = await newContext(browser, server.baseUrl, 'mobile');
      const memberPage = await memberContext.newPage();
      await memberPage.goto(link!);
      await memberPage.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' }).waitFor();
      await memberPage.locator('#reset-code').fill(code!);
      await memberPage.locator('#newPassword').fill('sawah-hijau-di-ubud');
      await screenshot(memberPage, 'member-reset-from-desk-link');
      expect(await seriousA11yViolations(memberPage)).toEqual([]);
      await memberPage.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
      await memberPage.getByRole('heading', { level: 1, name: 'Kata sandi diganti' }).waitFor();
      await screenshot(memberPage, 'member-reset-from-desk-done');
      await memberContext.close();
    },
    e2eTimeoutMs,
  );
});
