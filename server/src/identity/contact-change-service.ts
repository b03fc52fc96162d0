// Changing a member's phone or e-mail: one code to the current contact (it is really them) and one to
// the new contact (they really hold it); both must be entered together. The new value is written to the
// person and the sign-in account in one transaction (member-contact-store).
import { err, maskPhone, normalisePhone, ok, type Result } from '@lumbung/core';
import type { Channel } from '../db/tables/identity-tables';
import type { ServiceContext } from '../services/service-context';
import { writeAudit } from './audit-log';
import { answerChallenge, challengeData, createChallenge, type ChallengeFailure } from './challenge-service';
import { maskEmail, sendCode } from './code-messages';
import { normaliseEmail } from './identifier';
import { allowHits, LIMITS } from './rate-limit';
import { writeMemberContact } from './member-contact-store';
import { isUniqueViolation } from './registration-service';
import { codeDestination } from './sign-in-service';
import { getUser, userContacts } from './user-store';

export type ContactKind = 'phone' | 'email';

export interface ContactChangeStarted {
  readonly changeId: string;
  readonly kind: ContactKind;
  readonly oldChannel: Channel;
  readonly oldMaskedDestination: string;
  readonly newMaskedDestination: string;
  readonly expiresAt: string;
}

interface PendingChange {
  readonly kind: ContactKind;
  readonly value: string;
}

export async function startContactChange(
  ctx: ServiceContext,
  userId: number,
  input: { kind: ContactKind; newValue: string },
): Promise<Result<ContactChangeStarted>> {
  let value: string;
  if (input.kind === 'phone') {
    const phone = normalisePhone(input.newValue);
    if (!phone.ok) return err(phone.code, undefined, 'newValue');
    value = phone.value;
  } else {
    const email = normaliseEmail(input.newValue);
    if (!email) return err('email_invalid', undefined, 'newValue');
    value = email;
  }
  const user = await getUser(ctx.db, userId);
  const contacts = userContacts(ctx, user);
  if ((input.kind === 'phone' ? contacts.phone : contacts.email) === value) {
    return err('contact_unchanged', undefined, 'newValue');
  }
  const allowed = await allowHits(ctx, [
    [LIMITS.contactPerUser, String(userId)],
    [LIMITS.contactPerDestination, ctx.pii.blindIndex(input.kind, value)],
  ]);
  if (!allowed) return err('rate_limited');

  // The old code goes to the current contact of the same kind, or to the other contact when the
  // member never had one of this kind.
  const current = input.kind === 'phone' ? contacts.phone : contacts.email;
  const old =
    current === null
      ? codeDestination(ctx, user)
      : input.kind === 'phone'
        ? { channel: 'sms' as const, to: current, masked: maskPhone(current) }
        : { channel: 'email' as const, to: current, masked: maskEmail(current) };
  const newChannel: Channel = input.kind === 'phone' ? 'sms' : 'email';
  const challenge = await createChallenge(ctx, ctx.db, {
    purpose: 'contact_change',
    userId,
    personId: user.person_id,
    channel: old.channel,
    withCode: true,
    withSecondCode: true,
    data: { kind: input.kind, value } satisfies PendingChange,
  });
  if (challenge.code && challenge.secondCode) {
    sendCode(ctx, old.channel, old.to, 'contact_change', challenge.code, user.language);
    sendCode(ctx, newChannel, value, 'contact_change_new', challenge.secondCode, user.language);
  }
  return ok({
    changeId: challenge.challengeId,
    kind: input.kind,
    oldChannel: old.channel,
    oldMaskedDestination: old.masked,
    newMaskedDestination: input.kind === 'phone' ? maskPhone(value) : maskEmail(value),
    expiresAt: challenge.expiresAt.toISOString(),
  });
}

export async function completeContactChange(
  ctx: ServiceContext,
  userId: number,
  input: { changeId: string; oldCode: string; newCode: string },
  origin: { ip: string | null },
): Promise<
  Result<{ kind: ContactKind; masked: string }, ChallengeFailure | 'contact_unavailable' | 'rate_limited'>
> {
  if (!(await allowHits(ctx, [[LIMITS.contactVerifyPerIp, origin.ip ?? 'unknown']])))
    return err('rate_limited');
  const owned = await ctx.db
    .selectFrom('challenges')
    .select('user_id')
    .where('challenge_id', '=', input.changeId.slice(0, 64))
    .executeTakeFirst();
  if (owned?.user_id !== userId) return err('otp_expired');
  const answered = await answerChallenge(ctx, input.changeId, 'contact_change', {
    code: input.oldCode,
    secondCode: input.newCode,
  });
  if (!answered.ok) return answered;
  const change = challengeData<PendingChange>(ctx, answered.value);
  const at = ctx.clock.now();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const user = await getUser(trx, userId);
      // The person's record and the sign-in account change together (member-contact-store): the SMS
      // service, staff checks and the portal all read the one new value.
      await writeMemberContact(
        ctx,
        trx,
        { personId: user.person_id, userId },
        change.kind === 'phone' ? { phone: change.value } : { email: change.value },
        at,
      );
      await writeAudit(trx, {
        at,
        actorUserId: userId,
        actorRole: user.role,
        action: change.kind === 'phone' ? 'phone_changed' : 'email_changed',
        subjectPersonId: user.person_id,
      });
    });
  } catch (error) {
    // The new contact belongs to another account (it was checked only now, after proof of holding it).
    if (isUniqueViolation(error)) return err('contact_unavailable');
    throw error;
  }
  return ok({
    kind: change.kind,
    masked: change.kind === 'phone' ? maskPhone(change.value) : maskEmail(change.value),
  });
}
