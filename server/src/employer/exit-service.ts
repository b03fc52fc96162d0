// A worker leaves an employer: the employment ends with a date and a reason, and the KPJ account is
// marked exited when no other employment still runs on it. This is what later opens a JHT claim.
import { compareDates, err, isCalendarDate, ok, parseKpj, type ErrorCode, type Result } from '@lumbung/core';
import type { ExitReason } from '../db/tables/foundation-tables';
import { todayInJakarta } from '../services/clock';
import type { ServiceContext } from '../services/service-context';

export const EXIT_REASONS: readonly ExitReason[] = [
  'resignation',
  'layoff',
  'contract_end',
  'retirement',
  'death',
  'disability',
  'leaving_indonesia',
  'stopped_working',
  'other',
];

export interface WorkerExitInput {
  readonly kpj: string;
  readonly exitedOn: string;
  readonly reason: ExitReason;
}

export interface WorkerExit {
  readonly employmentId: number;
  readonly accountId: number;
  readonly personId: number;
  readonly exitedOn: string;
  readonly reason: ExitReason;
  readonly isAccountExited: boolean;
}

export async function reportWorkerExit(
  ctx: ServiceContext,
  employerId: number,
  input: WorkerExitInput,
): Promise<Result<WorkerExit, ErrorCode>> {
  const kpj = parseKpj(input.kpj);
  if (!kpj.ok) return kpj;
  if (!EXIT_REASONS.includes(input.reason)) return err('validation_failed', undefined, 'reason');
  const today = todayInJakarta(ctx.clock);
  if (!isCalendarDate(input.exitedOn) || compareDates(input.exitedOn, today) > 0) {
    return err('exit_date_invalid', undefined, 'exitedOn');
  }
  return ctx.db.transaction().execute(async (trx): Promise<Result<WorkerExit, ErrorCode>> => {
    const employment = await trx
      .selectFrom('employments')
      .innerJoin('member_accounts', 'member_accounts.account_id', 'employments.account_id')
      .select([
        'employments.employment_id',
        'employments.account_id',
        'employments.person_id',
        'employments.started_on',
      ])
      .where('employments.employer_id', '=', employerId)
      .where('member_accounts.kpj', '=', kpj.value.kpj)
      .where('employments.ended_on', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!employment) return err('employment_not_found', undefined, 'kpj');
    if (compareDates(input.exitedOn, employment.started_on) < 0)
      return err('exit_date_invalid', undefined, 'exitedOn');
    await trx
      .updateTable('employments')
      .set({ ended_on: input.exitedOn, exit_reason: input.reason })
      .where('employment_id', '=', employment.employment_id)
      .execute();
    const stillRunning = await trx
      .selectFrom('employments')
      .select('employment_id')
      .where('account_id', '=', employment.account_id)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (!stillRunning) {
      await trx
        .updateTable('member_accounts')
        .set({ status: 'inactive', exited_on: input.exitedOn, exit_reason: input.reason })
        .where('account_id', '=', employment.account_id)
        .execute();
    }
    return ok({
      employmentId: employment.employment_id,
      accountId: employment.account_id,
      personId: employment.person_id,
      exitedOn: input.exitedOn,
      reason: input.reason,
      isAccountExited: !stillRunning,
    });
  });
}
