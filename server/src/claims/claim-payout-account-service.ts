// The bank account a claim is paid into: bank code and account number, both checked for shape, the
// number and the holder's name encrypted (AES-256-GCM) with a blind index for fraud checks.
import { err, ok, type Result } from '@lumbung/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServiceContext } from '../services/service-context';
import { isClaimant } from './claim-heir-service';
import { lockClaim } from './claim-store';

export interface PayoutAccountInput {
  /** Indonesian bank code (3 digits, e.g. 002 BRI, 008 Mandiri, 009 BNI, 014 BCA). */
  readonly bankCode: string;
  readonly accountNumber: string;
  readonly holderName: string;
}

export async function setPayoutAccount(
  ctx: ServiceContext,
  personId: number,
  claimId: number,
  input: PayoutAccountInput,
): Promise<Result<{ bankCode: string; accountMasked: string }>> {
  const number = input.accountNumber.replace(/[\s.-]/g, '');
  if (!/^[0-9]{3}$/.test(input.bankCode)) return err('claim_bank_account_invalid', undefined, 'bankCode');
  if (!/^[0-9]{6,20}$/.test(number)) return err('claim_bank_account_invalid', undefined, 'accountNumber');
  const holder = input.holderName.trim();
  if (holder.length < 2 || holder.length > 100)
    return err('validation_failed', { field: 'holderName' }, 'holderName');
  return ctx.db.transaction().execute(async (trx) => {
    const claim = await lockClaim(trx, claimId);
    if (!claim || !isClaimant(claim, personId)) return err('not_found');
    if (claim.status !== 'draft' && claim.status !== 'branch_verification') {
      return err('claim_status_invalid', { status: claim.status });
    }
    const values = {
      bank_code: input.bankCode,
      account_number_cipher: ctx.pii.encrypt(number),
      account_number_index: ctx.pii.blindIndex('bank_account', `${input.bankCode}:${number}`),
      account_last4: number.slice(-4),
      holder_name_cipher: ctx.pii.encrypt(holder),
      updated_at: ctx.clock.now(),
    };
    await trx
      .insertInto('claim_payout_accounts')
      .values({ claim_id: claimId, person_id: claim.person_id, ...values })
      .onConflict((conflict) => conflict.column('claim_id').doUpdateSet(values))
      .execute();
    return ok({ bankCode: input.bankCode, accountMasked: `••••${values.account_last4}` });
  });
}

export interface PayoutAccountPlain {
  readonly bankCode: string;
  readonly accountNumber: string;
  readonly holderName: string;
}

/** Decrypted, for the bank payment file and the officer's check only. */
export async function readPayoutAccount(
  db: Kysely<DB>,
  ctx: Pick<ServiceContext, 'pii'>,
  claimId: number,
): Promise<PayoutAccountPlain | undefined> {
  const row = await db
    .selectFrom('claim_payout_accounts')
    .select(['bank_code', 'account_number_cipher', 'holder_name_cipher'])
    .where('claim_id', '=', claimId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    bankCode: row.bank_code,
    accountNumber: ctx.pii.decrypt(row.account_number_cipher),
    holderName: ctx.pii.decrypt(row.holder_name_cipher),
  };
}
