// Shared setup for claim tests: a staff actor with a real user row, and a claim taken from open to
// submitted through the member's services (documents and payout account included).
import { assert, requiredClaimDocuments, type ClaimReason } from '@lumbung/core';
import type { ServiceContext } from '../services/service-context';
import { bearerFor } from '../test/sign-in';
import { addClaimDocument } from './claim-document-service';
import { setPayoutAccount } from './claim-payout-account-service';
import type { ClaimActor } from './claim-store';
import { openClaim, submitClaim, type ClaimRequest } from './claim-submit-service';
import { SAMPLE_PDF } from './claim-fixtures';

let officers = 0;

export async function staffActor(
  ctx: ServiceContext,
  role: 'claims_officer' | 'branch_officer' = 'claims_officer',
): Promise<ClaimActor & { token: string }> {
  officers += 1;
  const displayName = `Petugas Klaim ${officers}`;
  const token = await bearerFor(ctx, { role, displayName });
  const user = await ctx.db
    .selectFrom('users')
    .select('user_id')
    .where('display_name', '=', displayName)
    .executeTakeFirstOrThrow();
  return { userId: user.user_id, role, token };
}

export const memberActor = (userId: number | null = null): ClaimActor => ({ userId, role: 'member' });

/** Opens, documents, gives an account and submits; returns the claim id. */
export async function submittedClaim(
  ctx: ServiceContext,
  personId: number,
  request: ClaimRequest,
  key = `key-${Math.random().toString(36).slice(2, 12)}`,
): Promise<number> {
  const opened = await openClaim(ctx, personId, memberActor(), { ...request, idempotencyKey: key });
  assert(opened.ok, `open failed: ${JSON.stringify(opened)}`);
  const claimId = opened.value.claim.id;
  for (const type of requiredClaimDocuments(request.programme, request.reason as ClaimReason)) {
    const added = await addClaimDocument(ctx, personId, claimId, memberActor(), {
      type,
      fileName: `${type}.pdf`,
      bytes: Buffer.concat([SAMPLE_PDF, Buffer.from(type)]),
    });
    assert(added.ok, `upload failed: ${JSON.stringify(added)}`);
  }
  const account = await setPayoutAccount(ctx, personId, claimId, {
    bankCode: '002',
    accountNumber: '0123456789012',
    holderName: 'Rina Wulandari',
  });
  assert(account.ok, 'payout account refused');
  const submitted = await submitClaim(ctx, personId, claimId, memberActor());
  assert(submitted.ok, `submit failed: ${JSON.stringify(submitted)}`);
  return claimId;
}

export const FULL_CHECKLIST = {
  identityMatches: true,
  documentsComplete: true,
  eligibilityConfirmed: true,
  bankAccountMatches: true,
} as const;
