// Operator overrides of rule-table rows: an admin adds next year's row (e.g. the JP wage cap) with its
// regulation and article. The row is stored effective-dated in rule_row_overrides and layered over the
// core's table: the row in force before it is closed the day before it starts, and the whole table
// must still pass the core's validator (no gaps, no overlaps). The value must have the shape of the
// table's existing values.
import { err, ok, type Result } from '@lumbung/core';
import {
  validateRuleTable,
  type RuleRow,
  type RuleTable,
  type RuleTableIssue,
} from '@lumbung/core/rules/rule-table';
import { addDays, compareDates, isCalendarDate } from '@lumbung/core/time/calendar-date';
import type { ServiceContext } from '../services/service-context';
import { builtInRuleTables } from './rule-table-registry';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';

export interface NewRuleRow {
  readonly value: unknown;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly regulation: string;
  readonly article: string;
  readonly note?: string | null;
}

export interface RuleRowView {
  readonly value: unknown;
  readonly valueText: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly regulation: string;
  readonly article: string;
  readonly source: 'core' | 'override';
}

export interface RuleTableView {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly RuleRowView[];
  readonly issues: readonly RuleTableIssue[];
}

type RuleRowError = 'rule_table_unknown' | 'rule_row_invalid';

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

type Row = RuleRow<unknown> & { readonly source: 'core' | 'override' };

/** Layers one row over the rows so far: the open row in force before it closes the day before. */
export function layerRow(rows: readonly Row[], next: Row): Row[] {
  const kept = [...rows];
  const last = kept[kept.length - 1];
  if (last && last.validTo === null && compareDates(last.validFrom, next.validFrom) < 0) {
    kept[kept.length - 1] = { ...last, validTo: addDays(next.validFrom, -1) };
  }
  return [...kept, next];
}

async function effectiveRows(ctx: ServiceContext, table: RuleTable<unknown>): Promise<Row[]> {
  const overrides = await ctx.db
    .selectFrom('rule_row_overrides')
    .selectAll()
    .where('table_id', '=', table.id)
    .orderBy('valid_from')
    .orderBy('override_id')
    .execute();
  let rows: Row[] = table.rows.map((row) => ({ ...row, source: 'core' as const }));
  for (const override of overrides) {
    rows = layerRow(rows, {
      value: typeof override.value === 'string' ? (JSON.parse(override.value) as unknown) : override.value,
      validFrom: override.valid_from,
      validTo: override.valid_to,
      regulation: override.regulation,
      article: override.article,
      confidence: 'H',
      ...(override.note ? { note: override.note } : {}),
      source: 'override',
    });
  }
  return rows;
}

function describeSafely(table: RuleTable<unknown>, value: unknown): string {
  try {
    return table.describe(value);
  } catch {
    return JSON.stringify(value);
  }
}

export async function listRuleTables(ctx: ServiceContext): Promise<RuleTableView[]> {
  const views: RuleTableView[] = [];
  for (const table of builtInRuleTables()) {
    const rows = await effectiveRows(ctx, table);
    views.push({
      id: table.id,
      title: table.title,
      rows: rows.map((row) => ({
        value: row.value,
        valueText: describeSafely(table, row.value),
        validFrom: row.validFrom,
        validTo: row.validTo,
        regulation: row.regulation,
        article: row.article,
        source: row.source,
      })),
      issues: validateRuleTable({ ...table, rows }),
    });
  }
  return views;
}

export async function addRuleRow(
  ctx: ServiceContext,
  actor: StaffActor,
  tableId: string,
  input: NewRuleRow,
): Promise<Result<RuleTableView, RuleRowError>> {
  const table = builtInRuleTables().find((candidate) => candidate.id === tableId);
  if (!table) return err('rule_table_unknown', { table: tableId });
  const invalid = (detail: string, field: string): Result<RuleTableView, RuleRowError> =>
    err('rule_row_invalid', { detail }, field);
  if (!isCalendarDate(input.validFrom)) return invalid('validFrom is not a date', 'validFrom');
  if (input.validTo !== null && !isCalendarDate(input.validTo))
    return invalid('validTo is not a date', 'validTo');
  if (input.regulation.trim().length < 3) return invalid('the regulation is required', 'regulation');
  if (input.article.trim().length < 1) return invalid('the article is required', 'article');
  const example = table.rows[table.rows.length - 1]?.value;
  if (!hasSameShape(example, input.value))
    return invalid('the value does not have the shape of the table’s values', 'value');

  return ctx.db.transaction().execute(async (trx) => {
    const rows = await effectiveRows({ ...ctx, db: trx }, table);
    const next: Row = {
      value: input.value,
      validFrom: input.validFrom,
      validTo: input.validTo,
      regulation: input.regulation.trim(),
      article: input.article.trim(),
      confidence: 'H',
      source: 'override',
    };
    const issues = validateRuleTable({ ...table, rows: layerRow(rows, next) });
    if (issues.length > 0)
      return invalid(issues.map((issue) => `${issue.kind}: ${issue.detail}`).join('; '), 'validFrom');
    const now = ctx.clock.now();
    await trx
      .insertInto('rule_row_overrides')
      .values({
        table_id: table.id,
        value: JSON.stringify(input.value),
        valid_from: input.validFrom,
        valid_to: input.validTo,
        regulation: next.regulation,
        article: next.article,
        note: input.note?.trim() || null,
        created_by_user_id: actor.userId,
        created_at: now,
      })
      .execute();
    await writeStaffAudit(trx, now, actor, {
      action: 'admin.rule_row_add',
      personId: null,
      reason: null,
      details: {
        tableId: table.id,
        validFrom: input.validFrom,
        regulation: next.regulation,
        article: next.article,
      },
    });
    const view = (await listRuleTables({ ...ctx, db: trx })).find((candidate) => candidate.id === table.id);
    return view ? ok(view) : err('rule_table_unknown', { table: tableId });
  });
}
