// Staff link or unlink a member's phone for the SMS balance service (SALDO), e.g. at the branch for a
// member whose DAFTAR failed. The SMS feature's link store does the writing; this adds the checks a
// staff action needs (the KPJ is the member's, a reason) and the audit entry, in one transaction.
import { err, normalisePhone, ok, parseKpj, type Result } from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';
import { endLinks, insertLink } from '../sms/phone-link-store';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { checkReason } from './staff-reason';

type SmsActionError =
  | 'staff_reason_required'
  | 'phone_invalid_format'
  | 'phone_not_mobile'
  | 'phone_invalid_length'
  | 'kpj_invalid_format'
  | 'kpj_invalid_check_digit'
  | 'not_found';

async function ownAccountId(
  ctx: ServiceContext,
  personId: number,
  kpjText: string,
): Promise<Result<number, SmsActionError>> {
  const kpj = parseKpj(kpjText);
  if (!kpj.ok) return kpj;
  const account = await ctx.db
    .selectFrom('member_accounts')
    .select('account_id')
    .where('kpj', '=', kpj.value.kpj)
    .where('person_id', '=', personId)
    .where('status', '<>', 'merged')
    .executeTakeFirst();
  return account ? ok(account.account_id) : err('not_found', undefined, 'kpj');
}

export async function linkSmsPhone(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  kpjText: string,
  phoneText: string,
  reason: string,
): Promise<Result<{ readonly isNew: boolean }, SmsActionError>> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  const phone = normalisePhone(phoneText);
  if (!phone.ok) return phone;
  const accountId = await ownAccountId(ctx, personId, kpjText);
  if (!accountId.ok) return accountId;
  const isNew = await ctx.db.transaction().execute(async (trx) => {
    const made = await insertLink(ctx, trx, {
      personId,
      accountId: accountId.value,
      phone: phone.value,
      linkedBy: 'staff',
      linkedByUserId: actor.userId,
    });
    await writeStaffAudit(trx, ctx.clock.now(), actor, {
      action: 'staff.sms_link',
      personId,
      reason: checkedReason.value,
      details: { accountId: accountId.value, isNew: made },
    });
    return made;
  });
  return ok({ isNew });
}

export async function unlinkSmsPhone(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  phoneText: string,
  kpjText: string | null,
  reason: string,
): Promise<Result<{ readonly unlinkedCount: number }, SmsActionError>> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  const phone = normalisePhone(phoneText);
  if (!phone.ok) return phone;
  const accountIds: number[] = [];
  if (kpjText) {
    const accountId = await ownAccountId(ctx, personId, kpjText);
    if (!accountId.ok) return accountId;
    accountIds.push(accountId.value);
  } else {
    const rows = await ctx.db
      .selectFrom('member_accounts')
      .select('account_id')
      .where('person_id', '=', personId)
      .execute();
    accountIds.push(...rows.map((row) => row.account_id));
  }
  const unlinkedCount = await ctx.db.transaction().execute(async (trx) => {
    let count = 0;
    // Only this member's links end: the same phone may be linked to someone else's account.
    for (const accountId of accountIds) count += await endLinks(ctx, trx, phone.value, 'staff', accountId);
    await writeStaffAudit(trx, ctx.clock.now(), actor, {
      action: 'staff.sms_unlink',
      personId,
      reason: checkedReason.value,
      details: { accountIds, unlinkedCount: count },
    });
    return count;
  });
  return ok({ unlinkedCount });
}
