// A staff member updates a member's contact data (phone, e-mail, address) with a reason: the typical
// branch case is a member whose old phone is lost and who can no longer receive codes. The person's
// record and the member's sign-in contacts change together, in one transaction, and are audited.
import { err, normalisePhone, ok, type Result } from '@lumbung/core';
import { normaliseEmail } from '../identity/identifier';
import { writeMemberContact } from '../identity/member-contact-store';
import { isUniqueViolation } from '../identity/registration-service';
import { getPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { checkReason } from './staff-reason';

export interface ContactChange {
  /** Any Indonesian mobile form; null removes it. */
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly address?: string | null;
}

type ContactError =
  | 'staff_reason_required'
  | 'phone_invalid_format'
  | 'phone_not_mobile'
  | 'phone_invalid_length'
  | 'email_invalid'
  | 'contact_unchanged'
  | 'contact_in_use';

export const MAX_ADDRESS_LENGTH = 300;

export async function updateMemberContact(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  change: ContactChange,
  reason: string,
): Promise<Result<{ readonly changedFields: readonly string[] }, ContactError>> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  let phone: string | null | undefined;
  if (change.phone !== undefined) {
    if (change.phone === null || change.phone.trim() === '') phone = null;
    else {
      const parsed = normalisePhone(change.phone);
      if (!parsed.ok) return parsed;
      phone = parsed.value;
    }
  }
  let email: string | null | undefined;
  if (change.email !== undefined) {
    if (change.email === null || change.email.trim() === '') email = null;
    else {
      email = normaliseEmail(change.email);
      if (email === undefined) return err('email_invalid', undefined, 'email');
    }
  }
  const address =
    change.address === undefined
      ? undefined
      : (change.address ?? '').trim().slice(0, MAX_ADDRESS_LENGTH) || null;

  const current = await getPerson(ctx.db, ctx.pii, personId);
  const changedFields = [
    phone !== undefined && phone !== current.phone ? 'phone' : null,
    email !== undefined && email !== current.email ? 'email' : null,
    address !== undefined && address !== current.address ? 'address' : null,
  ].filter((field): field is string => field !== null);
  if (changedFields.length === 0) return err('contact_unchanged');

  const phoneIndex = phone ? ctx.pii.blindIndex('phone', phone) : null;
  const emailIndex = email ? ctx.pii.blindIndex('email', email) : null;
  const user = await ctx.db
    .selectFrom('users')
    .select('user_id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  // Sign-in contacts are unique across users; a contact another user signs in with cannot move here.
  for (const [column, index] of [
    ['phone_index', changedFields.includes('phone') ? phoneIndex : null],
    ['email_index', changedFields.includes('email') ? emailIndex : null],
  ] as const) {
    if (index === null) continue;
    const other = await ctx.db
      .selectFrom('users')
      .select('user_id')
      .where(column, '=', index)
      .where('user_id', '<>', user?.user_id ?? 0)
      .executeTakeFirst();
    if (other) return err('contact_in_use', undefined, column === 'phone_index' ? 'phone' : 'email');
  }

  const now = ctx.clock.now();
  const has = (field: string): boolean => changedFields.includes(field);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      // Phone and e-mail through the one writer of member contacts (person and sign-in account together).
      await writeMemberContact(
        ctx,
        trx,
        { personId, userId: user?.user_id ?? null },
        {
          ...(has('phone') ? { phone: phone ?? null } : {}),
          ...(has('email') ? { email: email ?? null } : {}),
        },
        now,
      );
      if (has('address')) {
        await trx
          .updateTable('persons')
          .set({ address_cipher: address ? ctx.pii.encrypt(address) : null, updated_at: now })
          .where('person_id', '=', personId)
          .execute();
      }
      await writeStaffAudit(trx, now, actor, {
        action: 'staff.contact_update',
        personId,
        reason: checkedReason.value,
        details: { fields: changedFields },
      });
    });
  } catch (error) {
    // Another account took the contact between the check above and the write.
    if (isUniqueViolation(error)) return err('contact_in_use');
    throw error;
  }
  return ok({ changedFields });
}
