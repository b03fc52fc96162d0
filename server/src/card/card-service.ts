// The digital membership card (kartu digital): name, KPJ, programmes and member-since date, with a
// verify code in a QR code that a branch officer scans. The public check shows only masked details.
import { err, ok, type Result } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { listMemberAccounts, type MemberAccount } from '../portal/member-accounts';
import type { ServiceContext } from '../services/service-context';
import { maskFullName, maskKpj, newVerifyCode, normaliseVerifyCode } from '../statement/verify-code';

export type ProgrammeCode = 'JHT' | 'JKK' | 'JKM' | 'JP' | 'JKP';

export interface Card {
  readonly fullName: string;
  readonly kpj: string;
  readonly segment: 'PU' | 'BPU';
  readonly status: 'active' | 'inactive';
  readonly programmes: ProgrammeCode[];
  /** The date of the first membership, 'YYYY-MM-DD'. */
  readonly since: string;
  readonly employerName: string | null;
  readonly verifyCode: string;
  readonly verifyUrl: string;
}

export interface CardCheck {
  readonly valid: boolean;
  readonly fullName?: string;
  readonly kpj?: string;
  readonly status?: 'active' | 'inactive';
}

/**
 * The programmes of a membership segment. Wage earners (PU) are in all five (PP 44/2015, 45/2015,
 * 46/2015, 37/2021); non-wage earners (BPU) in JKK and JKM, with JHT by choice (not yet recorded).
 */
export function programmesOf(segment: 'PU' | 'BPU'): ProgrammeCode[] {
  return segment === 'PU' ? ['JHT', 'JKK', 'JKM', 'JP', 'JKP'] : ['JKK', 'JKM'];
}

/** The label and the value the card prints for the membership segment: the name with its code. */
export const SEGMENT_LABEL = 'Jenis peserta / Type';

export function segmentName(segment: 'PU' | 'BPU'): string {
  return segment === 'PU' ? 'Penerima upah (PU)' : 'Bukan penerima upah (BPU)';
}

/** The account the card shows: the newest active one, else the newest. */
export function cardAccount(accounts: readonly MemberAccount[]): MemberAccount | undefined {
  const active = accounts.filter((account) => account.status === 'active');
  const pool = active.length > 0 ? active : accounts;
  return pool[pool.length - 1];
}

/** The person's card verify code, made on first use. Safe to call concurrently. */
export async function ensureCardCode(db: Kysely<DB>, personId: number, now: Date): Promise<string> {
  await db
    .insertInto('member_cards')
    .values({ person_id: personId, verify_code: newVerifyCode(), issued_at: now, created_at: now })
    .onConflict((conflict) => conflict.column('person_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('member_cards')
    .select('verify_code')
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return row.verify_code;
}

/**
 * A new verify code for the person's card, so that the old card no longer verifies. The staff
 * console's card reissue calls this inside its own transaction.
 */
export async function reissueCardCode(db: Kysely<DB>, personId: number, now: Date): Promise<string> {
  const code = newVerifyCode();
  await db
    .insertInto('member_cards')
    .values({ person_id: personId, verify_code: code, issued_at: now, created_at: now })
    .onConflict((conflict) => conflict.column('person_id').doUpdateSet({ verify_code: code, issued_at: now }))
    .execute();
  return code;
}

export function cardVerifyUrl(ctx: ServiceContext, code: string): string {
  return `${ctx.config.publicUrl}/verify/card/${code}`;
}

export async function getCard(
  ctx: ServiceContext,
  personId: number,
): Promise<Result<Card, 'card_no_active_account'>> {
  const accounts = await listMemberAccounts(ctx, personId);
  const account = cardAccount(accounts);
  if (!account) return err('card_no_active_account');
  const person = await ctx.db
    .selectFrom('persons')
    .select('full_name')
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  const verifyCode = await ensureCardCode(ctx.db, personId, ctx.clock.now());
  const since = accounts.map((each) => each.joinedOn).sort()[0] ?? account.joinedOn;
  return ok({
    fullName: person.full_name,
    kpj: account.kpj,
    segment: account.segment,
    status: account.status,
    programmes: programmesOf(account.segment),
    since,
    employerName: account.employer?.name ?? null,
    verifyCode,
    verifyUrl: cardVerifyUrl(ctx, verifyCode),
  });
}

export async function verifyCard(ctx: ServiceContext, codeText: string): Promise<CardCheck> {
  const code = normaliseVerifyCode(codeText);
  if (code === null) return { valid: false };
  const row = await ctx.db
    .selectFrom('member_cards')
    .select('person_id')
    .where('verify_code', '=', code)
    .executeTakeFirst();
  if (!row) return { valid: false };
  const card = await getCard(ctx, row.person_id);
  if (!card.ok) return { valid: false };
  return {
    valid: true,
    fullName: maskFullName(card.value.fullName),
    kpj: maskKpj(card.value.kpj),
    status: card.value.status,
  };
}
