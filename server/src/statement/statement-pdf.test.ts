// The statement's layout as a reader sees it (pdftotext): each KPJ is a value beside its employer, not
// a label, and employer names are printed whole, wrapping onto a second line when they are long.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderStatementPdf, type StatementLine, type StatementPdfData } from './statement-pdf';

const hasPdftotext = existsSync('/usr/bin/pdftotext');
const dir = mkdtempSync(join(tmpdir(), 'lumbung-statement-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG_NAME = 'PT Sinar Logistik Indonesia Cabang Surabaya Timur';

function statement(): StatementPdfData {
  const lines: StatementLine[] = ['2022-05', '2022-06', '2022-07', '2022-08'].map((period, index) => ({
    period,
    kpj: index < 2 ? '99000000135' : '99000000127',
    employerName: index < 2 ? 'PT Nusantara Tekstil Abadi' : LONG_NAME,
    wageRupiah: 4_410_000,
    workerRupiah: 88_200,
    employerRupiah: 163_170,
    developmentReturnRupiah: 0,
    withdrawalRupiah: 0,
  }));
  return {
    fullName: 'Budi Santoso',
    accounts: [
      { kpj: '99000000135', employerName: 'PT Nusantara Tekstil Abadi', npp: '11010123' },
      { kpj: '99000000127', employerName: LONG_NAME, npp: '13020456' },
    ],
    fromPeriod: '2022-05',
    toPeriod: '2022-08',
    openingBalanceRupiah: 1_000_000,
    lines,
    totals: {
      workerRupiah: 352_800,
      employerRupiah: 652_680,
      developmentReturnRupiah: 0,
      withdrawalRupiah: 0,
    },
    closingBalanceRupiah: 1_000_000 + 352_800 + 652_680,
    generatedAt: new Date('2026-12-02T02:30:00Z'),
    code: 'ABCDEFGHJKMN',
    verifyUrl: 'http://localhost:3000/verify/ABCDEFGHJKMN',
  };
}

async function textOf(data: StatementPdfData): Promise<string[]> {
  const file = join(dir, 'statement.pdf');
  writeFileSync(file, await renderStatementPdf(data));
  return execFileSync('/usr/bin/pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\n');
}

describe.skipIf(!hasPdftotext)('statement PDF layout', () => {
  it('prints each KPJ with its employer as a value under one label', async () => {
    const lines = await textOf(statement());
    const label = lines.findIndex((line) => line.includes('Kepesertaan / Accounts'));
    expect(label).toBeGreaterThan(-1);
    expect(lines[label]).toMatch(/Kepesertaan \/ Accounts\s+KPJ 99000000135 — PT Nusantara Tekstil Abadi/);
    // No line starts with the KPJ in the label column any more.
    expect(lines.filter((line) => /^\s*KPJ 9900000013[57]\s{2,}/.test(line))).toEqual([]);
    expect(lines.join('\n')).toContain('KPJ 99000000127 — PT Sinar Logistik Indonesia');
  });

  it('prints employer names whole in the monthly table, wrapping a long one', async () => {
    const lines = await textOf(statement());
    const rows = lines.filter((line) => /^\s*0[5-8]-2022\s/.test(line));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/05-2022\s+99000000135\s+PT Nusantara Tekstil Abadi\s+4\.410\.000/);
    expect(lines.join('\n')).not.toContain('…');
    const long = lines.findIndex((line) => /^\s*07-2022\s/.test(line));
    // The long name's rest is on the next line, under the employer column.
    expect(`${lines[long]} ${lines[long + 1]}`.replace(/\s+/g, ' ')).toContain(
      'PT Sinar Logistik Indonesia Cabang',
    );
    expect(lines[long + 1]).toMatch(/^\s+Surabaya Timur\s*$/);
  });
});
