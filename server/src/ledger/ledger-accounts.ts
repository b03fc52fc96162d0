// Ledger accounts: a member's JHT and JP per KPJ, an employer's unapplied payments, and the fund's own
// accounts (created by the migration). Member and employer accounts are created on first use.
import { assert } from '@lumbung/core';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema';

type Executor = Kysely<DB> | Transaction<DB>;

/** The fund's own ledger accounts, inserted with these fixed ids by migration 0002 (ids < 1001). */
export const FUND_ACCOUNT_IDS = {
  'fund:bank': 1,
  'fund:jkk_income': 2,
  'fund:jkm_income': 3,
  'fund:jkp_income': 4,
  'fund:penalty_income': 5,
  'fund:jht_development': 6,
  'fund:benefit_payout': 7,
} as const;
export type FundAccountCode = keyof typeof FUND_ACCOUNT_IDS;
export type MemberProgramme = 'JHT' | 'JP';

/** Kept async for callers written against a lookup; the ids are fixed. */
export async function fundAccountIds(_db?: Executor): Promise<Record<FundAccountCode, number>> {
  return FUND_ACCOUNT_IDS;
}

export const memberAccountCode = (accountId: number, programme: MemberProgramme): string =>
  `member:${accountId}:${programme}`;

export interface MemberLedgerAccountRef {
  readonly accountId: number;
  readonly personId: number;
  readonly programme: MemberProgramme;
}

/** Creates missing member ledger accounts in one statement; returns code → ledger_account_id. */
export async function ensureMemberLedgerAccounts(
  db: Executor,
  refs: readonly MemberLedgerAccountRef[],
): Promise<Map<string, number>> {
  const unique = new Map<string, MemberLedgerAccountRef>();
  for (const ref of refs) unique.set(memberAccountCode(ref.accountId, ref.programme), ref);
  if (unique.size === 0) return new Map();
  const codes = [...unique.keys()];
  const found = await db
    .selectFrom('ledger_accounts')
    .select(['code', 'ledger_account_id'])
    .where('code', 'in', codes)
    .execute();
  const result = new Map(found.map((row) => [row.code, row.ledger_account_id]));
  const missing = [...unique.entries()].filter(([code]) => !result.has(code)).map(([, ref]) => ref);
  if (missing.length === 0) return result;
  const missingCodes = missing.map((ref) => memberAccountCode(ref.accountId, ref.programme));
  const inserted = await sql<{ code: string; ledger_account_id: number }>`
    with ins as (
      insert into ledger_accounts (code, kind, programme, account_id, person_id, name)
      select code, 'member', programme, account_id, person_id, programme || ' KPJ account ' || account_id
      from unnest(${missingCodes}::text[], ${missing.map((v) => v.programme)}::text[],
        ${missing.map((v) => v.accountId)}::int8[], ${missing.map((v) => v.personId)}::int8[])
        as t(code, programme, account_id, person_id)
      order by code
      on conflict (code) do nothing
      returning code, ledger_account_id
    )
    select code, ledger_account_id from ins
    union all
    select code, ledger_account_id from ledger_accounts where code = any(${missingCodes}::text[])
  `.execute(db);
  for (const row of inserted.rows) result.set(row.code, Number(row.ledger_account_id));
  assert(result.size === codes.length, 'member ledger accounts missing after insert');
  return result;
}

export const employerUnappliedCode = (employerId: number): string => `employer:${employerId}:unapplied`;

/** An employer's payments not yet applied to bill lines or penalties (a liability to the employer). */
export async function ensureEmployerLedgerAccount(db: Executor, employerId: number): Promise<number> {
  const code = employerUnappliedCode(employerId);
  const found = await db
    .selectFrom('ledger_accounts')
    .select('ledger_account_id')
    .where('code', '=', code)
    .executeTakeFirst();
  if (found) return found.ledger_account_id;
  const row = await sql<{ ledger_account_id: number }>`
    with ins as (
      insert into ledger_accounts (code, kind, employer_id, name)
      values (${code}, 'employer', ${employerId}, ${`Unapplied payments of employer ${employerId}`})
      on conflict (code) do nothing
      returning ledger_account_id
    )
    select ledger_account_id from ins union all select ledger_account_id from ledger_accounts where code = ${code}
  `.execute(db);
  const id = row.rows[0]?.ledger_account_id;
  assert(id !== undefined, `employer ledger account ${code} missing after insert`);
  return Number(id);
}
