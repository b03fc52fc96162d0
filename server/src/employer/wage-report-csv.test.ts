import { issueKpj } from '@lumbung/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/test-context';
import { createEmployer } from './employer-store';
import { parseWageReportCsv, splitCsvLine } from './wage-report-csv';
import { importWageReport } from './wage-report-service';

const WORKERS = 10_000;
let test: TestContext;
let employerId: number;
const kpjs: string[] = [];

async function countRows(table: 'wage_reports' | 'bill_lines' | 'bills') {
  const [row] = (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(test.ctx.db))
    .rows;
  return row?.n;
}

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00Z' });
  employerId = await createEmployer(test.ctx, {
    npp: 'NPP-CSV-1',
    name: 'PT Sepuluh Ribu',
    riskClass: 'low',
  });
  // Fixture: 10,000 employed workers. Persons are inserted in one statement (a test shortcut past the
  // person store, which writes one row per call) with the same cipher and blind index it uses.
  const niks = Array.from({ length: WORKERS }, (_, i) => `320110010185${String(1 + i).padStart(4, '0')}`);
  for (let i = 0; i < WORKERS; i += 1) kpjs.push(issueKpj(500_000 + i));
  await sql`
    with p as (
      insert into persons (nik_cipher, nik_index, full_name, name_key, birth_date, sex)
      select nik_cipher, nik_index, 'Pekerja ' || n, 'pekerja' || n, '1985-01-01', 'M'
      from unnest(${niks.map((nik) => test.ctx.pii.encrypt(nik))}::text[],
        ${niks.map((nik) => test.ctx.pii.blindIndex('nik', nik))}::text[], ${kpjs}::text[])
        with ordinality as t(nik_cipher, nik_index, kpj, n)
      returning person_id, nik_index
    ),
    a as (
      insert into member_accounts (person_id, kpj, segment, joined_on)
      select p.person_id, t.kpj, 'PU', '2024-01-01'
      from p join unnest(${niks.map((nik) => test.ctx.pii.blindIndex('nik', nik))}::text[], ${kpjs}::text[])
        as t(nik_index, kpj) on t.nik_index = p.nik_index
      returning account_id, person_id
    )
    insert into employments (employer_id, person_id, account_id, started_on)
    select ${employerId}, person_id, account_id, '2024-01-01' from a
  `.execute(test.ctx.db);
}, 180_000);
afterAll(async () => test.close());

describe('CSV reading', () => {
  it('splits quoted fields and semicolons', () => {
    expect(splitCsvLine('a,"b, c","d ""e"""', ',')).toEqual(['a', 'b, c', 'd "e"']);
    const parsed = parseWageReportCsv('\uFEFFperiode;kpj;upah\r\n2026-10;99000000018;5000000\r\n\r\n');
    expect(parsed).toEqual({
      ok: true,
      lines: [{ line: 2, period: '2026-10', kpj: '99000000018', wage: '5000000' }],
      errors: [],
    });
    expect(parseWageReportCsv('name,wage\nx,1')).toEqual({ ok: false, code: 'wage_report_header_invalid' });
    expect(parseWageReportCsv('kpj,wage\n1,2,3', '2026-10')).toMatchObject({
      ok: true,
      errors: [{ line: 2, code: 'wage_report_columns_invalid' }],
    });
  });
});

describe('a 10,000-line CSV', () => {
  const csv = (badLine?: number): string => {
    const rows = ['period,kpj,wage'];
    kpjs.forEach((kpj, i) => rows.push(`2026-10,${kpj},${i + 2 === badLine ? '4500000.50' : 4_500_000 + i}`));
    return rows.join('\n');
  };

  it('with one bad line imports nothing and names the line', async () => {
    const parsed = parseWageReportCsv(csv(7_777));
    if (!parsed.ok) throw new Error(parsed.code);
    expect(parsed.lines).toHaveLength(WORKERS);
    const result = await importWageReport(test.ctx, employerId, parsed.lines, parsed.errors);
    expect(result).toMatchObject({
      ok: false,
      code: 'wage_report_invalid',
      params: { count: 1 },
      lineErrors: [{ line: 7_777, field: 'wage', code: 'wage_report_wage_invalid' }],
    });
    expect(await countRows('wage_reports')).toBe(0);
    expect(await countRows('bills')).toBe(0);
  });

  it('once clean, imports all lines in one go', async () => {
    const parsed = parseWageReportCsv(csv());
    if (!parsed.ok) throw new Error(parsed.code);
    const result = await importWageReport(test.ctx, employerId, parsed.lines);
    expect(result).toMatchObject({ ok: true, value: { importedLines: WORKERS } });
    expect(await countRows('wage_reports')).toBe(WORKERS);
    expect(await countRows('bill_lines')).toBe(WORKERS);
  });
});
