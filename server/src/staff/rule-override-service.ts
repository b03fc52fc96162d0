// Operator overrides of rule-table rows: an admin adds next year's row (e.g. the JP wage cap) with its
// regulation and article. The row is stored in rule_row_overrides; the core layers it over its table
// (core/src/rules/rule-overrides.ts) after checking it against every stored row, so what is stored is
// what every process then calculates with. This process's rule book reloads at once; other processes
// within LUMBUNG_RULE_REFRESH_SECONDS (docs/adr/0005-rule-overrides.md).
import {
  checkNewOverride,
  err,
  errorMessage,
  fitsRuleTable,
  isCalendarDate,
  isRuleTableId,
  ok,
  ruleTableOf,
  ruleTablesOf,
  validateRuleTable,
  type Err,
  type ErrorCode,
  type Message,
  type RejectedOverride,
  type Result,
  type RuleTable,
  type RuleTableId,
  type RuleTableIssue,
} from '@lumbung/core';
import { sql } from 'kysely';
import { loadRuleOverrides } from '../rules/rule-book-store';
import type { ServiceContext } from '../services/service-context';
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

export interface RuleTableIssueView {
  readonly kind: RuleTableIssue['kind'];
  /** Stable code with an Indonesian and an English message (core/src/errors/rules-errors.ts). */
  readonly code: RuleTableIssue['code'];
  readonly message: Message;
  readonly rowIndex: number;
  /** English technical detail, for logs. */
  readonly detail: string;
  /** For a stored row that is not used because it does not fit the table. */
  readonly overrideId?: number;
}

export interface RuleTableView {
  readonly id: string;
  readonly title: string;
  readonly rows: readonly RuleRowView[];
  readonly issues: readonly RuleTableIssueView[];
}

export interface RuleTablesView {
  readonly tables: readonly RuleTableView[];
  /** Every calculation reads the rule book with these rows (ADR 0005); the admin page shows it. */
  readonly calculationsUseOverrides: true;
}

/** A refused row: rule_row_invalid with one localised problem per field (the page shows each at its field). */
export type RuleRowFailure = Err<'rule_table_unknown' | 'rule_row_invalid'> & {
  readonly fieldErrors?: readonly Err<ErrorCode>[];
};

function describeSafely(table: RuleTable<unknown>, value: unknown): string {
  try {
    return table.describe(value);
  } catch {
    return JSON.stringify(value);
  }
}

function issueView(issue: RuleTableIssue, overrideId?: number): RuleTableIssueView {
  return {
    kind: issue.kind,
    code: issue.code,
    message: {
      id: errorMessage(issue.code, 'id', issue.params),
      en: errorMessage(issue.code, 'en', issue.params),
    },
    rowIndex: issue.rowIndex,
    detail: issue.detail,
    ...(overrideId === undefined ? {} : { overrideId }),
  };
}

function tableView(table: RuleTable<unknown>, rejected: readonly RejectedOverride[]): RuleTableView {
  return {
    id: table.id,
    title: table.title,
    rows: table.rows.map((row) => ({
      value: row.value,
      valueText: describeSafely(table, row.value),
      validFrom: row.validFrom,
      validTo: row.validTo,
      regulation: row.regulation,
      article: row.article,
      source: row.isOverride === true ? 'override' : 'core',
    })),
    issues: [
      ...validateRuleTable(table).map((issue) => issueView(issue)),
      ...rejected
        .filter((each) => each.override.tableId === table.id)
        .flatMap((each) => each.issues.map((issue) => issueView(issue, each.override.overrideId))),
    ],
  };
}

/** Every table as this process calculates with it (checked for other processes' rows first). */
export async function listRuleTables(ctx: ServiceContext): Promise<RuleTablesView> {
  await ctx.rules.refresh();
  return {
    tables: ruleTablesOf(ctx.rules.current).map((table) => tableView(table, ctx.rules.rejected)),
    calculationsUseOverrides: true,
  };
}

const FIELD_OF: Readonly<Partial<Record<RuleTableIssue['kind'], string>>> = {
  value_shape: 'value',
  inverted: 'validTo',
};

function refuse(fieldErrors: readonly Err<ErrorCode>[]): RuleRowFailure {
  return { ...err('rule_row_invalid', undefined, fieldErrors[0]?.field), fieldErrors };
}

function checkFields(table: RuleTable<unknown>, input: NewRuleRow): Err<ErrorCode>[] {
  const problems: Err<ErrorCode>[] = [];
  if (!isCalendarDate(input.validFrom)) problems.push(err('date_invalid', undefined, 'validFrom'));
  if (input.validTo !== null && !isCalendarDate(input.validTo))
    problems.push(err('date_invalid', undefined, 'validTo'));
  if (input.regulation.trim().length < 3)
    problems.push(err('rule_row_regulation_required', undefined, 'regulation'));
  if (input.article.trim().length < 1) problems.push(err('rule_row_article_required', undefined, 'article'));
  if (!fitsRuleTable(table, input.value)) problems.push(err('rule_row_value_shape', undefined, 'value'));
  return problems;
}

export async function addRuleRow(
  ctx: ServiceContext,
  actor: StaffActor,
  tableId: string,
  input: NewRuleRow,
): Promise<Result<RuleTableView, never> | RuleRowFailure> {
  if (!isRuleTableId(tableId)) return err('rule_table_unknown', { table: tableId });
  const id: RuleTableId = tableId;
  const problems = checkFields(ruleTableOf(ctx.rules.current, id), input);
  if (problems.length > 0) return refuse(problems);
  const note = input.note?.trim() || null;
  const candidate = {
    tableId: id,
    value: input.value,
    validFrom: input.validFrom,
    validTo: input.validTo,
    regulation: input.regulation.trim(),
    article: input.article.trim(),
    note,
  };

  const stored = await ctx.db.transaction().execute(async (trx) => {
    // One admin row at a time: each is checked against every row stored before it.
    await sql`lock table rule_row_overrides in share row exclusive mode`.execute(trx);
    const issues = checkNewOverride(ctx.rules.base, await loadRuleOverrides(trx), candidate);
    if (issues.length > 0) {
      return refuse(
        issues.map((issue) => err(issue.code, issue.params, FIELD_OF[issue.kind] ?? 'validFrom')),
      );
    }
    const now = ctx.clock.now();
    await trx
      .insertInto('rule_row_overrides')
      .values({
        table_id: id,
        value: JSON.stringify(input.value),
        valid_from: candidate.validFrom,
        valid_to: candidate.validTo,
        regulation: candidate.regulation,
        article: candidate.article,
        note,
        created_by_user_id: actor.userId,
        created_at: now,
      })
      .execute();
    await writeStaffAudit(trx, now, actor, {
      action: 'admin.rule_row_add',
      personId: null,
      reason: null,
      details: {
        tableId: id,
        validFrom: candidate.validFrom,
        regulation: candidate.regulation,
        article: candidate.article,
      },
    });
    return null;
  });
  if (stored !== null) return stored;
  // This process calculates with the new row from the next request on.
  await ctx.rules.refresh();
  return ok(tableView(ruleTableOf(ctx.rules.current, id), ctx.rules.rejected));
}
