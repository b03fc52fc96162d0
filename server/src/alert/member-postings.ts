// What an employer's contributions actually put into members' JHT and JP accounts, per contribution
// entry, read from the ledger itself: the worker and employer parts posted to the member's JHT and JP
// ledger accounts by entries of source 'contribution'. A reversed entry (and its reversal) counts for
// nothing. This is the "posted" side of every contribution check and of the Lapor ledger extract.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface MemberPosting {
  readonly employerId: number;
  readonly personId: number;
  readonly period: string;
  /** JHT + JP, worker and employer parts, of one contribution entry. */
  readonly amountRupiah: number;
  readonly bookedAt: Date;
}

export async function contributionsPostedToMembers(
  db: Kysely<DB>,
  filter: {
    readonly personIds: readonly number[];
    readonly fromPeriod: string;
    readonly toPeriod?: string;
    readonly employerId?: number;
  },
): Promise<MemberPosting[]> {
  if (filter.personIds.length === 0) return [];
  const rows = await db
    .selectFrom('journal_entries as j')
    .innerJoin('postings as p', 'p.entry_id', 'j.entry_id')
    .innerJoin('ledger_accounts as la', 'la.ledger_account_id', 'p.ledger_account_id')
    .select([
      'j.entry_id',
      'j.employer_id',
      'j.person_id',
      'j.period',
      'j.booked_at',
      sql<number>`sum(p.amount)`.as('amount'),
    ])
    .where('j.person_id', 'in', [...filter.personIds])
    .where('j.source', '=', 'contribution')
    .where('j.period', '>=', filter.fromPeriod)
    .$if(filter.toPeriod !== undefined, (qb) => qb.where('j.period', '<=', filter.toPeriod!))
    .$if(filter.employerId !== undefined, (qb) => qb.where('j.employer_id', '=', filter.employerId!))
    .where('la.kind', '=', 'member')
    .where('la.programme', 'in', ['JHT', 'JP'])
    .where('p.component', 'in', ['worker', 'employer'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('journal_entries as r')
            .select('r.entry_id')
            .whereRef('r.reverses_entry_id', '=', 'j.entry_id'),
        ),
      ),
    )
    .groupBy(['j.entry_id', 'j.employer_id', 'j.person_id', 'j.period', 'j.booked_at'])
    .execute();
  return rows.flatMap((row) =>
    row.employer_id === null || row.person_id === null || row.period === null
      ? []
      : [
          {
            employerId: row.employer_id,
            personId: row.person_id,
            period: row.period,
            amountRupiah: row.amount,
            bookedAt: new Date(row.booked_at),
          },
        ],
  );
}
