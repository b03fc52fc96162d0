// The member's profile as the portal shows it: contacts masked, address and language editable here.
// Phone and e-mail changes need a one-time code and belong to the identity feature.
import { err, maskPhone, ok, type Result } from '@lumbung/core';
import { getPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';

export const MAX_ADDRESS_LENGTH = 300;

export interface Profile {
  readonly fullName: string;
  readonly birthDate: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly language: 'id' | 'en';
}

/** 'siti.aminah@example.com' → 's********h@example.com'. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  const local = email.slice(0, at);
  const shown =
    local.length <= 2
      ? `${local[0]}*`
      : `${local[0]}${'*'.repeat(local.length - 2)}${local[local.length - 1]}`;
  return `${shown}${email.slice(at)}`;
}

export async function getProfile(ctx: ServiceContext, personId: number): Promise<Profile> {
  const person = await getPerson(ctx.db, ctx.pii, personId);
  return {
    fullName: person.fullName,
    birthDate: person.birthDate,
    email: person.email === null ? null : maskEmail(person.email),
    phone: person.phone === null ? null : maskPhone(person.phone),
    address: person.address,
    language: person.preferredLanguage,
  };
}

export interface ProfileChange {
  readonly address?: string | null;
  readonly language?: 'id' | 'en';
}

export async function updateProfile(
  ctx: ServiceContext,
  personId: number,
  change: ProfileChange,
): Promise<Result<Profile, 'profile_address_invalid'>> {
  let address: string | null | undefined;
  if (change.address !== undefined) {
    address = change.address === null ? null : change.address.trim().replace(/[ \t]+/g, ' ');
    if (
      address !== null &&
      (address.length > MAX_ADDRESS_LENGTH || /\p{Cc}/u.test(address.replace(/\n/g, '')))
    ) {
      return err('profile_address_invalid', undefined, 'address');
    }
    if (address === '') address = null;
  }
  await ctx.db.transaction().execute(async (trx) => {
    // Address is PII: encrypted here exactly as person-store encrypts it on insert.
    await trx
      .updateTable('persons')
      .set({
        ...(address !== undefined
          ? { address_cipher: address === null ? null : ctx.pii.encrypt(address) }
          : {}),
        ...(change.language ? { preferred_language: change.language } : {}),
        updated_at: ctx.clock.now(),
      })
      .where('person_id', '=', personId)
      .execute();
    // The sign-in user's language picks the language of codes sent by SMS and e-mail: keep them one.
    if (change.language) {
      await trx
        .updateTable('users')
        .set({ language: change.language })
        .where('person_id', '=', personId)
        .execute();
    }
  });
  return ok(await getProfile(ctx, personId));
}
