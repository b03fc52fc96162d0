// Member registration: the identity typed must match the registry (NIK + KPJ + birth date, name
// compared by nameKey); a one-time code to the phone or e-mail activates the account. The first step
// answers the same, in shape and in work done, whether or not anything matched.
import {
  err,
  maskPhone,
  normaliseNik,
  normalisePhone,
  ok,
  parseCalendarDate,
  parseKpj,
  type Result,
} from '@lumbung/core';
import { nameKey } from '@lumbung/core/identity/name-key';
import type { Channel } from '../db/tables/identity-tables';
import { findPersonIdByNik } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';
import { writeAudit } from './audit-log';
import { answerChallenge, challengeData, createChallenge, type ChallengeFailure } from './challenge-service';
import { maskEmail, sendCode } from './code-messages';
import { normaliseEmail } from './identifier';
import { writeMemberContact } from './member-contact-store';
import { checkPasswordPolicy, hashPassword } from './password-hashing';
import { allowHits, LIMITS } from './rate-limit';
import { createSession, type NewSession, type SessionOrigin } from './session-service';
import { insertMemberUser, publicUser, type PublicUser } from './user-store';

export interface RegistrationInput {
  readonly nik: string;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
  readonly password: string;
  readonly channel: Channel;
  readonly language?: 'id' | 'en';
}

export interface RegistrationStarted {
  readonly registrationId: string;
  readonly channel: Channel;
  readonly maskedDestination: string;
  readonly expiresAt: string;
}

interface PendingRegistration {
  readonly personId: number;
  readonly passwordHash: string;
  readonly phone: string;
  readonly email: string;
  readonly channel: Channel;
  readonly language: 'id' | 'en';
}

export async function startRegistration(
  ctx: ServiceContext,
  input: RegistrationInput,
  origin: { ip: string | null },
): Promise<Result<RegistrationStarted>> {
  const nik = normaliseNik(input.nik);
  if (!nik.ok) return err(nik.code, undefined, 'nik');
  const kpj = parseKpj(input.kpj);
  if (!kpj.ok) return kpj;
  const birthDate = parseCalendarDate(input.birthDate);
  if (!birthDate.ok) return err(birthDate.code, undefined, 'birthDate');
  if (nameKey(input.fullName).length === 0) return err('name_invalid', undefined, 'fullName');
  const phone = normalisePhone(input.phone);
  if (!phone.ok) return phone;
  const email = normaliseEmail(input.email);
  if (!email) return err('email_invalid', undefined, 'email');
  const policy = checkPasswordPolicy(input.password);
  if (!policy.ok) return policy;

  const destination = input.channel === 'sms' ? phone.value : email;
  const allowed = await allowHits(ctx, [
    [LIMITS.registerPerIp, origin.ip ?? 'unknown'],
    [
      LIMITS.registerPerDestination,
      ctx.pii.blindIndex(input.channel === 'sms' ? 'phone' : 'email', destination),
    ],
    [LIMITS.registerPerNik, ctx.pii.blindIndex('nik', nik.value)],
  ]);
  if (!allowed) return err('rate_limited');

  // Hashed before matching, whatever the outcome: the expensive step happens on both paths.
  const passwordHash = await hashPassword(input.password);
  const personId = await matchRegistry(ctx, {
    nik: nik.value,
    kpj: kpj.value.kpj,
    birthDate: birthDate.value,
    fullName: input.fullName,
    phone: phone.value,
    email,
  });
  const language = input.language ?? 'id';
  const pending: PendingRegistration | undefined =
    personId === undefined
      ? undefined
      : { personId, passwordHash, phone: phone.value, email, channel: input.channel, language };
  const challenge = await createChallenge(ctx, ctx.db, {
    purpose: 'registration',
    personId: personId ?? null,
    channel: input.channel,
    withCode: pending !== undefined,
    data: pending ?? { decoy: true },
  });
  if (pending && challenge.code)
    sendCode(ctx, input.channel, destination, 'registration', challenge.code, language);
  return ok({
    registrationId: challenge.challengeId,
    channel: input.channel,
    maskedDestination: input.channel === 'sms' ? maskPhone(phone.value) : maskEmail(email),
    expiresAt: challenge.expiresAt.toISOString(),
  });
}

/** The person the details name, when everything matches and the person has no account yet. */
async function matchRegistry(
  ctx: ServiceContext,
  typed: { nik: string; kpj: string; birthDate: string; fullName: string; phone: string; email: string },
): Promise<number | undefined> {
  const personId = await findPersonIdByNik(ctx.db, ctx.pii, typed.nik);
  const person = await ctx.db
    .selectFrom('persons')
    .leftJoin('member_accounts', (join) =>
      join
        .onRef('member_accounts.person_id', '=', 'persons.person_id')
        .on('member_accounts.kpj', '=', typed.kpj),
    )
    .leftJoin('users', 'users.person_id', 'persons.person_id')
    .select([
      'persons.person_id',
      'persons.birth_date',
      'persons.name_key',
      'member_accounts.account_id',
      'users.user_id',
    ])
    .where('persons.person_id', '=', personId ?? -1)
    .executeTakeFirst();
  const contactTaken = await ctx.db
    .selectFrom('users')
    .select('user_id')
    .where((eb) =>
      eb.or([
        eb('phone_index', '=', ctx.pii.blindIndex('phone', typed.phone)),
        eb('email_index', '=', ctx.pii.blindIndex('email', typed.email)),
      ]),
    )
    .executeTakeFirst();
  const isMatch =
    person !== undefined &&
    person.account_id !== null &&
    person.user_id === null &&
    person.birth_date === typed.birthDate &&
    person.name_key === nameKey(typed.fullName) &&
    contactTaken === undefined;
  return isMatch ? person.person_id : undefined;
}

export interface SignedIn {
  readonly user: PublicUser;
  readonly session: NewSession;
}

export async function completeRegistration(
  ctx: ServiceContext,
  input: { registrationId: string; code: string },
  origin: SessionOrigin,
): Promise<Result<SignedIn, ChallengeFailure | 'conflict' | 'rate_limited'>> {
  if (!(await allowHits(ctx, [[LIMITS.codePerIp, origin.ip ?? 'unknown']]))) return err('rate_limited');
  const answered = await answerChallenge(ctx, input.registrationId, 'registration', { code: input.code });
  if (!answered.ok) return answered;
  const pending = challengeData<PendingRegistration>(ctx, answered.value);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const user = await insertMemberUser(ctx, trx, {
        personId: pending.personId,
        passwordHash: pending.passwordHash,
        phone: pending.phone,
        email: pending.email,
        language: pending.language,
        preferredChannel: pending.channel,
      });
      const session = await createSession(ctx, trx, user, origin);
      const at = ctx.clock.now();
      // The contacts just proved by the code become the person's (one value per contact, see
      // member-contact-store), replacing what an employer may have enrolled.
      await writeMemberContact(
        ctx,
        trx,
        { personId: pending.personId, userId: user.user_id },
        { phone: pending.phone, email: pending.email },
        at,
      );
      await trx
        .insertInto('sign_in_events')
        .values({
          user_id: user.user_id,
          person_id: user.person_id,
          at,
          outcome: 'signed_in',
          device_label: origin.deviceLabel,
          ip: origin.ip,
        })
        .execute();
      await writeAudit(trx, {
        at,
        actorUserId: user.user_id,
        actorRole: 'member',
        action: 'member_registered',
        subjectPersonId: user.person_id,
        details: { channel: pending.channel },
      });
      return ok({ user: publicUser(user), session });
    });
  } catch (error) {
    // Two registrations of one person (or one contact) raced and the other committed first.
    if (isUniqueViolation(error)) return err('conflict');
    throw error;
  }
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}
