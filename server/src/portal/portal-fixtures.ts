// Test fixtures for the portal: a member with a KPJ at an employer, created straight through the
// person store and the foundation tables, and a bearer token for that member.
import { issueKpj } from '@lumbung/core';
import { sql } from 'kysely';
import { insertPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';
import { bearerFor } from '../test/sign-in';

let serial = 1;

export interface PortalMember {
  readonly personId: number;
  readonly accountId: number;
  readonly kpj: string;
  readonly nik: string;
  readonly employerId: number;
  readonly headers: { authorization: string };
}

export async function createPortalMember(
  ctx: ServiceContext,
  options: {
    fullName?: string;
    joinedOn?: string;
    employerName?: string;
    email?: string;
    phone?: string;
  } = {},
): Promise<PortalMember> {
  const nik = `327301150190${String(serial).padStart(4, '0')}`;
  serial += 1;
  const personId = await insertPerson(ctx.db, ctx.pii, {
    nik,
    fullName: options.fullName ?? 'Budi Santoso',
    birthDate: '1990-01-15',
    sex: 'M',
    email: options.email ?? null,
    phone: options.phone ?? null,
    address: 'Jl. Melati No. 5, Bandung',
  });
  const next = await sql<{ n: number }>`select nextval('kpj_number_seq') as n`.execute(ctx.db);
  const kpj = issueKpj(Number(next.rows[0]?.n));
  const joinedOn = options.joinedOn ?? '2020-01-01';
  const account = await ctx.db
    .insertInto('member_accounts')
    .values({ person_id: personId, kpj, segment: 'PU', joined_on: joinedOn })
    .returning('account_id')
    .executeTakeFirstOrThrow();
  const employer = await ctx.db
    .insertInto('employers')
    .values({
      npp: `NPP${String(personId).padStart(6, '0')}`,
      name: options.employerName ?? 'PT Sinar Jaya',
      jkk_risk_class: 'low',
    })
    .returning('employer_id')
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('employments')
    .values({
      employer_id: employer.employer_id,
      person_id: personId,
      account_id: account.account_id,
      started_on: joinedOn,
    })
    .execute();
  const token = await bearerFor(ctx, { role: 'member', personId });
  return {
    personId,
    accountId: account.account_id,
    kpj,
    nik,
    employerId: employer.employer_id,
    headers: { authorization: `Bearer ${token}` },
  };
}
