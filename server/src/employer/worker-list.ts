// The employer's workers: current and past employments with KPJ and name (no other PII).
import type { ServiceContext } from '../services/service-context';

export interface EmployerWorker {
  readonly employmentId: number;
  readonly personId: number;
  readonly fullName: string;
  readonly kpj: string;
  readonly startedOn: string;
  readonly endedOn: string | null;
  readonly exitReason: string | null;
}

export async function listWorkers(
  ctx: ServiceContext,
  employerId: number,
  limit = 5_000,
): Promise<EmployerWorker[]> {
  const rows = await ctx.db
    .selectFrom('employments as e')
    .innerJoin('member_accounts as a', 'a.account_id', 'e.account_id')
    .innerJoin('persons as p', 'p.person_id', 'e.person_id')
    .select([
      'e.employment_id',
      'e.person_id',
      'p.full_name',
      'a.kpj',
      'e.started_on',
      'e.ended_on',
      'e.exit_reason',
    ])
    .where('e.employer_id', '=', employerId)
    .orderBy('e.ended_on', (ob) => ob.desc().nullsFirst())
    .orderBy('p.full_name')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    employmentId: r.employment_id,
    personId: r.person_id,
    fullName: r.full_name,
    kpj: r.kpj,
    startedOn: r.started_on,
    endedOn: r.ended_on,
    exitReason: r.exit_reason,
  }));
}
