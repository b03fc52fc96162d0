// An heir files a death claim (JHT, JP, JKK work death, JKM) for a deceased member from their own portal
// account: they give the member's KPJ and NIK, and must be listed among the member's beneficiaries (NIK
// compared by blind index). Every mismatch gives the same answer, so nothing reveals who is a member.
import { err, normaliseNik, ok, type Result } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import type { ClaimRow } from './claim-store';

export interface DeceasedMember {
  readonly kpj: string;
  readonly nik: string;
}

/** Death reasons an heir may claim. */
export const HEIR_REASONS: ReadonlySet<string> = new Set([
  'JHT:death',
  'JP:death',
  'JKK:work_death',
  'JKM:death',
]);

/** The deceased member's person id when the claimant is one of their listed beneficiaries. */
export async function resolveDeceased(
  ctx: ServiceContext,
  claimantPersonId: number,
  deceased: DeceasedMember,
): Promise<Result<number, 'claim_heir_not_recognised'>> {
  const nik = normaliseNik(deceased.nik);
  if (!nik.ok) return err('claim_heir_not_recognised');
  const member = await ctx.db
    .selectFrom('persons')
    .innerJoin('member_accounts', 'member_accounts.person_id', 'persons.person_id')
    .select('persons.person_id')
    .where('persons.nik_index', '=', ctx.pii.blindIndex('nik', nik.value))
    .where('member_accounts.kpj', '=', deceased.kpj)
    .executeTakeFirst();
  if (!member || member.person_id === claimantPersonId) return err('claim_heir_not_recognised');
  const listed = await ctx.db
    .selectFrom('beneficiaries')
    .innerJoin('persons as claimant', 'claimant.nik_index', 'beneficiaries.nik_index')
    .select('beneficiaries.beneficiary_id')
    .where('beneficiaries.person_id', '=', member.person_id)
    .where('beneficiaries.removed_at', 'is', null)
    .where('claimant.person_id', '=', claimantPersonId)
    .executeTakeFirst();
  return listed ? ok(member.person_id) : err('claim_heir_not_recognised');
}

/** Whether the signed-in person files and follows this claim: the heir who opened it, else the member. */
export function isClaimant(
  claim: Pick<ClaimRow, 'person_id' | 'claimant_person_id'>,
  personId: number,
): boolean {
  return claim.claimant_person_id === null
    ? claim.person_id === personId
    : claim.claimant_person_id === personId;
}

/** Claims the person follows: their own, and those they filed as an heir. */
export function claimsOf(db: Kysely<DB>, personId: number) {
  return db
    .selectFrom('claims')
    .where((eb) =>
      eb.or([
        eb.and([eb('claims.person_id', '=', personId), eb('claims.claimant_person_id', 'is', null)]),
        eb('claims.claimant_person_id', '=', personId),
      ]),
    );
}
