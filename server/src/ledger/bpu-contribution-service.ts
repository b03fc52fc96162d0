// An informal (BPU) member's own monthly payment: recorded once per payment reference and period, and
// posted in the same transaction — JHT (optional) to the member, JKK and JKM to fund income.
import { calculateContribution, err, findProgramme, ok, type ErrorCode, type Result } from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';
import { ensureMemberLedgerAccounts, FUND_ACCOUNT_IDS, memberAccountCode } from './ledger-accounts';
import { postEntry, type PostingInput } from './posting-engine';

export interface BpuContributionInput {
  readonly accountId: number;
  readonly period: string;
  readonly declaredIncomeRupiah: number;
  readonly withJht: boolean;
  readonly paymentReference: string;
  readonly paidAt: Date;
}

export interface BpuContribution {
  readonly bpuContributionId: number;
  readonly totalRupiah: number;
  readonly isDuplicate: boolean;
}

export async function recordBpuContribution(
  ctx: ServiceContext,
  input: BpuContributionInput,
): Promise<Result<BpuContribution, ErrorCode>> {
  const breakdown = calculateContribution(
    {
      wageMonthlyRupiah: input.declaredIncomeRupiah,
      period: input.period,
      segment: 'BPU',
      bpuWithJht: input.withJht,
    },
    ctx.rules.current,
  );
  if (!breakdown.ok) return breakdown;
  if (input.paidAt.getTime() > ctx.clock.now().getTime())
    return err('payment_date_invalid', undefined, 'paidAt');
  const jht = findProgramme(breakdown.value, 'JHT')?.totalRupiah ?? 0;
  const jkk = findProgramme(breakdown.value, 'JKK')?.totalRupiah ?? 0;
  const jkm = findProgramme(breakdown.value, 'JKM')?.totalRupiah ?? 0;
  const total = breakdown.value.totalRupiah;
  return ctx.db.transaction().execute(async (trx): Promise<Result<BpuContribution, ErrorCode>> => {
    const account = await trx
      .selectFrom('member_accounts')
      .select(['account_id', 'person_id', 'segment'])
      .where('account_id', '=', input.accountId)
      .executeTakeFirst();
    if (!account || account.segment !== 'BPU') return err('bpu_account_required', undefined, 'accountId');
    const existing = await trx
      .selectFrom('bpu_contributions')
      .select(['bpu_contribution_id', 'payment_reference', 'total_amount'])
      .where((eb) =>
        eb.or([
          eb('payment_reference', '=', input.paymentReference),
          eb.and([eb('account_id', '=', input.accountId), eb('period', '=', input.period)]),
        ]),
      )
      .executeTakeFirst();
    if (existing) {
      return existing.payment_reference === input.paymentReference
        ? ok({
            bpuContributionId: existing.bpu_contribution_id,
            totalRupiah: existing.total_amount,
            isDuplicate: true,
          })
        : err('bpu_period_already_paid', { period: input.period }, 'period');
    }
    const funds = FUND_ACCOUNT_IDS;
    const ledger = await ensureMemberLedgerAccounts(trx, [
      { accountId: account.account_id, personId: account.person_id, programme: 'JHT' },
    ]);
    const candidates: PostingInput[] = [
      { ledgerAccountId: funds['fund:bank'], amountRupiah: -total },
      {
        ledgerAccountId: ledger.get(memberAccountCode(account.account_id, 'JHT'))!,
        amountRupiah: jht,
        component: 'worker',
      },
      { ledgerAccountId: funds['fund:jkk_income'], amountRupiah: jkk },
      { ledgerAccountId: funds['fund:jkm_income'], amountRupiah: jkm },
    ];
    const posted = await postEntry(trx, {
      idempotencyKey: `bpu:${input.paymentReference}`,
      source: 'bpu_contribution',
      period: input.period,
      bookedAt: ctx.clock.now(),
      personId: account.person_id,
      postings: candidates.filter((p) => p.amountRupiah !== 0),
    });
    const row = await trx
      .insertInto('bpu_contributions')
      .values({
        person_id: account.person_id,
        account_id: account.account_id,
        period: input.period,
        declared_income: input.declaredIncomeRupiah,
        jht_amount: jht,
        jkk_amount: jkk,
        jkm_amount: jkm,
        total_amount: total,
        payment_reference: input.paymentReference,
        paid_at: input.paidAt,
        entry_id: posted.entryId,
      })
      .returning('bpu_contribution_id')
      .executeTakeFirstOrThrow();
    return ok({ bpuContributionId: row.bpu_contribution_id, totalRupiah: total, isDuplicate: false });
  });
}
