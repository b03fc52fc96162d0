// A member's own membership accounts (KPJ) with their current or last employer. Every portal read
// starts here, so a KPJ that is not the signed-in person's is simply not found.
import type { ServiceContext } from '../services/service-context';

export interface MemberAccount {
  readonly accountId: number;
  readonly kpj: string;
  readonly segment: 'PU' | 'BPU';
  readonly status: 'active' | 'inactive';
  readonly joinedOn: string;
  readonly exitedOn: string | null;
  readonly employer: { readonly employerId: number; readonly name: string; readonly npp: string } | null;
}

/** The person's accounts (merged ones left out: their history lives on in the account they joined). */
export async function listMemberAccounts(ctx: ServiceContext, personId: number): Promise<MemberAccount[]> {
  // One round trip: each account with all its employments (few per account), the employer picked below.
  const rows = await ctx.db
    .selectFrom('member_accounts as a')
    .leftJoin('employments as e', (join) =>
      join.onRef('e.account_id', '=', 'a.account_id').on('e.person_id', '=', personId),
    )
    .leftJoin('employers as r', 'r.employer_id', 'e.employer_id')
    .select([
      'a.account_id',
      'a.kpj',
      'a.segment',
      'a.status',
      'a.joined_on',
      'a.exited_on',
      'e.ended_on',
      'r.employer_id',
      'r.name',
      'r.npp',
    ])
    .where('a.person_id', '=', personId)
    .where('a.status', '<>', 'merged')
    .orderBy('a.joined_on')
    .orderBy('a.account_id')
    .orderBy('e.started_on')
    .orderBy('e.employment_id')
    .execute();
  const accounts = [...new Map(rows.map((row) => [row.account_id, row])).values()];
  return accounts.map((account) => {
    const own = rows.filter((row) => row.account_id === account.account_id && row.employer_id !== null);
    // The open employment if there is one, else the latest that ended.
    const current = own.find((employment) => employment.ended_on === null) ?? own[own.length - 1];
    return {
      accountId: account.account_id,
      kpj: account.kpj,
      segment: account.segment,
      status: account.status === 'active' ? 'active' : 'inactive',
      joinedOn: account.joined_on,
      exitedOn: account.exited_on,
      employer:
        current && current.employer_id !== null && current.name !== null && current.npp !== null
          ? { employerId: current.employer_id, name: current.name, npp: current.npp }
          : null,
    };
  });
}

/** One of the person's own accounts by KPJ, or undefined (also for another person's KPJ). */
export async function findOwnAccount(
  ctx: ServiceContext,
  personId: number,
  kpj: string,
): Promise<MemberAccount | undefined> {
  return (await listMemberAccounts(ctx, personId)).find((account) => account.kpj === kpj);
}
