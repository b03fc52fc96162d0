// A KPJ with a claim in progress, or money held for an approved claim, is not merged away: the claim's
// hold and payout are on that KPJ's ledger rows. Once the claim is paid the merge goes through.
import { issueKpj } from '@lumbung/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClaimMember, type ClaimMember } from '../claims/claim-fixtures';
import { payClaim } from '../claims/claim-payment-service';
import { approveClaim } from '../claims/claim-review-service';
import { openClaim } from '../claims/claim-submit-service';
import { FULL_CHECKLIST, memberActor, staffActor, submittedClaim } from '../claims/claim-test-support';
import { verifyLedger } from '../ledger/ledger-verify';
import { createTestContext, type TestContext } from '../test/test-context';
import { mergeKpj } from './kpj-merge-service';
import type { StaffActor } from './staff-actor';

let test: TestContext;
let member: ClaimMember;
let agent: StaffActor;
const KEEP = issueKpj(8_000_001);

beforeAll(async () => {
  test = await createTestContext();
  member = await createClaimMember(test.ctx, { exit: { exitedOn: '2026-10-01', reason: 'resignation' } });
  await test.ctx.db
    .insertInto('member_accounts')
    .values({ person_id: member.personId, kpj: KEEP, segment: 'PU', joined_on: '2026-11-01' })
    .execute();
  const officer = await staffActor(test.ctx);
  agent = { userId: officer.userId ?? 0, role: 'agent', displayName: 'Agen Uji', sessionId: 1 };
});
afterAll(async () => {
  await test.close();
});

const merge = () => mergeKpj(test.ctx, agent, member.personId, member.kpj, KEEP, 'member has two cards');

describe('KPJ merge and claims', () => {
  it('refuses while a claim is open on the source KPJ, then while its hold is active', async () => {
    const opened = await openClaim(test.ctx, member.personId, memberActor(), {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'resignation',
      idempotencyKey: 'merge-claim-0001',
    });
    const number = opened.ok ? opened.value.claim.number : '';
    expect(await merge()).toEqual({
      ok: false,
      code: 'kpj_merge_claim_open',
      params: { kpj: member.kpj, claimNumber: number },
      field: 'fromKpj',
    });

    const claimId = await submittedClaim(
      test.ctx,
      member.personId,
      { kpj: member.kpj, programme: 'JHT', reason: 'resignation' },
      'merge-claim-0001',
    );
    const officer = await staffActor(test.ctx);
    await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null);
    expect(await merge()).toEqual({
      ok: false,
      code: 'kpj_merge_hold_active',
      params: { kpj: member.kpj },
      field: 'fromKpj',
    });
    const account = await test.ctx.db
      .selectFrom('member_accounts')
      .select('status')
      .where('kpj', '=', member.kpj)
      .executeTakeFirstOrThrow();
    expect(account.status).not.toBe('merged');

    expect(await payClaim(test.ctx, officer, claimId, null)).toMatchObject({ ok: true });
    expect(await merge()).toMatchObject({
      ok: true,
      value: { fromKpj: member.kpj, intoKpj: KEEP, isNew: true },
    });
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });
});
