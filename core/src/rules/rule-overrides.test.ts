import { describe, expect, it } from 'vitest';
import { calculateContribution, findProgramme } from '../contribution/contribution-calculator';
import { errorMessage, isErrorCode } from '../errors/index';
import { defaultRuleBook, ruleTableIds, ruleTablesOf } from './rule-book';
import {
  checkNewOverride,
  fitsRuleTable,
  hasSameShape,
  layerRuleOverrides,
  type RuleOverride,
} from './rule-overrides';
import { ruleTableIssueCodes, validateRuleTable, type RuleTable } from './rule-table';

const capRow = (
  overrideId: number,
  wageCapRupiah: number,
  validFrom: string,
  validTo: string | null = null,
) =>
  ({
    overrideId,
    tableId: 'jp_wage_cap',
    value: { wageCapRupiah },
    validFrom,
    validTo,
    regulation: 'Surat Direksi BPJS Ketenagakerjaan',
    article: 'lampiran',
  }) satisfies RuleOverride;

const jpLine = (book: typeof defaultRuleBook, period: string) => {
  const bill = calculateContribution(
    { wageMonthlyRupiah: 12_000_000, period, segment: 'PU', riskClass: 'low' },
    book,
  );
  if (!bill.ok) throw new Error(bill.code);
  return findProgramme(bill.value, 'JP');
};

describe('defaultRuleBook', () => {
  it('holds every built-in table under its own id, each sound', () => {
    expect(Object.keys(defaultRuleBook).sort()).toEqual([...ruleTableIds].sort());
    for (const table of ruleTablesOf(defaultRuleBook)) expect(validateRuleTable(table), table.id).toEqual([]);
    expect(ruleTablesOf(defaultRuleBook).map((table) => table.id)).toEqual(ruleTableIds);
  });
});

describe('layerRuleOverrides', () => {
  it('an operator’s 2026 JP wage cap closes the 2025 row and bills JP on the new cap', () => {
    const { book, rejected } = layerRuleOverrides(defaultRuleBook, [capRow(1, 11_000_000, '2026-03-01')]);
    expect(rejected).toEqual([]);
    const rows = book.jp_wage_cap.rows;
    expect(rows.at(-2)).toMatchObject({ validFrom: '2025-03-01', validTo: '2026-02-28' });
    expect(rows.at(-1)).toMatchObject({
      value: { wageCapRupiah: 11_000_000 },
      validFrom: '2026-03-01',
      validTo: null,
      confidence: 'H',
      isOverride: true,
    });
    // PP 45/2015 art. 28–29: 1% worker + 2% employer on the capped wage.
    expect(jpLine(book, '2026-04')).toMatchObject({
      baseRupiah: 11_000_000,
      workerRupiah: 110_000,
      employerRupiah: 220_000,
    });
    expect(jpLine(book, '2026-02')).toMatchObject({ baseRupiah: 10_547_400, workerRupiah: 105_474 });
    // The built-in book is data, not state: layering never changes it.
    expect(jpLine(defaultRuleBook, '2026-04')).toMatchObject({ baseRupiah: 10_547_400 });
    expect(book.pu_jht_rate).toBe(defaultRuleBook.pu_jht_rate);
  });

  it('applies rows by first day, and a later row from the same day corrects an earlier one', () => {
    const { book, rejected } = layerRuleOverrides(defaultRuleBook, [
      capRow(3, 11_600_000, '2027-03-01'),
      capRow(1, 11_000_000, '2026-03-01'),
      capRow(2, 11_085_000, '2026-03-01'),
    ]);
    expect(rejected).toEqual([]);
    expect(book.jp_wage_cap.rows.slice(-3)).toMatchObject([
      { validFrom: '2025-03-01', validTo: '2026-02-28', regulation: 'PP 45/2015 art. 29(3)-(4)' },
      { value: { wageCapRupiah: 11_085_000 }, validFrom: '2026-03-01', validTo: '2027-02-28' },
      { value: { wageCapRupiah: 11_600_000 }, validFrom: '2027-03-01', validTo: null },
    ]);
  });

  it('rejects rows that would overlap, leave a gap, have another shape or name no table', () => {
    const { book, rejected } = layerRuleOverrides(defaultRuleBook, [
      capRow(1, 10_900_000, '2025-03-01'),
      capRow(2, 11_000_000, '2026-03-01', '2026-12-31'),
      capRow(3, 11_500_000, '2027-03-01'),
      { ...capRow(4, 1, '2028-03-01'), value: { capRupiah: 1 } },
      { ...capRow(5, 1, '2028-03-01'), tableId: 'jp_wage_ceiling' },
      { ...capRow(6, 1, '2028-03-01'), validFrom: '2028-02-30' },
    ]);
    expect(
      rejected.map((each) => [each.override.overrideId, each.issues.map((issue) => issue.code)]),
    ).toEqual([
      [1, ['rule_row_starts_too_early']],
      [3, ['rule_row_gap']],
      [6, ['rule_row_date_invalid']],
      [4, ['rule_row_value_shape']],
      [5, ['rule_table_unknown']],
    ]);
    expect(rejected.find((each) => each.override.overrideId === 3)?.issues[0]?.params).toEqual({
      from: '01-01-2027',
      to: '28-02-2027',
    });
    // The accepted row stands; the rejected ones change nothing.
    expect(book.jp_wage_cap.rows.at(-1)).toMatchObject({ validFrom: '2026-03-01', validTo: '2026-12-31' });
    expect(validateRuleTable(book.jp_wage_cap)).toEqual([]);
  });
});

describe('checkNewOverride', () => {
  it('accepts next year’s row and refuses one that would push a stored row out', () => {
    const stored = [capRow(7, 11_600_000, '2027-03-01')];
    expect(checkNewOverride(defaultRuleBook, stored, capRow(0, 11_000_000, '2026-03-01'))).toEqual([]);
    const pushing = checkNewOverride(
      defaultRuleBook,
      stored,
      capRow(0, 11_000_000, '2026-03-01', '2027-06-30'),
    );
    expect(pushing.map((issue) => issue.code)).toEqual(['rule_row_overlap']);
    expect(checkNewOverride(defaultRuleBook, [], capRow(0, 9_000_000, '2024-03-01'))).toMatchObject([
      { code: 'rule_row_starts_too_early', params: { last: '01-03-2025' } },
    ]);
  });
});

describe('issue codes', () => {
  it('every issue kind has a code with an Indonesian and an English message naming its dates', () => {
    for (const code of Object.values(ruleTableIssueCodes)) expect(isErrorCode(code), code).toBe(true);
    const params = { from: '01-01-2027', to: '28-02-2027' };
    expect(errorMessage('rule_row_gap', 'id', params)).toBe(
      'Tidak akan ada aturan yang berlaku dari 01-01-2027 sampai 28-02-2027.',
    );
    expect(errorMessage('rule_row_gap', 'en', params)).toBe(
      'No rule would be in force from 01-01-2027 to 28-02-2027.',
    );
  });
});

describe('value shapes', () => {
  it('compares keys and primitive types, and accepts the shape of any row of the table', () => {
    expect(hasSameShape({ a: 1, b: [{ c: 'x' }] }, { b: [{ c: 'y' }], a: 2 })).toBe(true);
    expect(hasSameShape({ a: 1 }, { a: 1.5 })).toBe(false);
    expect(hasSameShape({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    const nullable: RuleTable<unknown> = {
      id: 't',
      title: 'T',
      describe: String,
      rows: [
        {
          value: { cap: 1 },
          validFrom: '2020-01-01',
          validTo: '2020-12-31',
          regulation: 'R',
          article: 'a',
          confidence: 'L',
        },
        {
          value: { cap: null },
          validFrom: '2021-01-01',
          validTo: null,
          regulation: 'R',
          article: 'a',
          confidence: 'L',
        },
      ],
    };
    expect(fitsRuleTable(nullable, { cap: 5 })).toBe(true);
    expect(fitsRuleTable(nullable, { cap: null })).toBe(true);
    expect(fitsRuleTable(nullable, { cap: 'x' })).toBe(false);
  });
});
