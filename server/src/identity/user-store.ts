// Users: one per member person, plus staff. Creating, finding by sign-in identifier, and the public
// shape of a user. Sign-in contacts are encrypted with blind indexes, like person PII.
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { Channel, UserRole, UsersTable } from '../db/tables/identity-tables';
import type { ServiceContext } from '../services/service-context';
import { readIdentifier } from './identifier';
import { hashPassword } from './password-hashing';

export type UserRow = Selectable<UsersTable>;

export interface PublicUser {
  readonly id: number;
  readonly role: UserRole;
  readonly displayName: string;
  readonly language: 'id' | 'en';
}

export function publicUser(row: UserRow): PublicUser {
  return { id: row.user_id, role: row.role, displayName: row.display_name, language: row.language };
}

export interface NewMemberUser {
  readonly personId: number;
  readonly password?: string;
  /** An argon2id hash made earlier (registration hashes when the form is sent). */
  readonly passwordHash?: string;
  /** E.164. */
  readonly phone?: string | null;
  /** Lower-cased. */
  readonly email?: string | null;
  readonly displayName?: string;
  readonly language?: 'id' | 'en';
  readonly preferredChannel?: Channel;
}

export interface NewStaffUser {
  readonly role: Exclude<UserRole, 'member'>;
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  /** Base32 TOTP secret; staff sign-in always asks for its code. */
  readonly totpSecret: string;
  readonly employerId?: number | null;
  readonly phone?: string | null;
  readonly language?: 'id' | 'en';
}

function contactColumns(
  ctx: ServiceContext,
  phone: string | null | undefined,
  email: string | null | undefined,
) {
  return {
    phone_cipher: phone ? ctx.pii.encrypt(phone) : null,
    phone_index: phone ? ctx.pii.blindIndex('phone', phone) : null,
    email_cipher: email ? ctx.pii.encrypt(email) : null,
    email_index: email ? ctx.pii.blindIndex('email', email) : null,
  };
}

/** Inserts a member user on db (a transaction when the caller has one). */
export async function insertMemberUser(
  ctx: ServiceContext,
  db: Kysely<DB>,
  user: NewMemberUser,
): Promise<UserRow> {
  const passwordHash = user.passwordHash ?? (await hashPassword(requirePassword(user.password)));
  let displayName = user.displayName;
  if (!displayName) {
    const person = await db
      .selectFrom('persons')
      .select('full_name')
      .where('person_id', '=', user.personId)
      .executeTakeFirstOrThrow();
    displayName = person.full_name;
  }
  const now = ctx.clock.now();
  return db
    .insertInto('users')
    .values({
      role: 'member',
      person_id: user.personId,
      display_name: displayName,
      ...contactColumns(ctx, user.phone, user.email),
      preferred_channel: user.preferredChannel ?? (user.phone ? 'sms' : 'email'),
      password_hash: passwordHash,
      totp_secret_cipher: null,
      totp_pending_cipher: null,
      totp_last_step: null,
      language: user.language ?? 'id',
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

function requirePassword(password: string | undefined): string {
  if (password === undefined) throw new Error('a new user needs a password or a password hash');
  return password;
}

export function createMemberUser(ctx: ServiceContext, user: NewMemberUser): Promise<UserRow> {
  return insertMemberUser(ctx, ctx.db, user);
}

export async function createStaffUser(ctx: ServiceContext, user: NewStaffUser): Promise<UserRow> {
  if (user.role === 'employer_admin' && !user.employerId)
    throw new Error('an employer_admin needs an employerId');
  const passwordHash = await hashPassword(user.password);
  const now = ctx.clock.now();
  return ctx.db
    .insertInto('users')
    .values({
      role: user.role,
      person_id: null,
      employer_id: user.employerId ?? null,
      display_name: user.displayName,
      ...contactColumns(ctx, user.phone, user.email.trim().toLowerCase()),
      preferred_channel: 'email',
      password_hash: passwordHash,
      totp_secret_cipher: ctx.pii.encrypt(user.totpSecret),
      totp_pending_cipher: null,
      totp_enabled: true,
      totp_last_step: null,
      language: user.language ?? 'id',
      password_changed_at: now,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The user an identifier names, if any. Always runs the same queries whatever the input, so the time
 * taken does not reveal which reading matched.
 */
export async function findUserByIdentifier(ctx: ServiceContext, text: string): Promise<UserRow | undefined> {
  const readings = readIdentifier(text);
  let found: UserRow | undefined;
  // Every reading is looked up even after a match, so the number of queries does not depend on it.
  for (const reading of readings) {
    let row: UserRow | undefined;
    if (reading.kind === 'kpj') {
      row = await ctx.db
        .selectFrom('users')
        .innerJoin('member_accounts', 'member_accounts.person_id', 'users.person_id')
        .selectAll('users')
        .where('member_accounts.kpj', '=', reading.value)
        .executeTakeFirst();
    } else {
      const column = reading.kind === 'email' ? 'email_index' : 'phone_index';
      row = await ctx.db
        .selectFrom('users')
        .selectAll()
        .where(column, '=', ctx.pii.blindIndex(reading.kind, reading.value))
        .executeTakeFirst();
    }
    found ??= row;
  }
  return found;
}

export async function getUser(db: Kysely<DB>, userId: number): Promise<UserRow> {
  return db.selectFrom('users').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow();
}

/** The decrypted sign-in contacts of a user. */
export function userContacts(
  ctx: ServiceContext,
  row: UserRow,
): { phone: string | null; email: string | null } {
  return {
    phone: row.phone_cipher ? ctx.pii.decrypt(row.phone_cipher) : null,
    email: row.email_cipher ? ctx.pii.decrypt(row.email_cipher) : null,
  };
}
