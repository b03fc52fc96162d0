import { describe, expect, it } from 'vitest';
import { allRuleTableSummaries } from './all-rule-tables';
import { defaultRuleBook } from './rule-book';
import { formatBasisPoints } from './describe';
import { getRuleInForce, ruleInForce, validateRuleTable, type RuleRow, type RuleTable } from './rule-table';

const row = (value: number, validFrom: string, validTo: string | null): RuleRow<number> => ({
  value,
  validFrom,
  validTo,
  regulation: 'Test',
  article: 'art. 1',
  confidence: 'H',
});

const table = (rows: RuleRow<number>[]): RuleTable<number> => ({
  id: 'test',
  title: 'Test',
  rows,
  describe: String,
});

describe('ruleInForce', () => {
  const sample = table([row(1, '2020-01-01', '2020-12-31'), row(2, '2021-01-01', null)]);

  it.each([
    ['2020-01-01', 1],
    ['2020-12-31', 1],
    ['2021-01-01', 2],
    ['2099-01-01', 2],
  ])('on %s the value is %i', (date, value) => {
    expect(ruleInForce(sample, date)).toMatchObject({ ok: true, value: { value } });
  });

  it('names the error for a date before the first row or after a closed last row', () => {
    expect(ruleInForce(sample, '2019-12-31')).toEqual({
      ok: false,
      code: 'rule_not_in_force',
      params: { table: 'Test', date: '2019-12-31' },
    });
    const closed = table([row(1, '2020-01-01', '2020-12-31')]);
    expect(ruleInForce(closed, '2021-01-01')).toMatchObject({ ok: false, code: 'rule_not_in_force' });
    expect(() => getRuleInForce(closed, '2021-01-01')).toThrow();
  });
});

describe('validateRuleTable', () => {
  it('reports gaps, overlaps, inverted and misplaced open rows', () => {
    const issues = validateRuleTable(
      table([
        row(1, '2020-01-01', '2020-06-30'),
        row(2, '2020-08-01', '2020-12-31'), // gap in July
        row(3, '2020-12-01', '2020-11-30'), // overlap and inverted
        row(4, '2020-12-01', null),
        row(5, '2021-01-01', null),
      ]),
    );
    expect(issues.map((issue) => issue.kind)).toEqual(['gap', 'overlap', 'inverted', 'open_row_not_last']);
    expect(validateRuleTable(table([]))[0]?.kind).toBe('empty');
  });

  it('every built-in table has no gaps or overlaps, and cites a regulation on every row', () => {
    const summaries = allRuleTableSummaries(defaultRuleBook);
    expect(summaries.length).toBeGreaterThanOrEqual(19);
    for (const summary of summaries) {
      expect(summary.issues, summary.id).toEqual([]);
      for (const rule of summary.rows) {
        expect(rule.regulation.length, summary.id).toBeGreaterThan(2);
        expect(rule.article.length, summary.id).toBeGreaterThan(2);
        expect(rule.valueText.length, summary.id).toBeGreaterThan(0);
      }
    }
    expect(new Set(summaries.map((s) => s.id)).size).toBe(summaries.length);
  });
});

describe('formatBasisPoints', () => {
  it.each([
    [54, '0.54%'],
    [9900, '99%'],
    [-207, '-2.07%'],
    [30, '0.3%'],
    [0, '0%'],
  ])('%i → %s', (basisPoints, text) => {
    expect(formatBasisPoints(basisPoints)).toBe(text);
  });
});
