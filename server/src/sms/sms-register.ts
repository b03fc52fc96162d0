// DAFTAR: link the sending phone to an account when KPJ, birth date and NIK all match. Every way of
// failing gets the same reply and takes the same path through the database, so a reply never tells
// which field was wrong or whether the KPJ exists.
import type { SmsReply } from '@lumbung/core/sms/sms-reply';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import { insertLink } from './phone-link-store';
import { countHit, peekHits, SMS_LIMITS } from './sms-rate-limit';

export interface RegisterOutcome {
  readonly reply: SmsReply;
  readonly personId: number | null;
  readonly language: 'id' | 'en' | null;
  /** For the message log: 'linked', 'already_linked', 'mismatch', 'locked'. */
  readonly detail: string;
}

export async function registerByDaftar(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  phone: string,
  command: { readonly kpj: string; readonly birthDate: string; readonly nik: string },
): Promise<RegisterOutcome> {
  const phoneKey = ctx.pii.blindIndex('phone', phone);
  const attempts = await countHit(ctx, trx, SMS_LIMITS.registerPerPhone, phoneKey);
  if (attempts > SMS_LIMITS.registerPerPhone.max) {
    return { reply: { kind: 'register_locked' }, personId: null, language: null, detail: 'locked' };
  }
  const kpjKey = ctx.pii.blindIndex('kpj', command.kpj);
  const failures = await peekHits(ctx, trx, SMS_LIMITS.registerFailuresPerKpj, kpjKey);
  const match = await trx
    .selectFrom('member_accounts as a')
    .innerJoin('persons as p', 'p.person_id', 'a.person_id')
    .select(['a.account_id', 'a.person_id', 'p.birth_date', 'p.nik_index', 'p.preferred_language'])
    .where('a.kpj', '=', command.kpj)
    .where('a.status', '<>', 'merged')
    .executeTakeFirst();
  const isMatch =
    failures < SMS_LIMITS.registerFailuresPerKpj.max &&
    match !== undefined &&
    match.birth_date === command.birthDate &&
    match.nik_index === ctx.pii.blindIndex('nik', command.nik);
  if (!isMatch || !match) {
    await countHit(ctx, trx, SMS_LIMITS.registerFailuresPerKpj, kpjKey);
    return { reply: { kind: 'register_failed' }, personId: null, language: null, detail: 'mismatch' };
  }
  const isNew = await insertLink(ctx, trx, {
    personId: match.person_id,
    accountId: match.account_id,
    phone,
    linkedBy: 'sms',
  });
  return {
    reply: { kind: 'register_ok', kpj: command.kpj },
    personId: match.person_id,
    language: match.preferred_language,
    detail: isNew ? 'linked' : 'already_linked',
  };
}
