// Employers as the fund registers them (NPP, name, JKK risk class). Registration itself belongs to the
// staff console; this is the small write the demo seed and tests need.
import { normaliseNpp, type RiskClass } from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';

export interface NewEmployer {
  readonly npp: string;
  readonly name: string;
  readonly riskClass: RiskClass;
  readonly address?: string;
}

export async function createEmployer(ctx: ServiceContext, employer: NewEmployer): Promise<number> {
  const npp = normaliseNpp(employer.npp);
  if (!npp.ok) throw new Error(`invalid NPP ${employer.npp}`);
  const row = await ctx.db
    .insertInto('employers')
    .values({
      npp: npp.value,
      name: employer.name,
      jkk_risk_class: employer.riskClass,
      address: employer.address ?? null,
    })
    .returning('employer_id')
    .executeTakeFirstOrThrow();
  return row.employer_id;
}

export async function findEmployerByNpp(ctx: ServiceContext, npp: string): Promise<number | undefined> {
  const normalised = normaliseNpp(npp);
  if (!normalised.ok) return undefined;
  const row = await ctx.db
    .selectFrom('employers')
    .select('employer_id')
    .where('npp', '=', normalised.value)
    .executeTakeFirst();
  return row?.employer_id;
}
