import { describe, expect, it } from 'vitest';
import { allRuleTableSummaries } from './all-rule-tables';
import { defaultRuleBook } from './rule-book';
import { renderRulesMarkdown } from './rules-doc';

describe('renderRulesMarkdown', () => {
  const markdown = renderRulesMarkdown();

  it('lists every table and every row with its citation', () => {
    for (const summary of allRuleTableSummaries(defaultRuleBook)) {
      expect(markdown).toContain(`## ${summary.title}`);
      for (const row of summary.rows)
        expect(markdown).toContain(`| ${row.validFrom} | ${row.validTo ?? '—'} |`);
    }
    expect(markdown).toContain('| 2024-03-01 | 2025-02-28 | Rp10.042.300 |');
    expect(markdown).toContain('| jpWageCap | floor | 100 | H |');
  });

  it('is deterministic and every table row has seven cells', () => {
    expect(renderRulesMarkdown()).toBe(markdown);
    const rows = markdown.split('\n').filter((line) => /^\| \d{4}-\d{2}-\d{2} \|/.test(line));
    for (const row of rows) expect(row.replace(/\\\|/g, '').split('|').length - 2).toBe(7);
  });
});
