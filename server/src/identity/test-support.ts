// Helpers for identity tests: a registry member (person + KPJ) ready to register, and reading codes
// from the development outbox.
import { flushDeliveries } from '../delivery/delivery-port';
import { readOutbox } from '../delivery/outbox-adapter';
import { insertPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';

export interface RegistryMember {
  readonly personId: number;
  readonly nik: string;
  readonly kpj: string;
  readonly fullName: string;
  readonly birthDate: string;
  readonly phone: string;
  readonly email: string;
}

let serial = 0;

/** A person in the registry with one KPJ; phone and e-mail are what the member will type. */
export async function registryMember(
  ctx: ServiceContext,
  overrides: Partial<RegistryMember> = {},
): Promise<RegistryMember> {
  serial += 1;
  const n = String(serial).padStart(4, '0');
  const member = {
    nik: `327301120490${n}`,
    kpj: `1234567${n}`,
    fullName: `Siti Nur-Aisyah ${n}`,
    birthDate: '1990-04-12',
    phone: `+62812345${n.slice(1)}0`,
    email: `siti${n}@contoh.id`,
    ...overrides,
  };
  const personId = await insertPerson(ctx.db, ctx.pii, {
    nik: member.nik,
    fullName: member.fullName,
    birthDate: member.birthDate,
    sex: 'F',
  });
  await ctx.db
    .insertInto('member_accounts')
    .values({
      person_id: personId,
      kpj: member.kpj,
      segment: 'PU',
      joined_on: '2015-01-01',
      exited_on: null,
      exit_reason: null,
      merged_into_account_id: null,
    })
    .execute();
  return { personId, ...member };
}

/** The newest 6-digit code sent to a phone or e-mail, or undefined. */
export async function lastCodeSentTo(ctx: ServiceContext, to: string, nth = 0): Promise<string | undefined> {
  await flushDeliveries();
  const messages = await readOutbox(ctx, to);
  return /\b(\d{6})\b/.exec(messages[nth]?.text ?? '')?.[1];
}
