// Test fixtures for the SMS service: a member with a KPJ and a known JHT / JP balance, posted through
// the ledger's own posting engine.
import { issueKpj } from '@lumbung/core';
import { sql } from 'kysely';
import { ensureMemberLedgerAccounts, fundAccountIds, memberAccountCode } from '../ledger/ledger-accounts';
import { postEntry } from '../ledger/posting-engine';
import { insertPerson } from '../persons/person-store';
import type { ServiceContext } from '../services/service-context';

export interface SmsFixtureMember {
  readonly personId: number;
  readonly accountId: number;
  readonly kpj: string;
  readonly nik: string;
  /** 'YYYY-MM-DD' */
  readonly birthDate: string;
}

let serial = 1;

/** A woman born 17-08-1990 in Jakarta (NIK day + 40), with a fresh serial. */
export async function createSmsMember(
  ctx: ServiceContext,
  options: { preferredLanguage?: 'id' | 'en' } = {},
): Promise<SmsFixtureMember> {
  const nik = `317101570890${String(serial++).padStart(4, '0')}`;
  const birthDate = '1990-08-17';
  const personId = await insertPerson(ctx.db, ctx.pii, {
    nik,
    fullName: 'Siti Aminah',
    birthDate,
    sex: 'F',
    preferredLanguage: options.preferredLanguage ?? 'id',
  });
  const next = await sql<{ n: number }>`select nextval('kpj_number_seq') as n`.execute(ctx.db);
  const kpj = issueKpj(Number(next.rows[0]?.n));
  const account = await ctx.db
    .insertInto('member_accounts')
    .values({ person_id: personId, kpj, segment: 'PU', joined_on: '2020-01-01' })
    .returning('account_id')
    .executeTakeFirstOrThrow();
  return { personId, accountId: account.account_id, kpj, nik, birthDate };
}

/** Credits one month's contribution: JHT and JP, worker and employer parts, against the bank. */
export async function postContribution(
  ctx: ServiceContext,
  member: SmsFixtureMember,
  input: { period: string; jhtRupiah: number; jpRupiah: number; bookedAt: Date },
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const ids = await ensureMemberLedgerAccounts(trx, [
      { accountId: member.accountId, personId: member.personId, programme: 'JHT' },
      { accountId: member.accountId, personId: member.personId, programme: 'JP' },
    ]);
    const fund = await fundAccountIds(trx);
    const jhtWorker = Math.floor(input.jhtRupiah / 2);
    await postEntry(trx, {
      idempotencyKey: `sms-test:${member.accountId}:${input.period}`,
      source: 'contribution',
      period: input.period,
      bookedAt: input.bookedAt,
      personId: member.personId,
      postings: [
        {
          ledgerAccountId: ids.get(memberAccountCode(member.accountId, 'JHT'))!,
          amountRupiah: jhtWorker,
          component: 'worker',
        },
        {
          ledgerAccountId: ids.get(memberAccountCode(member.accountId, 'JHT'))!,
          amountRupiah: input.jhtRupiah - jhtWorker,
          component: 'employer',
        },
        {
          ledgerAccountId: ids.get(memberAccountCode(member.accountId, 'JP'))!,
          amountRupiah: input.jpRupiah,
          component: 'employer',
        },
        {
          ledgerAccountId: fund['fund:bank'],
          amountRupiah: -(input.jhtRupiah + input.jpRupiah),
          component: 'other',
        },
      ],
    });
  });
}

/** The DAFTAR text a member would type. */
export function daftarText(member: SmsFixtureMember): string {
  const [year, month, day] = member.birthDate.split('-');
  return `DAFTAR ${member.kpj} ${day}-${month}-${year} ${member.nik}`;
}
