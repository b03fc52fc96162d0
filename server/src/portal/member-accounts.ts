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
  const accounts = await ctx.db
    .selectFrom('member_accounts')
    .select(['account_id', 'kpj', 'segment', 'status', 'joined_on', 'exited_on'])
    .where('person_id', '=', personId)
    .where('status', '<>', 'merged')
    .orderBy('joined_on')
    .orderBy('account_id')
    .execute();
  if (accounts.length === 0) return [];
  const employments = await ctx.db
    .selectFrom('employments')
    .innerJoin('employers', 'employers.employer_id', 'employments.employer_id')
    .select([
      'employments.account_id',
      'employments.started_on',
      'employments.ended_on',
      'employers.employer_id',
      'employers.name',
      'employers.npp',
    ])
    .where('employments.person_id', '=', personId)
    .orderBy('employments.started_on')
    .orderBy('employments.employment_id')
    .execute();
  return accounts.map((account) => {
    const own = employments.filter((employment) => employment.account_id === account.account_id);
    // The open employment if there is one, else the latest that ended.
    const current = own.find((employment) => employment.ended_on === null) ?? own[own.length - 1];
    return {
      accountId: account.account_id,
      kpj: account.kpj,
      segment: account.segment,
      status: account.status === 'active' ? 'active' : 'inactive',
      joinedOn: account.joined_on,
      exitedOn: account.exited_on,
      employer: current ? { employerId: current.employer_id, name: current.name, npp: current.npp } : null,
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
