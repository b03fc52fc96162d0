// The documents part of the member flow: the e-statement and the digital card, each checked the way a
// third party would. The statement PDF's totals must add up and end at the ledger's balance, then the
// public verify page accepts the file as issued and rejects a copy with one byte changed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot, seriousA11yViolations } from './harness';

/** "Rp 1.234.567" or "-Rp 1.234" anywhere in a line → integer Rupiah; the last amount on the line. */
function lastAmount(line: string): number {
  const amounts = [...line.matchAll(/(-?)\s?Rp\s?([\d.]+)/g)];
  const last = amounts.at(-1);
  if (!last?.[2]) throw new Error(`no amount in: ${line}`);
  return (last[1] === '-' ? -1 : 1) * Number(last[2].replaceAll('.', ''));
}

function summaryAmount(text: string, label: string): number {
  const line = text.split('\n').find((candidate) => candidate.trimStart().startsWith(label));
  if (!line) throw new Error(`the statement has no "${label}" line:\n${text}`);
  return lastAmount(line);
}

export async function downloadAndCheckStatement(page: Page, ledgerTotalRupiah: number): Promise<void> {
  await page.goto('/e-statement');
  await page.getByRole('heading', { level: 1, name: 'E-statement' }).waitFor();
  // From January nine years ago (a statement spans at most 120 months) to this month: the closing
  // balance is today's balance.
  const now = new Date();
  await page.locator('#from-month').selectOption('1');
  await page.locator('#from-year').selectOption(String(now.getFullYear() - 9));
  await page.locator('#to-month').selectOption(String(now.getMonth() + 1));
  await page.locator('#to-year').selectOption(String(now.getFullYear()));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Buat dan unduh PDF' }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-statement-'));
  try {
    await checkDownloadedStatement(page, download, dir, ledgerTotalRupiah);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkDownloadedStatement(
  page: Page,
  download: Download,
  dir: string,
  ledgerTotalRupiah: number,
): Promise<void> {
  const pdfPath = join(dir, 'statement.pdf');
  await download.saveAs(pdfPath);
  const code = await page.locator('strong.code').textContent();
  expect(code).toMatch(/\S{6,}/);
  await screenshot(page, 'flow-e-statement');
  expect(await seriousA11yViolations(page)).toEqual([]);

  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  const opening = summaryAmount(text, 'Saldo awal');
  const worker = summaryAmount(text, '+ Iuran pekerja');
  const employer = summaryAmount(text, '+ Iuran pemberi kerja');
  const returns = summaryAmount(text, '+ Hasil pengembangan');
  const withdrawn = summaryAmount(text, '- Penarikan');
  const closing = summaryAmount(text, 'Saldo akhir');
  expect(opening + worker + employer + returns - Math.abs(withdrawn)).toBe(closing);
  expect(closing).toBeGreaterThan(0);
  expect(closing).toBe(ledgerTotalRupiah);

  // The public verify page: the issued file matches, a copy with one byte changed does not.
  const tamperedPath = join(dir, 'tampered.pdf');
  const bytes = readFileSync(pdfPath);
  const middle = Math.floor(bytes.length / 2);
  bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
  writeFileSync(tamperedPath, bytes);
  await page.goto(`/verify/${encodeURIComponent(code ?? '')}`);
  await page.getByText('E-statement ini diterbitkan oleh Lumbung').waitFor();
  for (const [file, verdict] of [
    [pdfPath, 'Berkas ini sama persis dengan yang diterbitkan.'],
    [tamperedPath, 'Berkas ini TIDAK sama dengan yang diterbitkan. Isinya mungkin telah diubah.'],
  ] as const) {
    await page.locator('#statement-file').setInputFiles(file);
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await expect.poll(() => page.getByTestId('file-verdict').textContent()).toBe(verdict);
  }
  await screenshot(page, 'flow-verify-tampered');
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** The card's QR link opens a public page that knows the card, masked; an unknown code is refused. */
export async function checkCardVerifyPage(page: Page, fullName: string): Promise<void> {
  await page.goto('/kartu');
  const code = (await page.locator('p strong.code').textContent())?.trim() ?? '';
  expect(code).not.toBe('');
  await page.goto(`/verify/card/${encodeURIComponent(code)}`);
  await page.getByText('Kartu ini diterbitkan oleh Lumbung').waitFor();
  const shown = await page.locator('dl.facts dd').first().textContent();
  expect(shown).not.toBe(fullName);
  expect(shown?.[0]).toBe(fullName[0]);
  await screenshot(page, 'flow-verify-card');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.goto('/verify/card/ZZZZZZZZZZ');
  await page.getByText('Kartu tidak dikenal').waitFor();
}
