// Enrols a worker at an employer: finds the person by NIK (or creates them), opens a KPJ for the new
// membership (or continues a KPJ the worker brings), and starts the employment — in one transaction.
import {
  compareDates,
  err,
  isCalendarDate,
  normalisePhone,
  ok,
  parseKpj,
  parseNik,
  type ErrorCode,
  type Result,
} from '@lumbung/core';
import { findPersonIdByNik, insertPerson } from '../persons/person-store';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';
import { issueNextKpj } from './kpj-issuer';

export interface EnrolWorkerInput {
  readonly nik: string;
  /** Required when the person is new to Lumbung. */
  readonly fullName?: string;
  readonly phone?: string;
  readonly email?: string;
  /** 'YYYY-MM-DD', not in the future. */
  readonly startedOn: string;
  /** A KPJ the worker already holds, to continue it instead of opening a new one. */
  readonly kpj?: string;
}

export interface EnrolledWorker {
  readonly personId: number;
  readonly accountId: number;
  readonly kpj: string;
  readonly employmentId: number;
  readonly isNewPerson: boolean;
  readonly isNewAccount: boolean;
}

export async function enrolWorker(
  ctx: ServiceContext,
  employerId: number,
  input: EnrolWorkerInput,
): Promise<Result<EnrolledWorker, ErrorCode>> {
  const today = todayInJakarta(ctx.clock);
  const nik = parseNik(input.nik, today);
  if (!nik.ok) return nik;
  if (!isCalendarDate(input.startedOn) || compareDates(input.startedOn, today) > 0) {
    return err('enrolment_start_invalid', undefined, 'startedOn');
  }
  let phone: string | null = null;
  if (input.phone) {
    const parsed = normalisePhone(input.phone);
    if (!parsed.ok) return { ...parsed, field: 'phone' };
    phone = parsed.value;
  }
  const email = input.email?.trim().toLowerCase() || null;
  if (email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return err('validation_failed', undefined, 'email');
  let broughtKpj: string | null = null;
  if (input.kpj) {
    const parsed = parseKpj(input.kpj);
    if (!parsed.ok) return parsed;
    broughtKpj = parsed.value.kpj;
  }

  return ctx.db.transaction().execute(async (trx): Promise<Result<EnrolledWorker, ErrorCode>> => {
    const employer = await trx
      .selectFrom('employers')
      .select('employer_id')
      .where('employer_id', '=', employerId)
      .executeTakeFirst();
    if (!employer) return err('employer_not_found');
    let personId = await findPersonIdByNik(trx, ctx.pii, nik.value.nik);
    const isNewPerson = personId === undefined;
    if (personId === undefined) {
      const fullName = input.fullName?.trim() ?? '';
      if (fullName.length < 2 || fullName.length > 120)
        return err('enrolment_name_required', undefined, 'fullName');
      personId = await insertPerson(trx, ctx.pii, {
        nik: nik.value.nik,
        fullName,
        birthDate: nik.value.birthDate,
        sex: nik.value.sex,
        phone,
        email,
      });
    }
    const active = await trx
      .selectFrom('employments')
      .select('employment_id')
      .where('employer_id', '=', employerId)
      .where('person_id', '=', personId)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (active) return err('employment_already_active', undefined, 'nik');

    let accountId: number;
    let kpj: string;
    if (broughtKpj !== null) {
      const account = await trx
        .selectFrom('member_accounts')
        .select(['account_id', 'person_id', 'segment', 'status'])
        .where('kpj', '=', broughtKpj)
        .executeTakeFirst();
      if (
        !account ||
        account.person_id !== personId ||
        account.segment !== 'PU' ||
        account.status === 'merged'
      ) {
        return err('enrolment_kpj_not_usable', { kpj: broughtKpj }, 'kpj');
      }
      await trx
        .updateTable('member_accounts')
        .set({ status: 'active', exited_on: null, exit_reason: null })
        .where('account_id', '=', account.account_id)
        .execute();
      accountId = account.account_id;
      kpj = broughtKpj;
    } else {
      kpj = await issueNextKpj(trx);
      const account = await trx
        .insertInto('member_accounts')
        .values({ person_id: personId, kpj, segment: 'PU', joined_on: input.startedOn })
        .returning('account_id')
        .executeTakeFirstOrThrow();
      accountId = account.account_id;
    }
    const employment = await trx
      .insertInto('employments')
      .values({
        employer_id: employerId,
        person_id: personId,
        account_id: accountId,
        started_on: input.startedOn,
      })
      .returning('employment_id')
      .executeTakeFirstOrThrow();
    return ok({
      personId,
      accountId,
      kpj,
      employmentId: employment.employment_id,
      isNewPerson,
      isNewAccount: broughtKpj === null,
    });
  });
}
