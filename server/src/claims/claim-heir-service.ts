// An heir files a death claim (JHT, JP, JKK work death, JKM) for a deceased member from their own portal
// account: they give the member's KPJ and NIK, and must be listed among the member's beneficiaries (NIK
// compared by blind index). Every mismatch gives the same answer, so nothing reveals who is a member.
import { err, normaliseNik, ok, type JpSurvivor, type Result } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import type { ClaimRow } from './claim-store';

export interface DeceasedMember {
  readonly kpj: string;
  readonly nik: string;
}

export interface ClaimOwner {
  /** The person whose account the claim is on. */
  readonly personId: number;
  /** For an heir related as a JP survivor (widow or widower, child, parent): the relation. */
  readonly jpSurvivor?: JpSurvivor;
}

const JP_SURVIVORS: ReadonlySet<string> = new Set(['spouse', 'child', 'parent']);

/** The deceased member when the claimant is one of their listed beneficiaries, with the relation. */
export async function resolveDeceased(
  ctx: ServiceContext,
  claimantPersonId: number,
  deceased: DeceasedMember,
): Promise<Result<ClaimOwner, 'claim_heir_not_recognised'>> {
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
    .select(['beneficiaries.beneficiary_id', 'beneficiaries.relation'])
    .where('beneficiaries.person_id', '=', member.person_id)
    .where('beneficiaries.removed_at', 'is', null)
    .where('claimant.person_id', '=', claimantPersonId)
    .executeTakeFirst();
  if (!listed) return err('claim_heir_not_recognised');
  return ok({
    personId: member.person_id,
    ...(JP_SURVIVORS.has(listed.relation) ? { jpSurvivor: listed.relation as JpSurvivor } : {}),
  });
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
