// The one place that writes and reads a person's PII: encrypts on the way in, decrypts on the way out,
// and looks people up through blind indexes. Callers pass normalised values (core identity parsers).
import { nameKey } from '@lumbung/core/identity/name-key';
import type { Kysely } from 'kysely';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { DB } from '../db/schema';
import type { PersonsTable } from '../db/tables/foundation-tables';
import type { Selectable } from 'kysely';

export interface NewPerson {
  /** 16 digits, already validated. */
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  /** E.164, e.g. +6281234567890. */
  readonly phone?: string | null;
  /** Lower-cased. */
  readonly email?: string | null;
  readonly address?: string | null;
  readonly motherMaidenName?: string | null;
  readonly preferredLanguage?: 'id' | 'en';
}

export interface PersonPii {
  readonly personId: number;
  readonly nik: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly phone: string | null;
  readonly email: string | null;
  readonly address: string | null;
  readonly motherMaidenName: string | null;
  readonly preferredLanguage: 'id' | 'en';
}

const encryptOrNull = (pii: PiiCipher, value: string | null | undefined): string | null =>
  value === null || value === undefined || value === '' ? null : pii.encrypt(value);

export async function insertPerson(db: Kysely<DB>, pii: PiiCipher, person: NewPerson): Promise<number> {
  const row = await db
    .insertInto('persons')
    .values({
      nik_cipher: pii.encrypt(person.nik),
      nik_index: pii.blindIndex('nik', person.nik),
      full_name: person.fullName.trim().replace(/\s+/g, ' '),
      name_key: nameKey(person.fullName),
      birth_date: person.birthDate,
      sex: person.sex,
      phone_cipher: encryptOrNull(pii, person.phone),
      phone_index: person.phone ? pii.blindIndex('phone', person.phone) : null,
      email_cipher: encryptOrNull(pii, person.email),
      email_index: person.email ? pii.blindIndex('email', person.email) : null,
      address_cipher: encryptOrNull(pii, person.address),
      mother_maiden_name_cipher: encryptOrNull(pii, person.motherMaidenName),
      ...(person.preferredLanguage ? { preferred_language: person.preferredLanguage } : {}),
    })
    .returning('person_id')
    .executeTakeFirstOrThrow();
  return row.person_id;
}

export async function findPersonIdByNik(
  db: Kysely<DB>,
  pii: PiiCipher,
  nik: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('persons')
    .select('person_id')
    .where('nik_index', '=', pii.blindIndex('nik', nik))
    .executeTakeFirst();
  return row?.person_id;
}

export function decryptPerson(pii: PiiCipher, row: Selectable<PersonsTable>): PersonPii {
  const open = (value: string | null): string | null => (value === null ? null : pii.decrypt(value));
  return {
    personId: row.person_id,
    nik: pii.decrypt(row.nik_cipher),
    fullName: row.full_name,
    birthDate: row.birth_date,
    sex: row.sex,
    phone: open(row.phone_cipher),
    email: open(row.email_cipher),
    address: open(row.address_cipher),
    motherMaidenName: open(row.mother_maiden_name_cipher),
    preferredLanguage: row.preferred_language,
  };
}

export async function getPerson(db: Kysely<DB>, pii: PiiCipher, personId: number): Promise<PersonPii> {
  const row = await db
    .selectFrom('persons')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();
  return decryptPerson(pii, row);
}
