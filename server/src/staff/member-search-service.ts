// Finding a member at the counter or on the phone: by NIK (blind index), KPJ, or name + birth date.
// Results are masked until the member's identity is verified; every search is audited with its reason.
import { err, ok, type Result } from '@lumbung/core';
import { nameKey } from '@lumbung/core/identity/name-key';
import { normaliseNik } from '@lumbung/core/identity/nik';
import { parseKpj } from '@lumbung/core/identity/kpj';
import { isCalendarDate } from '@lumbung/core/time/calendar-date';
import { maskKpj, maskName, regionOfNik } from '@lumbung/core/staff/member-masking';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { checkReason } from './staff-reason';

export interface SearchCriteria {
  readonly nik?: string;
  readonly kpj?: string;
  readonly fullName?: string;
  readonly birthDate?: string;
}

export interface MemberSearchHit {
  readonly personId: number;
  readonly maskedName: string;
  readonly birthYear: number;
  readonly maskedKpjs: readonly string[];
  readonly region: string;
}

export const MAX_SEARCH_RESULTS = 20;

type SearchError =
  | 'staff_search_criteria_invalid'
  | 'staff_reason_required'
  | 'nik_invalid_format'
  | 'kpj_invalid_format'
  | 'kpj_invalid_check_digit';

async function personIdsFor(
  ctx: ServiceContext,
  criteria: SearchCriteria,
): Promise<Result<{ ids: number[]; by: string }, SearchError>> {
  if (criteria.nik?.trim()) {
    const nik = normaliseNik(criteria.nik);
    if (!nik.ok) return nik;
    const rows = await ctx.db
      .selectFrom('persons')
      .select('person_id')
      .where('nik_index', '=', ctx.pii.blindIndex('nik', nik.value))
      .execute();
    return ok({ ids: rows.map((row) => row.person_id), by: 'nik' });
  }
  if (criteria.kpj?.trim()) {
    const kpj = parseKpj(criteria.kpj);
    if (!kpj.ok) return kpj;
    const rows = await ctx.db
      .selectFrom('member_accounts')
      .select('person_id')
      .where('kpj', '=', kpj.value.kpj)
      .execute();
    return ok({ ids: rows.map((row) => row.person_id), by: 'kpj' });
  }
  const key = nameKey(criteria.fullName ?? '');
  if (key.length >= 2 && isCalendarDate(criteria.birthDate)) {
    const rows = await ctx.db
      .selectFrom('persons')
      .select('person_id')
      .where('name_key', '=', key)
      .where('birth_date', '=', criteria.birthDate)
      .orderBy('person_id')
      .limit(MAX_SEARCH_RESULTS)
      .execute();
    return ok({ ids: rows.map((row) => row.person_id), by: 'name_birth_date' });
  }
  return err('staff_search_criteria_invalid', undefined, 'nik');
}

/** Masked facts about people, for a result list or a member card before verification. */
export async function maskedMembers(
  ctx: ServiceContext,
  personIds: readonly number[],
): Promise<MemberSearchHit[]> {
  if (personIds.length === 0) return [];
  const people = await ctx.db
    .selectFrom('persons')
    .select(['person_id', 'full_name', 'birth_date', 'nik_cipher'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .execute();
  const accounts = await ctx.db
    .selectFrom('member_accounts')
    .select(['person_id', 'kpj'])
    .where('person_id', 'in', personIds)
    .where('status', '<>', 'merged')
    .orderBy('account_id')
    .execute();
  return people.map((person) => ({
    personId: person.person_id,
    maskedName: maskName(person.full_name),
    birthYear: Number(person.birth_date.slice(0, 4)),
    maskedKpjs: accounts
      .filter((account) => account.person_id === person.person_id)
      .map((account) => maskKpj(account.kpj)),
    region: regionOfNik(ctx.pii.decrypt(person.nik_cipher)),
  }));
}

export async function searchMembers(
  ctx: ServiceContext,
  actor: StaffActor,
  criteria: SearchCriteria,
  reason: string,
): Promise<Result<MemberSearchHit[], SearchError>> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  const found = await personIdsFor(ctx, criteria);
  if (!found.ok) return found;
  const hits = await maskedMembers(ctx, found.value.ids.slice(0, MAX_SEARCH_RESULTS));
  // The search itself is audited, against each person found (or none): the criteria's kind, never its value.
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now();
    const subjects = hits.length > 0 ? hits.map((hit) => hit.personId) : [null];
    for (const personId of subjects) {
      await writeStaffAudit(trx, at, actor, {
        action: 'staff.member_search',
        personId,
        reason: checkedReason.value,
        details: { by: found.value.by, resultCount: hits.length },
      });
    }
  });
  return ok(hits);
}
