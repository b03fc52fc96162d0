// A claim in the ledger: approval holds the amount on the member's JHT or JP account (available =
// balance − active holds), payment posts one entry keyed by the claim id and consumes the hold, and
// rejection or expiry releases it. The balance row is locked first, so two claims on one account
// cannot both pass the check; a balance never goes below zero.
import { assert, err, ok, type Result } from '@lumbung/core';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { FUND_ACCOUNT_IDS } from '../ledger/ledger-accounts';
import { postEntry, type PostedEntry, type PostingInput } from '../ledger/posting-engine';
import { memberLedgerAccountId } from './claim-facts-service';
import type { ClaimRow } from './claim-store';

/** Income tax withheld on JHT lump sums; inserted with this fixed id by migration 0008. */
export const TAX_PAYABLE_ACCOUNT_ID = 8;

export const claimEntryKey = (claimId: number): string => `claim:${claimId}`;

async function memberAccountOf(trx: Kysely<DB>, claim: ClaimRow): Promise<number | null> {
  if (claim.pay_from === 'fund') return null;
  return memberLedgerAccountId(
    trx,
    { accountId: claim.account_id, personId: claim.person_id },
    claim.pay_from === 'member_jht' ? 'JHT' : 'JP',
  );
}

/** Locks the balance row and returns balance − other claims' active holds. */
async function lockedAvailable(trx: Kysely<DB>, ledgerAccountId: number, claimId: number): Promise<number> {
  const balance = await sql<{ amount: number | string }>`
    select amount from balances where ledger_account_id = ${ledgerAccountId} for update
  `.execute(trx);
  const held = await sql<{ held: number | string }>`
    select coalesce(sum(amount), 0) as held from ledger_holds
    where ledger_account_id = ${ledgerAccountId} and status = 'active' and claim_id <> ${claimId}
  `.execute(trx);
  return Number(balance.rows[0]?.amount ?? 0) - Number(held.rows[0]?.held ?? 0);
}

export async function placeHold(
  trx: Kysely<DB>,
  claim: ClaimRow,
  at: Date,
): Promise<Result<{ heldRupiah: number }, 'claim_insufficient_balance'>> {
  const ledgerAccountId = await memberAccountOf(trx, claim);
  if (ledgerAccountId === null) return ok({ heldRupiah: 0 });
  const available = await lockedAvailable(trx, ledgerAccountId, claim.claim_id);
  if (claim.gross_amount > available) {
    return err('claim_insufficient_balance', { availableRupiah: Math.max(0, available) });
  }
  await trx
    .insertInto('ledger_holds')
    .values({
      claim_id: claim.claim_id,
      ledger_account_id: ledgerAccountId,
      person_id: claim.person_id,
      amount: claim.gross_amount,
      placed_at: at,
    })
    .onConflict((conflict) =>
      conflict
        .column('claim_id')
        .doUpdateSet({ amount: claim.gross_amount, status: 'active', closed_at: null }),
    )
    .execute();
  return ok({ heldRupiah: claim.gross_amount });
}

export async function closeHold(
  trx: Kysely<DB>,
  claimId: number,
  status: 'released' | 'consumed',
  at: Date,
): Promise<void> {
  await trx
    .updateTable('ledger_holds')
    .set({ status, closed_at: at })
    .where('claim_id', '=', claimId)
    .where('status', '=', 'active')
    .execute();
}

/** Posts the payout (idempotent by claim id) and consumes the hold. */
export async function postClaimPayout(
  trx: Kysely<DB>,
  claim: ClaimRow,
  at: Date,
  period: string,
): Promise<Result<PostedEntry, 'claim_insufficient_balance'>> {
  const memberAccountId = await memberAccountOf(trx, claim);
  if (memberAccountId !== null) {
    const available = await lockedAvailable(trx, memberAccountId, claim.claim_id);
    if (claim.gross_amount > available) {
      return err('claim_insufficient_balance', { availableRupiah: Math.max(0, available) });
    }
  }
  const postings: PostingInput[] = [
    memberAccountId === null
      ? { ledgerAccountId: FUND_ACCOUNT_IDS['fund:benefit_payout'], amountRupiah: -claim.gross_amount }
      : { ledgerAccountId: memberAccountId, amountRupiah: -claim.gross_amount, component: 'withdrawal' },
  ];
  if (claim.net_amount > 0)
    postings.push({ ledgerAccountId: FUND_ACCOUNT_IDS['fund:bank'], amountRupiah: claim.net_amount });
  if (claim.tax_amount > 0)
    postings.push({ ledgerAccountId: TAX_PAYABLE_ACCOUNT_ID, amountRupiah: claim.tax_amount });
  assert(postings.length >= 2, `claim ${claim.claim_id} pays nothing`);
  const posted = await postEntry(trx, {
    idempotencyKey: claimEntryKey(claim.claim_id),
    source: 'claim',
    period,
    bookedAt: at,
    personId: claim.person_id,
    description: `${claim.programme} claim ${claim.number}`,
    postings,
  });
  await closeHold(trx, claim.claim_id, 'consumed', at);
  return ok(posted);
}
