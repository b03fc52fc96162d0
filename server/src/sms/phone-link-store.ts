// Which phone may ask for which account's balance. A link is made by DAFTAR (the member proved KPJ,
// birth date and NIK from that phone) or by staff at a branch; STOP or staff end it. Rows are never
// deleted: an ended link keeps when and why it ended.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';

type Executor = Kysely<DB> | Transaction<DB>;

/** A phone number that changes hands should not keep old members' balances: at most 3 phones per account. */
export const MAX_ACTIVE_PHONES_PER_ACCOUNT = 3;

export interface ActiveLink {
  readonly linkId: number;
  readonly personId: number;
  readonly accountId: number;
  readonly kpj: string;
  readonly preferredLanguage: 'id' | 'en';
}

export function phoneIndex(ctx: ServiceContext, phoneE164: string): string {
  return ctx.pii.blindIndex('phone', phoneE164);
}

/** The phone's active links, oldest first, with the account's KPJ and the member's language. */
export async function findActiveLinks(
  ctx: ServiceContext,
  db: Executor,
  phoneE164: string,
): Promise<ActiveLink[]> {
  const rows = await db
    .selectFrom('sms_phone_links as l')
    .innerJoin('member_accounts as a', 'a.account_id', 'l.account_id')
    .innerJoin('persons as p', 'p.person_id', 'l.person_id')
    .select(['l.link_id', 'l.person_id', 'l.account_id', 'a.kpj', 'p.preferred_language'])
    .where('l.phone_index', '=', phoneIndex(ctx, phoneE164))
    .where('l.unlinked_at', 'is', null)
    .orderBy('l.link_id')
    .execute();
  return rows.map((row) => ({
    linkId: row.link_id,
    personId: row.person_id,
    accountId: row.account_id,
    kpj: row.kpj,
    preferredLanguage: row.preferred_language,
  }));
}

export interface LinkInput {
  readonly personId: number;
  readonly accountId: number;
  /** E.164, already normalised. */
  readonly phone: string;
  readonly linkedBy: 'sms' | 'staff';
  readonly linkedByUserId?: number | null;
}

/**
 * Links inside the caller's transaction; returns whether a new link was made (false when this phone
 * was already linked to the account). The oldest phones beyond the cap are unlinked as 'replaced'.
 */
export async function insertLink(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  input: LinkInput,
): Promise<boolean> {
  const index = phoneIndex(ctx, input.phone);
  const now = ctx.clock.now();
  const inserted = await trx
    .insertInto('sms_phone_links')
    .values({
      person_id: input.personId,
      account_id: input.accountId,
      phone_cipher: ctx.pii.encrypt(input.phone),
      phone_index: index,
      linked_by: input.linkedBy,
      linked_by_user_id: input.linkedByUserId ?? null,
      linked_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['phone_index', 'account_id']).where('unlinked_at', 'is', null).doNothing(),
    )
    .returning('link_id')
    .executeTakeFirst();
  if (!inserted) return false;
  const active = await trx
    .selectFrom('sms_phone_links')
    .select('link_id')
    .where('person_id', '=', input.personId)
    .where('account_id', '=', input.accountId)
    .where('unlinked_at', 'is', null)
    .orderBy('link_id', 'desc')
    .execute();
  const surplus = active.slice(MAX_ACTIVE_PHONES_PER_ACCOUNT).map((row) => row.link_id);
  if (surplus.length > 0) {
    await trx
      .updateTable('sms_phone_links')
      .set({ unlinked_at: now, unlink_reason: 'replaced' })
      .where('link_id', 'in', surplus)
      .execute();
  }
  return true;
}

/** Ends the phone's active links (all of them, or only the one to accountId); returns how many ended. */
export async function endLinks(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  phoneE164: string,
  reason: 'stop' | 'staff',
  accountId?: number,
): Promise<number> {
  let query = trx
    .updateTable('sms_phone_links')
    .set({ unlinked_at: ctx.clock.now(), unlink_reason: reason })
    .where('phone_index', '=', phoneIndex(ctx, phoneE164))
    .where('unlinked_at', 'is', null);
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
