// Merging a duplicate KPJ into the one the member keeps. The balance moves by one ledger entry (every
// programme and every part — worker, employer, return, withdrawal — keeps its split), never by editing
// balance rows; the idempotency key merge:<from>:<into> makes a retry change nothing. The merged
// account is marked 'merged' and points to the kept one. The member's total is unchanged. A KPJ with a
// claim in progress or money held for one is not merged: the claim's hold and payout are on that
// account's ledger rows, so moving the balance away would break them.
import { err, OPEN_CLAIM_STATUSES, ok, parseKpj, type Result } from '@lumbung/core';
import type { PostingComponent } from '../db/tables/ledger-tables';
import {
  ensureMemberLedgerAccounts,
  memberAccountCode,
  type MemberProgramme,
} from '../ledger/ledger-accounts';
import { postEntry, type PostingInput } from '../ledger/posting-engine';
import type { ServiceContext } from '../services/service-context';
import type { StaffActor } from './staff-actor';
import { writeStaffAudit } from './staff-audit';
import { checkReason } from './staff-reason';

export interface MergeOutcome {
  readonly fromKpj: string;
  readonly intoKpj: string;
  readonly movedRupiah: number;
  readonly entryId: number | null;
  /** False when this merge had already been done (a retry). */
  readonly isNew: boolean;
}

type MergeError =
  | 'staff_reason_required'
  | 'kpj_invalid_format'
  | 'kpj_invalid_check_digit'
  | 'kpj_merge_same_account'
  | 'kpj_merge_not_owned'
  | 'kpj_already_merged'
  | 'kpj_merge_active_employment'
  | 'kpj_merge_claim_open'
  | 'kpj_merge_hold_active';

const PROGRAMMES: readonly MemberProgramme[] = ['JHT', 'JP'];

export const mergeIdempotencyKey = (fromAccountId: number, intoAccountId: number): string =>
  `merge:${fromAccountId}:${intoAccountId}`;

export async function mergeKpj(
  ctx: ServiceContext,
  actor: StaffActor,
  personId: number,
  fromText: string,
  intoText: string,
  reason: string,
): Promise<Result<MergeOutcome, MergeError>> {
  const checkedReason = checkReason(reason);
  if (!checkedReason.ok) return checkedReason;
  const from = parseKpj(fromText);
  if (!from.ok) return { ...from, field: 'fromKpj' };
  const into = parseKpj(intoText);
  if (!into.ok) return { ...into, field: 'intoKpj' };
  if (from.value.kpj === into.value.kpj) return err('kpj_merge_same_account', undefined, 'intoKpj');

  return ctx.db.transaction().execute(async (trx): Promise<Result<MergeOutcome, MergeError>> => {
    // Lock both accounts in id order so two staff merging the same pair cannot interleave.
    const accounts = await trx
      .selectFrom('member_accounts')
      .select(['account_id', 'person_id', 'kpj', 'status', 'merged_into_account_id'])
      .where('kpj', 'in', [from.value.kpj, into.value.kpj])
      .orderBy('account_id')
      .forUpdate()
      .execute();
    const fromAccount = accounts.find((account) => account.kpj === from.value.kpj);
    const intoAccount = accounts.find((account) => account.kpj === into.value.kpj);
    if (
      !fromAccount ||
      !intoAccount ||
      fromAccount.person_id !== personId ||
      intoAccount.person_id !== personId
    ) {
      return err('kpj_merge_not_owned');
    }
    if (fromAccount.status === 'merged') {
      if (fromAccount.merged_into_account_id !== intoAccount.account_id)
        return err('kpj_already_merged', { kpj: from.value.kpj });
      const done = await trx
        .selectFrom('kpj_merges')
        .select('moved_rupiah')
        .where('from_account_id', '=', fromAccount.account_id)
        .executeTakeFirstOrThrow();
      const entry = await trx
        .selectFrom('journal_entries')
        .select('entry_id')
        .where('idempotency_key', '=', mergeIdempotencyKey(fromAccount.account_id, intoAccount.account_id))
        .executeTakeFirst();
      return ok({
        fromKpj: from.value.kpj,
        intoKpj: into.value.kpj,
        movedRupiah: done.moved_rupiah,
        entryId: entry?.entry_id ?? null,
        isNew: false,
      });
    }
    if (intoAccount.status === 'merged') return err('kpj_already_merged', { kpj: into.value.kpj }, 'intoKpj');
    const openEmployment = await trx
      .selectFrom('employments')
      .select('employment_id')
      .where('account_id', '=', fromAccount.account_id)
      .where('ended_on', 'is', null)
      .executeTakeFirst();
    if (openEmployment) return err('kpj_merge_active_employment', { kpj: from.value.kpj }, 'fromKpj');
    // Money held for an approved claim first, then any claim in progress. The account rows are locked
    // FOR UPDATE above; opening a claim takes them FOR SHARE, so no claim appears on the source between
    // these checks and the merge's commit.
    const hold = await trx
      .selectFrom('ledger_holds')
      .innerJoin('ledger_accounts', 'ledger_accounts.ledger_account_id', 'ledger_holds.ledger_account_id')
      .select('ledger_holds.hold_id')
      .where('ledger_holds.status', '=', 'active')
      .where('ledger_accounts.account_id', '=', fromAccount.account_id)
      .executeTakeFirst();
    if (hold) return err('kpj_merge_hold_active', { kpj: from.value.kpj }, 'fromKpj');
    const openClaim = await trx
      .selectFrom('claims')
      .select('number')
      .where('account_id', '=', fromAccount.account_id)
      .where('status', 'in', OPEN_CLAIM_STATUSES)
      .executeTakeFirst();
    if (openClaim) {
      return err('kpj_merge_claim_open', { kpj: from.value.kpj, claimNumber: openClaim.number }, 'fromKpj');
    }

    const ledgerIds = await ensureMemberLedgerAccounts(
      trx,
      PROGRAMMES.flatMap((programme) => [
        { accountId: fromAccount.account_id, personId, programme },
        { accountId: intoAccount.account_id, personId, programme },
      ]),
    );
    const postings: PostingInput[] = [];
    let movedRupiah = 0;
    for (const programme of PROGRAMMES) {
      const fromLedger = ledgerIds.get(memberAccountCode(fromAccount.account_id, programme));
      const intoLedger = ledgerIds.get(memberAccountCode(intoAccount.account_id, programme));
      if (fromLedger === undefined || intoLedger === undefined) continue;
      const balance = await trx
        .selectFrom('balances')
        .select(['amount', 'worker_amount', 'employer_amount', 'return_amount', 'withdrawal_amount'])
        .where('ledger_account_id', '=', fromLedger)
        .forUpdate()
        .executeTakeFirst();
      if (!balance) continue;
      const parts: [PostingComponent, number][] = [
        ['worker', balance.worker_amount],
        ['employer', balance.employer_amount],
        ['return', balance.return_amount],
        ['withdrawal', balance.withdrawal_amount],
        [
          'other',
          balance.amount -
            balance.worker_amount -
            balance.employer_amount -
            balance.return_amount -
            balance.withdrawal_amount,
        ],
      ];
      for (const [component, amount] of parts) {
        if (amount === 0) continue;
        postings.push({ ledgerAccountId: fromLedger, amountRupiah: -amount, component });
        postings.push({ ledgerAccountId: intoLedger, amountRupiah: amount, component });
      }
      movedRupiah += balance.amount;
    }
    const now = ctx.clock.now();
    const posted =
      postings.length > 0
        ? await postEntry(trx, {
            idempotencyKey: mergeIdempotencyKey(fromAccount.account_id, intoAccount.account_id),
            source: 'kpj_merge',
            bookedAt: now,
            personId,
            description: `KPJ ${from.value.kpj} merged into ${into.value.kpj}`,
            postings,
          })
        : null;
    await trx
      .updateTable('member_accounts')
      .set({ status: 'merged', merged_into_account_id: intoAccount.account_id })
      .where('account_id', '=', fromAccount.account_id)
      .execute();
    await trx
      .insertInto('kpj_merges')
      .values({
        person_id: personId,
        from_account_id: fromAccount.account_id,
        into_account_id: intoAccount.account_id,
        moved_rupiah: movedRupiah,
        staff_user_id: actor.userId,
        reason: checkedReason.value,
        created_at: now,
      })
      .execute();
    await writeStaffAudit(trx, now, actor, {
      action: 'staff.kpj_merge',
      personId,
      reason: checkedReason.value,
      details: {
        fromAccountId: fromAccount.account_id,
        intoAccountId: intoAccount.account_id,
        movedRupiah,
        entryId: posted?.entryId ?? null,
      },
    });
    return ok({
      fromKpj: from.value.kpj,
      intoKpj: into.value.kpj,
      movedRupiah,
      entryId: posted?.entryId ?? null,
      isNew: true,
    });
  });
}
