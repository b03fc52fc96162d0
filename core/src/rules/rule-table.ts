// Effective-dated rule tables: every rate, cap, age and amount is a row with its dates and citation,
// and a calculation asks "which row was in force on date D".
import type { ErrorCode } from '../errors/index';
import type { Message } from '../errors/message';
import { assert, err, ok, type Result } from '../result';
import {
  addDays,
  compareDates,
  formatDateIndonesian,
  isCalendarDate,
  type CalendarDate,
} from '../time/calendar-date';

/** H: regulation text or several agreeing sources · M: one good source or checked arithmetic · L: default. */
export type Confidence = 'H' | 'M' | 'L';

export type RuleRow<V> = {
  readonly value: V;
  /** First day the row applies. */
  readonly validFrom: CalendarDate;
  /** Last day the row applies (inclusive), or null while it is still in force. */
  readonly validTo: CalendarDate | null;
  /** The regulation, e.g. 'PP 45/2015'. */
  readonly regulation: string;
  /** Article or other locator, e.g. 'art. 29(3)'. */
  readonly article: string;
  readonly confidence: Confidence;
  readonly note?: string;
  /**
   * The citation as a member reads it ("Dasar aturan"), in Indonesian legal form (Pasal, ayat, jo.) and
   * in English; without it, regulation and article are shown as written.
   */
  readonly citation?: Message;
  /** True for a row an operator added (rule_row_overrides), layered over the built-in rows. */
  readonly isOverride?: boolean;
};

export type RuleTable<V> = {
  /** Stable identifier, e.g. 'jp_wage_cap'. */
  readonly id: string;
  readonly title: string;
  /** Rows in date order; together they must cover a contiguous range without overlaps. */
  readonly rows: readonly RuleRow<V>[];
  /** How a value reads in docs/rules.md. */
  readonly describe: (value: V) => string;
};

export type RuleTableIssueKind =
  | 'empty'
  | 'invalid_date'
  | 'inverted'
  | 'gap'
  | 'overlap'
  | 'open_row_not_last'
  | 'starts_too_early'
  | 'value_shape'
  | 'unknown_table';

/** The stable error code of each kind, with its Indonesian and English message (errors/rules-errors.ts). */
export const ruleTableIssueCodes = {
  empty: 'rule_table_empty',
  invalid_date: 'rule_row_date_invalid',
  inverted: 'rule_row_dates_inverted',
  gap: 'rule_row_gap',
  overlap: 'rule_row_overlap',
  open_row_not_last: 'rule_row_open_not_last',
  starts_too_early: 'rule_row_starts_too_early',
  value_shape: 'rule_row_value_shape',
  unknown_table: 'rule_table_unknown',
} as const satisfies Record<RuleTableIssueKind, ErrorCode>;

export type RuleTableIssue = {
  readonly tableId: string;
  readonly kind: RuleTableIssueKind;
  readonly code: (typeof ruleTableIssueCodes)[RuleTableIssueKind];
  readonly rowIndex: number;
  /** The values the code's message names (dates as DD-MM-YYYY). */
  readonly params: Readonly<Record<string, string>>;
  /** A technical one-line description in English, for logs and load-time assertions. */
  readonly detail: string;
};

/** One issue of `kind`, with its code and the params its message interpolates. */
export function ruleTableIssue(
  tableId: string,
  kind: RuleTableIssueKind,
  rowIndex: number,
  detail: string,
  params: Readonly<Record<string, string>> = {},
): RuleTableIssue {
  return { tableId, kind, code: ruleTableIssueCodes[kind], rowIndex, params, detail };
}

const shown = (date: CalendarDate): string => (isCalendarDate(date) ? formatDateIndonesian(date) : date);

/** The row in force on `date`, or rule_not_in_force (before the first row or after a closed last row). */
export function ruleInForce<V>(
  table: RuleTable<V>,
  date: CalendarDate,
): Result<RuleRow<V>, 'rule_not_in_force'> {
  assert(isCalendarDate(date), `ruleInForce needs a real date, got '${date}'`);
  for (let index = table.rows.length - 1; index >= 0; index -= 1) {
    const row = table.rows[index];
    if (row === undefined || compareDates(row.validFrom, date) > 0) continue;
    if (row.validTo === null || compareDates(date, row.validTo) <= 0) return ok(row);
    break;
  }
  return err('rule_not_in_force', { table: table.title, date });
}

/** How a member reads the row's source: its citation, or regulation and article as written. */
export function citationOf(row: RuleRow<unknown>): Message {
  if (row.citation) return row.citation;
  const text = `${row.regulation} ${row.article}`;
  return { id: text, en: text };
}

/** Like ruleInForce, for dates the caller has already checked; a missing rule is a programmer error. */
export function getRuleInForce<V>(table: RuleTable<V>, date: CalendarDate): RuleRow<V> {
  const found = ruleInForce(table, date);
  assert(found.ok, `no '${table.id}' rule in force on ${date}`);
  return found.value;
}

/** The value in force on `date`, or null when no row covers it. */
export function findRuleValue<V>(table: RuleTable<V>, date: CalendarDate): V | null {
  const found = ruleInForce(table, date);
  return found.ok ? found.value.value : null;
}

export function firstValidFrom<V>(table: RuleTable<V>): CalendarDate {
  const first = table.rows[0];
  assert(first !== undefined, `table '${table.id}' is empty`);
  return first.validFrom;
}

/** Gaps, overlaps and malformed rows; an empty list means the table is sound. */
export function validateRuleTable<V>(table: RuleTable<V>): RuleTableIssue[] {
  const issues: RuleTableIssue[] = [];
  const issue = (
    kind: RuleTableIssueKind,
    rowIndex: number,
    detail: string,
    params?: Readonly<Record<string, string>>,
  ): void => {
    issues.push(ruleTableIssue(table.id, kind, rowIndex, detail, params));
  };
  if (table.rows.length === 0) issue('empty', 0, 'table has no rows');
  table.rows.forEach((row, index) => {
    if (!isCalendarDate(row.validFrom) || (row.validTo !== null && !isCalendarDate(row.validTo))) {
      issue('invalid_date', index, `${row.validFrom}..${row.validTo ?? ''}`, {
        from: String(row.validFrom),
        to: String(row.validTo ?? '—'),
      });
      return;
    }
    if (row.validTo !== null && compareDates(row.validTo, row.validFrom) < 0) {
      issue('inverted', index, `${row.validFrom} is after ${row.validTo}`, {
        from: shown(row.validFrom),
        to: shown(row.validTo),
      });
    }
    const next = table.rows[index + 1];
    if (next === undefined || !isCalendarDate(next.validFrom)) return;
    if (row.validTo === null) {
      issue('open_row_not_last', index, `row from ${row.validFrom} is open-ended but not last`, {
        from: shown(row.validFrom),
      });
      return;
    }
    const expectedNext = addDays(row.validTo, 1);
    const order = compareDates(next.validFrom, expectedNext);
    if (order > 0) {
      const lastMissing = addDays(next.validFrom, -1);
      issue('gap', index, `nothing in force from ${expectedNext} to ${lastMissing}`, {
        from: shown(expectedNext),
        to: shown(lastMissing),
      });
    }
    if (order < 0) {
      issue('overlap', index, `row ${index + 1} starts ${next.validFrom}, before ${expectedNext}`, {
        from: shown(next.validFrom),
        to: shown(row.validTo),
      });
    }
  });
  return issues;
}

/** Builds a table, asserting at load time that it has no gaps or overlaps. */
export function defineRuleTable<V>(table: RuleTable<V>): RuleTable<V> {
  const issues = validateRuleTable(table);
  assert(issues.length === 0, `rule table '${table.id}': ${issues.map((i) => i.detail).join('; ')}`);
  return table;
}
