// A staff member updates a member's contact data (phone, e-mail, address) with a reason: the typical
// branch case is a member whose old phone is lost and who can no longer receive codes. The person's
// record and the member's sign-in contacts change together, in one transaction, and are audited.
import { err, normalisePhone, ok, type Result } from '@lumbung/core';
import { normaliseEmail } from '../identity/identifier';
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
  await ctx.db.transaction().execute(async (trx) => {
    // PII is encrypted with blind indexes exactly as person-store and user-store write it.
    await trx
      .updateTable('persons')
      .set({
        ...(has('phone')
          ? { phone_cipher: phone ? ctx.pii.encrypt(phone) : null, phone_index: phoneIndex }
          : {}),
        ...(has('email')
          ? { email_cipher: email ? ctx.pii.encrypt(email) : null, email_index: emailIndex }
          : {}),
        ...(has('address') ? { address_cipher: address ? ctx.pii.encrypt(address) : null } : {}),
        updated_at: now,
      })
      .where('person_id', '=', personId)
      .execute();
    if (user && (has('phone') || has('email'))) {
      await trx
        .updateTable('users')
        .set({
          ...(has('phone')
            ? { phone_cipher: phone ? ctx.pii.encrypt(phone) : null, phone_index: phoneIndex }
            : {}),
          ...(has('email')
            ? { email_cipher: email ? ctx.pii.encrypt(email) : null, email_index: emailIndex }
            : {}),
          updated_at: now,
        })
        .where('user_id', '=', user.user_id)
        .execute();
    }
    await writeStaffAudit(trx, now, actor, {
      action: 'staff.contact_update',
      personId,
      reason: checkedReason.value,
      details: { fields: changedFields },
    });
  });
  return ok({ changedFields });
}
