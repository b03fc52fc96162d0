// Reads a wage report CSV (comma or semicolon, as spreadsheets in Indonesia write it) into raw lines with
// their line numbers; validation happens in wage-report-service.ts so the JSON API shares it.
import type { ErrorCode } from '@lumbung/core';

export interface RawWageLine {
  /** 1-based line in the file (the header is line 1), or the item number in a JSON report. */
  readonly line: number;
  readonly period?: string;
  readonly nik?: string;
  readonly kpj?: string;
  readonly wage: string | number;
}

export interface LineError {
  readonly line: number;
  readonly field?: string;
  readonly code: ErrorCode;
  readonly params?: Readonly<Record<string, string | number>>;
}

export const MAX_WAGE_REPORT_LINES = 50_000;

const HEADER_ALIASES: Readonly<Record<string, 'period' | 'nik' | 'kpj' | 'wage'>> = {
  period: 'period',
  periode: 'period',
  nik: 'nik',
  kpj: 'kpj',
  wage: 'wage',
  upah: 'wage',
};

/** Splits one CSV line, honouring "quoted, fields" and "" escapes. */
export function splitCsvLine(text: string, separator: string): string[] {
  const fields: string[] = [];
  let current = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        current += '"';
        index += 1;
      } else if (char === '"') isQuoted = false;
      else current += char;
    } else if (char === '"') isQuoted = true;
    else if (char === separator) {
      fields.push(current.trim());
      current = '';
    } else current += char;
  }
  fields.push(current.trim());
  return fields;
}

export type CsvParse =
  | { readonly ok: true; readonly lines: RawWageLine[]; readonly errors: LineError[] }
  | {
      readonly ok: false;
      readonly code: 'wage_report_header_invalid' | 'wage_report_empty' | 'wage_report_too_many_lines';
    };

/** `defaultPeriod` applies to every line when the file has no period column. */
export function parseWageReportCsv(text: string, defaultPeriod?: string): CsvParse {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerText = rows[0] ?? '';
  const separator = headerText.includes(';') && !headerText.includes(',') ? ';' : ',';
  const header = splitCsvLine(headerText, separator).map((name) => HEADER_ALIASES[name.toLowerCase()]);
  const column = (name: 'period' | 'nik' | 'kpj' | 'wage'): number => header.indexOf(name);
  const hasWorker = column('nik') >= 0 || column('kpj') >= 0;
  if (!hasWorker || column('wage') < 0 || (column('period') < 0 && !defaultPeriod)) {
    return { ok: false, code: 'wage_report_header_invalid' };
  }
  const dataRows = rows.length - 1;
  if (dataRows > MAX_WAGE_REPORT_LINES + 1) return { ok: false, code: 'wage_report_too_many_lines' };
  const lines: RawWageLine[] = [];
  const errors: LineError[] = [];
  for (let index = 1; index < rows.length; index += 1) {
    const rowText = rows[index] ?? '';
    if (rowText.trim() === '') continue;
    const lineNumber = index + 1;
    const fields = splitCsvLine(rowText, separator);
    if (fields.length !== header.length) {
      errors.push({ line: lineNumber, code: 'wage_report_columns_invalid' });
      continue;
    }
    const at = (name: 'period' | 'nik' | 'kpj' | 'wage'): string | undefined => {
      const position = column(name);
      return position >= 0 ? fields[position] : undefined;
    };
    const period = at('period') || defaultPeriod;
    const nik = at('nik');
    const kpj = at('kpj');
    lines.push({
      line: lineNumber,
      ...(period ? { period } : {}),
      ...(nik ? { nik } : {}),
      ...(kpj ? { kpj } : {}),
      wage: at('wage') ?? '',
    });
  }
  if (lines.length === 0 && errors.length === 0) return { ok: false, code: 'wage_report_empty' };
  if (lines.length > MAX_WAGE_REPORT_LINES) return { ok: false, code: 'wage_report_too_many_lines' };
  return { ok: true, lines, errors };
}
