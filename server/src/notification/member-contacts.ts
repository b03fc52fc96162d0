// Where and in which language to reach a member: the verified sign-in contacts first (identity changes
// them only with a one-time code), else the contacts on the person record; the person's language.
import type { Language } from '@lumbung/core';
import { userContacts } from '../identity/user-store';
import { getPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';

export interface MemberContacts {
  /** E.164. */
  readonly phone: string | null;
  /** Lower-cased. */
  readonly email: string | null;
  readonly language: Language;
}

export async function memberContacts(ctx: ServiceContext, personId: number): Promise<MemberContacts> {
  const person = await getPerson(ctx.db, ctx.pii, personId);
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
  const signIn = user ? userContacts(ctx, user) : { phone: null, email: null };
  return {
    phone: signIn.phone ?? person.phone,
    email: signIn.email ?? person.email,
    language: person.preferredLanguage,
  };
}
