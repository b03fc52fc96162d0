import { describe, expect, it } from 'vitest';
import { parseWageReportCsv } from '../../../server/src/employer/wage-report-csv';
import { buildWageReportTemplate } from './wage-report-template';

const workers = [
  { kpj: '99000000010', endedOn: null },
  { kpj: '99000000028', endedOn: '2022-06-30' },
  { kpj: '99000000069', endedOn: null },
];

describe('wage report template', () => {
  it('starts with the exact header and lists only the active workers', () => {
    expect(buildWageReportTemplate('2026-11', workers).split('\r\n')).toEqual([
      'period,nik,kpj,wage',
      '2026-11,,99000000010,',
      '2026-11,,99000000069,',
      '',
    ]);
  });

  it("is read by the server's own CSV parser once the wages are typed in", () => {
    const filled = buildWageReportTemplate('2026-11', workers).replace(/,\r\n/g, ',4500000\r\n');
    const parsed = parseWageReportCsv(filled);
    expect(parsed).toEqual({
      ok: true,
      errors: [],
      lines: [
        { line: 2, period: '2026-11', kpj: '99000000010', wage: '4500000' },
        { line: 3, period: '2026-11', kpj: '99000000069', wage: '4500000' },
      ],
    });
  });
});
