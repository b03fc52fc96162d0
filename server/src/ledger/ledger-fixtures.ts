// Test fixtures for ledger tests: people and KPJ accounts created straight through the person store.
import { issueKpj } from '@lumbung/core';
import { sql } from 'kysely';
import { insertPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';

let nikSerial = 1;

/** A structurally valid NIK for a man born 1990-01-15 with a fresh serial. */
export function fixtureNik(serial = nikSerial++): string {
  return `327301150190${String(serial).padStart(4, '0')}`;
}

export async function createFixtureMember(
  ctx: ServiceContext,
  options: { fullName?: string; segment?: 'PU' | 'BPU' } = {},
): Promise<{ personId: number; accountId: number; kpj: string }> {
  const personId = await insertPerson(ctx.db, ctx.pii, {
    nik: fixtureNik(),
    fullName: options.fullName ?? 'Budi Santoso',
    birthDate: '1990-01-15',
    sex: 'M',
  });
  const next = await sql<{ n: number }>`select nextval('kpj_number_seq') as n`.execute(ctx.db);
  const kpj = issueKpj(Number(next.rows[0]?.n));
  const account = await ctx.db
    .insertInto('member_accounts')
    .values({ person_id: personId, kpj, segment: options.segment ?? 'PU', joined_on: '2020-01-01' })
    .returning('account_id')
    .executeTakeFirstOrThrow();
  return { personId, accountId: account.account_id, kpj };
}
