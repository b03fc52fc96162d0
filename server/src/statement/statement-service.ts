// E-statements: rendered once when requested, stored with the SHA-256 of the exact bytes, served
// unchanged on every download, and checkable by anyone with the code (QR) — the details, or whether an
// uploaded file is byte-for-byte the one served.
import { createHash } from 'node:crypto';
import { comparePeriods, err, monthsBetween, ok, periodOf, type Result } from '@lumbung/core';
import { listMemberAccounts } from '../portal/member-accounts';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { gatherStatement } from './statement-data';
import { renderStatementPdf } from './statement-pdf';
import { maskKpj, newVerifyCode, normaliseVerifyCode } from './verify-code';

/** The longest statement: ten years of months keeps one PDF readable and its rendering short. */
export const MAX_STATEMENT_MONTHS = 120;

export type StatementErrorCode =
  'not_found' | 'statement_period_order' | 'statement_range_too_long' | 'statement_period_in_future';

export interface StatementRequest {
  /** One of the member's KPJ, or null for all of them together. */
  readonly kpj: string | null;
  readonly fromPeriod: string;
  readonly toPeriod: string;
}

export interface CreatedStatement {
  readonly statementId: number;
  readonly code: string;
  readonly sha256: string;
}

export interface StatementCheck {
  readonly valid: boolean;
  readonly kpj?: string;
  readonly fromPeriod?: string;
  readonly toPeriod?: string;
  readonly generatedAt?: string;
  readonly sha256?: string;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function statementVerifyUrl(ctx: ServiceContext, code: string): string {
  return `${ctx.config.publicUrl}/verify/${code}`;
}

export async function createStatement(
  ctx: ServiceContext,
  personId: number,
  request: StatementRequest,
): Promise<Result<CreatedStatement, StatementErrorCode>> {
  const { fromPeriod, toPeriod } = request;
  if (comparePeriods(fromPeriod, toPeriod) > 0) return err('statement_period_order', undefined, 'fromPeriod');
  if (monthsBetween(fromPeriod, toPeriod) + 1 > MAX_STATEMENT_MONTHS) {
    return err('statement_range_too_long', { max: MAX_STATEMENT_MONTHS }, 'toPeriod');
  }
  if (comparePeriods(toPeriod, periodOf(todayInJakarta(ctx.clock))) > 0) {
    return err('statement_period_in_future', undefined, 'toPeriod');
  }
  const owned = await listMemberAccounts(ctx, personId);
  const accounts = request.kpj === null ? owned : owned.filter((account) => account.kpj === request.kpj);
  // Another person's KPJ reads exactly like a KPJ that does not exist.
  if (accounts.length === 0) return err('not_found', undefined, 'kpj');
  const person = await ctx.db
    .selectFrom('persons')
    .select('full_name')
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();

  const generatedAt = ctx.clock.now();
  const code = newVerifyCode();
  const figures = await gatherStatement(ctx, personId, accounts, fromPeriod, toPeriod);
  const pdf = await renderStatementPdf({
    fullName: person.full_name,
    accounts: accounts.map((account) => ({
      kpj: account.kpj,
      employerName: account.employer?.name ?? null,
      npp: account.employer?.npp ?? null,
    })),
    fromPeriod,
    toPeriod,
    ...figures,
    generatedAt,
    code,
    verifyUrl: statementVerifyUrl(ctx, code),
  });
  const sha256 = sha256Hex(pdf);
  const singleAccount = accounts.length === 1 && request.kpj !== null ? accounts[0] : undefined;
  const row = await ctx.db.transaction().execute((trx) =>
    trx
      .insertInto('statements')
      .values({
        person_id: personId,
        account_id: singleAccount?.accountId ?? null,
        kpj: singleAccount?.kpj ?? null,
        from_period: fromPeriod,
        to_period: toPeriod,
        code,
        sha256,
        pdf,
        opening_balance_rupiah: figures.openingBalanceRupiah,
        closing_balance_rupiah: figures.closingBalanceRupiah,
        generated_at: generatedAt,
        created_at: generatedAt,
      })
      .returning('statement_id')
      .executeTakeFirstOrThrow(),
  );
  return ok({ statementId: row.statement_id, code, sha256 });
}

/** The stored bytes of the member's own statement; undefined for another person's. */
export async function findStatementPdf(
  ctx: ServiceContext,
  personId: number,
  statementId: number,
): Promise<{ pdf: Buffer; code: string; fromPeriod: string; toPeriod: string } | undefined> {
  const row = await ctx.db
    .selectFrom('statements')
    .select(['pdf', 'code', 'from_period', 'to_period'])
    .where('statement_id', '=', statementId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!row) return undefined;
  // pg gives a Buffer, PGlite a Uint8Array: the same bytes either way.
  const pdf = Buffer.from(row.pdf.buffer, row.pdf.byteOffset, row.pdf.byteLength);
  return { pdf, code: row.code, fromPeriod: row.from_period, toPeriod: row.to_period };
}

async function findByCode(ctx: ServiceContext, codeText: string) {
  const code = normaliseVerifyCode(codeText);
  if (code === null) return undefined;
  return ctx.db
    .selectFrom('statements')
    .select(['kpj', 'from_period', 'to_period', 'generated_at', 'sha256'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** What the public verify page shows for a code; KPJ masked, or 'all accounts' when null. */
export async function checkStatement(ctx: ServiceContext, codeText: string): Promise<StatementCheck> {
  const row = await findByCode(ctx, codeText);
  if (!row) return { valid: false };
  return {
    valid: true,
    kpj: row.kpj === null ? 'all' : maskKpj(row.kpj),
    fromPeriod: row.from_period,
    toPeriod: row.to_period,
    generatedAt: new Date(row.generated_at).toISOString(),
    sha256: row.sha256,
  };
}

/** Whether an uploaded file is exactly the statement served under this code. */
export async function matchStatementBytes(
  ctx: ServiceContext,
  codeText: string,
  bytes: Uint8Array,
): Promise<Result<{ matches: boolean }, 'statement_not_found'>> {
  const row = await findByCode(ctx, codeText);
  if (!row) return err('statement_not_found');
  return ok({ matches: sha256Hex(bytes) === row.sha256 });
}
