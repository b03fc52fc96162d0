// A member's phone and e-mail have one value each: the person record's. A member with a sign-in account
// signs in with the same values (users.phone/email are that record's copy, unique across accounts), so
// every change — registration, the member's own coded change, a staff update — writes both in one
// transaction, and every reader (SMS delivery, call-centre checks, staff reset) reads the person.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';

export interface MemberContact {
  /** E.164. */
  readonly phone: string | null;
  /** Lower-cased. */
  readonly email: string | null;
}

/** What to change: a missing field stays as it is, null removes it. */
export interface MemberContactChange {
  readonly phone?: string | null;
  readonly email?: string | null;
}

export async function readMemberContact(
  ctx: ServiceContext,
  db: Kysely<DB>,
  personId: number,
): Promise<MemberContact> {
  const row = await db
    .selectFrom('persons')
    .select(['phone_cipher', 'email_cipher'])
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return {
    phone: row.phone_cipher ? ctx.pii.decrypt(row.phone_cipher) : null,
    email: row.email_cipher ? ctx.pii.decrypt(row.email_cipher) : null,
  };
}

function contactColumns(ctx: ServiceContext, change: MemberContactChange) {
  return {
    ...(change.phone !== undefined
      ? {
          phone_cipher: change.phone ? ctx.pii.encrypt(change.phone) : null,
          phone_index: change.phone ? ctx.pii.blindIndex('phone', change.phone) : null,
        }
      : {}),
    ...(change.email !== undefined
      ? {
          email_cipher: change.email ? ctx.pii.encrypt(change.email) : null,
          email_index: change.email ? ctx.pii.blindIndex('email', change.email) : null,
        }
      : {}),
  };
}

/**
 * Writes the change to the person and to the person's sign-in account, on trx (the caller's
 * transaction); a staff user without a person has only the account. A contact another account signs in
 * with fails the users unique index (23505); the caller maps that to its own code.
 */
export async function writeMemberContact(
  ctx: ServiceContext,
  trx: Kysely<DB>,
  owner: { readonly personId: number | null; readonly userId: number | null },
  change: MemberContactChange,
  at: Date,
): Promise<void> {
  const columns = contactColumns(ctx, change);
  if (Object.keys(columns).length === 0) return;
  if (owner.personId !== null) {
    await trx
      .updateTable('persons')
      .set({ ...columns, updated_at: at })
      .where('person_id', '=', owner.personId)
      .execute();
    await trx
      .updateTable('users')
      .set({ ...columns, updated_at: at })
      .where('person_id', '=', owner.personId)
      .execute();
  } else if (owner.userId !== null) {
    await trx
      .updateTable('users')
      .set({ ...columns, updated_at: at })
      .where('user_id', '=', owner.userId)
      .execute();
  }
}
