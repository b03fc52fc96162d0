// The programmes other than JHT from submit to payout on a real database: a JP lump sum from the member's
// JP account (under 180 months at pension age), a JKK temporary-incapacity benefit and a JKP benefit (its
// six months paid as one sum, schedule kept) from the fund. After each, the ledger verifies.
import { requiredClaimDocuments, type ClaimReason } from '@lumbung/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMemberBalances } from '../ledger/balance-queries';
import { verifyLedger } from '../ledger/ledger-verify';
import { createTestContext, type TestContext } from '../test/test-context';
import { createClaimMember } from './claim-fixtures';
import { payClaim } from './claim-payment-service';
import { approveClaim, recordBranchVerification } from './claim-review-service';
import { FULL_CHECKLIST, staffActor, submittedClaim } from './claim-test-support';

let test: TestContext;
let officer: Awaited<ReturnType<typeof staffActor>>;

beforeAll(async () => {
  test = await createTestContext();
  officer = await staffActor(test.ctx);
});
afterAll(async () => {
  await test.close();
});

const benefitPayouts = async (claimId: number) =>
  test.ctx.db
    .selectFrom('postings')
    .innerJoin('journal_entries', 'journal_entries.entry_id', 'postings.entry_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.ledger_account_id', 'postings.ledger_account_id')
    .select(['ledger_accounts.code', 'postings.amount'])
    .where('journal_entries.idempotency_key', '=', `claim:${claimId}`)
    .orderBy('postings.amount')
    .execute();

async function approveAndPay(claimId: number) {
  const approved = await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null);
  expect(approved).toMatchObject({ ok: true, value: { status: 'approved' } });
  const paid = await payClaim(test.ctx, officer, claimId, null);
  expect(paid).toMatchObject({ ok: true, value: { isDuplicate: false, claim: { status: 'paid' } } });
  expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  return paid.ok ? paid.value.claim : undefined;
}

describe('JP, JKK and JKP claims from submit to payout', () => {
  it('pays the JP balance at once to a member past pension age with under 180 months', async () => {
    // Born 15-01-1960 (NIK digits 7–12): 66 on the claim date, past the pension age in force (59).
    const member = await createClaimMember(test.ctx, { nik: '3273011501600077', startedOn: '2026-01-05' });
    const jpBefore = (await getMemberBalances(test.ctx.db, member.personId)).total.JP.amountRupiah;
    expect(jpBefore).toBeGreaterThan(0);
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JP',
      reason: 'retirement',
    });
    const claim = await approveAndPay(claimId);
    expect(claim).toMatchObject({ payFrom: 'member_jp', grossRupiah: jpBefore, monthlyRupiah: null });
    expect((await getMemberBalances(test.ctx.db, member.personId)).total.JP.amountRupiah).toBe(0);
    expect((await benefitPayouts(claimId)).map((posting) => posting.amount)).toEqual([-jpBefore, jpBefore]);
  });

  it('pays JKK temporary incapacity (100% of the wage for 2 months) from the fund', async () => {
    const member = await createClaimMember(test.ctx);
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JKK',
      reason: 'temporary_incapacity',
      eventDate: '2026-10-15',
      incapacityMonths: 2,
    });
    const claim = await approveAndPay(claimId);
    expect(claim).toMatchObject({ payFrom: 'fund', grossRupiah: 10_000_000, netRupiah: 10_000_000 });
    expect(await benefitPayouts(claimId)).toEqual([
      { code: 'fund:benefit_payout', amount: -10_000_000 },
      { code: 'fund:bank', amount: 10_000_000 },
    ]);
  });

  it('pays JKP’s six months of 60% × capped wage as one sum, with the schedule on the claim', async () => {
    const periods = Array.from({ length: 12 }, (_, index) => {
      const month = ((9 + index) % 12) + 1;
      return `${2025 + Math.floor((9 + index) / 12)}-${String(month).padStart(2, '0')}`;
    });
    expect([periods[0], periods.at(-1)]).toEqual(['2025-10', '2026-09']);
    const member = await createClaimMember(test.ctx, {
      startedOn: '2025-10-01',
      periods,
      wageRupiah: 6_000_000,
      exit: { exitedOn: '2026-10-15', reason: 'layoff' },
    });
    const request = { kpj: member.kpj, programme: 'JKP' as const, reason: 'layoff' };
    expect(requiredClaimDocuments('JKP', request.reason as ClaimReason)).toContain('layoff_letter');
    const claimId = await submittedClaim(test.ctx, member.personId, request);
    // Rp18 m is above the Rp15 m online-only limit: a branch verifies it first.
    expect(await recordBranchVerification(test.ctx, officer, claimId, 'PHK letter seen')).toMatchObject({
      ok: true,
      value: { status: 'submitted' },
    });
    const claim = await approveAndPay(claimId);
    expect(claim).toMatchObject({
      payFrom: 'fund',
      grossRupiah: 18_000_000,
      monthlyRupiah: 3_000_000,
      regulation: { id: 'PP 37/2021 jo. PP 6/2025 Pasal 21 dan Pasal 39A' },
    });
    expect(claim?.schedule).toEqual(
      Array.from({ length: 6 }, (_, index) => ({ month: index + 1, amountRupiah: 3_000_000 })),
    );
    expect(await benefitPayouts(claimId)).toEqual([
      { code: 'fund:benefit_payout', amount: -18_000_000 },
      { code: 'fund:bank', amount: 18_000_000 },
    ]);
  });
});
