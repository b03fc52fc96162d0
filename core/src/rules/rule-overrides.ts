// An operator's rule rows (e.g. next year's JP wage cap) layered over a rule book. Rows are applied in
// order of their first day, then of entry: a row closes the open row before it the day before it
// starts; a row starting the same day as an earlier operator row replaces it (a correction). A row that
// would leave its table with a gap, an overlap or a value of another shape is rejected, so a
// calculation never reads an unsound table. The server stores the rows; this decides what they mean.
import {
  addDays,
  compareDates,
  formatDateIndonesian,
  isCalendarDate,
  type CalendarDate,
} from '../time/calendar-date';
import { ruleTablesOf, type RuleBook } from './rule-book';
import {
  ruleTableIssue,
  validateRuleTable,
  type RuleRow,
  type RuleTable,
  type RuleTableIssue,
} from './rule-table';

/** One operator row as stored (rule_row_overrides). */
export type RuleOverride = {
  /** Entry order: of two rows starting the same day, the later entry wins. */
  readonly overrideId: number;
  readonly tableId: string;
  readonly value: unknown;
  readonly validFrom: CalendarDate;
  readonly validTo: CalendarDate | null;
  readonly regulation: string;
  readonly article: string;
  readonly note?: string | null;
};

export type RejectedOverride = {
  readonly override: RuleOverride;
  readonly issues: readonly RuleTableIssue[];
};

export type LayeredRuleBook = {
  readonly book: RuleBook;
  /** Stored rows that could not join their table (shown to the admin; never used). */
  readonly rejected: readonly RejectedOverride[];
};

/** True when `value` has the same structure (keys and primitive types) as `example`. */
export function hasSameShape(example: unknown, value: unknown): boolean {
  if (example === null || value === null) return example === value;
  if (Array.isArray(example))
    return (
      Array.isArray(value) && value.every((item) => example.length === 0 || hasSameShape(example[0], item))
    );
  if (typeof example === 'object') {
    if (typeof value !== 'object' || Array.isArray(value)) return false;
    const expectedKeys = Object.keys(example).sort();
    const givenKeys = Object.keys(value).sort();
    return (
      expectedKeys.join() === givenKeys.join() &&
      expectedKeys.every((key) =>
        hasSameShape((example as Record<string, unknown>)[key], (value as Record<string, unknown>)[key]),
      )
    );
  }
  if (typeof example === 'number')
    return typeof value === 'number' && Number.isSafeInteger(value) === Number.isSafeInteger(example);
  return typeof example === typeof value;
}

/** Whether `value` has the shape of one of the table's own values (a nullable field may be either). */
export function fitsRuleTable(table: RuleTable<unknown>, value: unknown): boolean {
  return table.rows.some((row) => hasSameShape(row.value, value));
}

/**
 * Layers one row over the rows so far: the open row in force before it closes the day before; an
 * operator row that starts the same day is replaced.
 */
export function layerRow<V>(rows: readonly RuleRow<V>[], next: RuleRow<V>): RuleRow<V>[] {
  const kept = [...rows];
  let last = kept[kept.length - 1];
  if (last?.isOverride === true && next.isOverride === true && last.validFrom === next.validFrom) {
    kept.pop();
    last = kept[kept.length - 1];
  }
  if (last && last.validTo === null && compareDates(last.validFrom, next.validFrom) < 0) {
    kept[kept.length - 1] = { ...last, validTo: addDays(next.validFrom, -1) };
  }
  return [...kept, next];
}

/** The row an override becomes in its table: the operator's citation, marked as an override. */
export function overrideRuleRow(override: RuleOverride): RuleRow<unknown> {
  const note = override.note?.trim();
  return {
    value: override.value,
    validFrom: override.validFrom,
    validTo: override.validTo,
    regulation: override.regulation,
    article: override.article,
    // An operator enters a row from the instrument in hand; it is cited as such, not guessed at.
    confidence: 'H',
    ...(note ? { note } : {}),
    isOverride: true,
  };
}

/** ISO dates order as text; rows with a malformed date are rejected before they are ordered. */
const byFirstDayThenEntry = (a: RuleOverride, b: RuleOverride): number =>
  a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.overrideId - b.overrideId;

const hasRealDates = (override: RuleOverride): boolean =>
  isCalendarDate(override.validFrom) && (override.validTo === null || isCalendarDate(override.validTo));

function layerOne(
  tables: Map<string, RuleTable<unknown>>,
  override: RuleOverride,
): readonly RuleTableIssue[] {
  const table = tables.get(override.tableId);
  if (!table) {
    return [
      ruleTableIssue(override.tableId, 'unknown_table', 0, 'no such table', { table: override.tableId }),
    ];
  }
  if (!hasRealDates(override)) {
    const dates = { from: String(override.validFrom), to: String(override.validTo ?? '—') };
    return [ruleTableIssue(table.id, 'invalid_date', table.rows.length, 'malformed date', dates)];
  }
  if (!fitsRuleTable(table, override.value)) {
    return [ruleTableIssue(table.id, 'value_shape', table.rows.length, 'value has another shape')];
  }
  // A row extends its table at the end; only an operator's own row from the same day may be replaced.
  const last = table.rows[table.rows.length - 1];
  const isCorrection = last?.isOverride === true && last.validFrom === override.validFrom;
  if (last && !isCorrection && compareDates(override.validFrom, last.validFrom) <= 0) {
    const params = { last: formatDateIndonesian(last.validFrom) };
    return [ruleTableIssue(table.id, 'starts_too_early', table.rows.length, 'starts too early', params)];
  }
  const layered = { ...table, rows: layerRow(table.rows, overrideRuleRow(override)) };
  const issues = validateRuleTable(layered);
  if (issues.length === 0) tables.set(table.id, layered);
  return issues;
}

/** The book with every stored override layered in; rows that cannot join are listed, not applied. */
export function layerRuleOverrides(base: RuleBook, overrides: readonly RuleOverride[]): LayeredRuleBook {
  const tables = new Map(ruleTablesOf(base).map((table) => [table.id, table]));
  const rejected: RejectedOverride[] = [];
  for (const override of [...overrides].sort(byFirstDayThenEntry)) {
    const issues = layerOne(tables, override);
    if (issues.length > 0) rejected.push({ override, issues });
  }
  return { book: Object.fromEntries(tables) as unknown as RuleBook, rejected };
}

/**
 * What stops `candidate` from joining the stored overrides: its own issues, or those of a stored row it
 * would push out. An empty list means the row may be stored (and will then be used as it was checked).
 */
export function checkNewOverride(
  base: RuleBook,
  stored: readonly RuleOverride[],
  candidate: Omit<RuleOverride, 'overrideId'>,
): readonly RuleTableIssue[] {
  const newest = Math.max(0, ...stored.map((override) => override.overrideId)) + 1;
  const before = new Set(layerRuleOverrides(base, stored).rejected.map((each) => each.override.overrideId));
  const after = layerRuleOverrides(base, [...stored, { ...candidate, overrideId: newest }]).rejected;
  return after
    .filter((each) => each.override.overrideId === newest || !before.has(each.override.overrideId))
    .flatMap((each) => each.issues);
}
