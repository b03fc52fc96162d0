// Phone links made or ended by staff at a branch or the call centre (after checking the member's ID).
// The member's phone gets an SMS saying it was linked, so a link made in error is noticed.
import { err, normalisePhone, ok, type PhoneErrorCode, type Result } from '@lumbung/core';
import { renderSmsReply } from '@lumbung/core/sms/sms-reply';
import { dispatchInBackground, sendSms } from '../delivery/delivery-port';
import type { ServiceContext } from '../services/service-context';
import { endLinks, insertLink } from './phone-link-store';

export interface StaffLinkInput {
  readonly personId: number;
  readonly accountId: number;
  /** As typed: '0812-3456-7890', '+62812…'. */
  readonly phone: string;
  /** The staff user who made the link. */
  readonly linkedBy: number;
}

export type LinkPhoneErrorCode = PhoneErrorCode | 'sms_account_not_found';

export async function linkPhone(
  ctx: ServiceContext,
  input: StaffLinkInput,
): Promise<Result<{ phone: string; isNew: boolean }, LinkPhoneErrorCode>> {
  const phone = normalisePhone(input.phone);
  if (!phone.ok) return phone;
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const account = await trx
      .selectFrom('member_accounts as a')
      .innerJoin('persons as p', 'p.person_id', 'a.person_id')
      .select(['a.kpj', 'p.preferred_language'])
      .where('a.account_id', '=', input.accountId)
      .where('a.person_id', '=', input.personId)
      .where('a.status', '<>', 'merged')
      .executeTakeFirst();
    if (!account) return null;
    const isNew = await insertLink(ctx, trx, {
      personId: input.personId,
      accountId: input.accountId,
      phone: phone.value,
      linkedBy: 'staff',
      linkedByUserId: input.linkedBy,
    });
    return { ...account, isNew };
  });
  if (!outcome) return err('sms_account_not_found', undefined, 'accountId');
  if (outcome.isNew) {
    const text = renderSmsReply({ kind: 'linked_by_staff', kpj: outcome.kpj }, outcome.preferred_language, {
      shortCode: ctx.config.sms.shortCode,
    });
    dispatchInBackground(ctx, () => sendSms(ctx, { to: phone.value, text }));
  }
  return ok({ phone: phone.value, isNew: outcome.isNew });
}

export async function unlinkPhone(
  ctx: ServiceContext,
  input: { readonly accountId: number; readonly phone: string },
): Promise<Result<{ unlinked: number }, PhoneErrorCode | 'sms_link_not_found'>> {
  const phone = normalisePhone(input.phone);
  if (!phone.ok) return phone;
  const unlinked = await ctx.db
    .transaction()
    .execute((trx) => endLinks(ctx, trx, phone.value, 'staff', input.accountId));
  return unlinked === 0 ? err('sms_link_not_found', undefined, 'phone') : ok({ unlinked });
}
