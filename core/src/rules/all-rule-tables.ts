// Every table of a rule book, reduced to a printable, validated summary each (docs/rules.md, admin page).
import { ruleTablesOf, type RuleBook } from './rule-book';
import { validateRuleTable, type RuleRow, type RuleTable, type RuleTableIssue } from './rule-table';

export type RuleRowSummary = Omit<RuleRow<unknown>, 'value'> & { readonly valueText: string };

export type RuleTableSummary = {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly RuleRowSummary[];
  readonly issues: readonly RuleTableIssue[];
};

export function summariseRuleTable<V>(table: RuleTable<V>): RuleTableSummary {
  return {
    id: table.id,
    title: table.title,
    rows: table.rows.map(({ value, ...row }) => ({ ...row, valueText: table.describe(value) })),
    issues: validateRuleTable(table),
  };
}

/** Every table of the book, in the order docs/rules.md lists them. */
export function allRuleTableSummaries(book: RuleBook): RuleTableSummary[] {
  return ruleTablesOf(book).map((table) => summariseRuleTable(table));
}
