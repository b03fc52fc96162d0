// Double payment is impossible: twenty approvals and twenty payments of one claim at once, a double
// submit, and a mixed race all end in exactly one payout entry. Runs on PGlite (transactions queue on
// one connection) and on PostgreSQL with TEST_DATABASE_URL (a real pool: row locks and unique indexes decide).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMemberBalances } from '../ledger/balance-queries';
import { verifyLedger } from '../ledger/ledger-verify';
import { createTestContext, type TestContext } from '../test/test-context';
import { createClaimMember } from './claim-fixtures';
import { payClaim } from './claim-payment-service';
import { approveClaim } from './claim-review-service';
import { openClaim } from './claim-submit-service';
import { FULL_CHECKLIST, memberActor, staffActor, submittedClaim } from './claim-test-support';

let test: TestContext;

beforeAll(async () => {
  test = await createTestContext();
});
afterAll(async () => {
  await test.close();
});

const payoutEntries = async (claimId: number) =>
  test.ctx.db
    .selectFrom('journal_entries')
    .select('entry_id')
    .where('idempotency_key', '=', `claim:${claimId}`)
    .execute();

describe('claims under concurrency', () => {
  it('opens one claim when the member submits twice at once (same key or not)', async () => {
    const member = await createClaimMember(test.ctx, {
      exit: { exitedOn: '2026-10-01', reason: 'resignation' },
    });
    const request = { kpj: member.kpj, programme: 'JHT' as const, reason: 'resignation' };
    const sameKey = await Promise.all(
      Array.from({ length: 5 }, () =>
        openClaim(test.ctx, member.personId, memberActor(), {
          ...request,
          idempotencyKey: 'double-tap-0001',
        }),
      ),
    );
    expect(sameKey.every((result) => result.ok)).toBe(true);
    expect(new Set(sameKey.map((result) => (result.ok ? result.value.claim.id : 0))).size).toBe(1);
    expect(sameKey.filter((result) => result.ok && result.value.isNew)).toHaveLength(1);
    const otherKeys = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        openClaim(test.ctx, member.personId, memberActor(), {
          ...request,
          idempotencyKey: `two-tabs-000${index}`,
        }),
      ),
    );
    expect(otherKeys.map((result) => (result.ok ? 'ok' : result.code))).toEqual(
      Array(5).fill('claim_already_open'),
    );
    const rows = await test.ctx.db
      .selectFrom('claims')
      .select('claim_id')
      .where('person_id', '=', member.personId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('approves once and pays once under 20 parallel approvals and 20 parallel payments', async () => {
    const member = await createClaimMember(test.ctx, {
      exit: { exitedOn: '2026-10-01', reason: 'resignation' },
    });
    const officers = await Promise.all(Array.from({ length: 4 }, () => staffActor(test.ctx)));
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'resignation',
    });
    const approvals = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        approveClaim(test.ctx, officers[index % 4]!, claimId, FULL_CHECKLIST, null),
      ),
    );
    expect(approvals.filter((result) => result.ok)).toHaveLength(1);
    expect(
      new Set(approvals.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.code))),
    ).toEqual(new Set(['claim_status_invalid']));
    const payments = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        payClaim(test.ctx, officers[index % 4]!, claimId, `TRX-${index}`),
      ),
    );
    expect(payments.every((result) => result.ok)).toBe(true);
    expect(payments.filter((result) => result.ok && !result.value.isDuplicate)).toHaveLength(1);
    expect(await payoutEntries(claimId)).toHaveLength(1);
    expect((await getMemberBalances(test.ctx.db, member.personId)).total.JHT.amountRupiah).toBe(0);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });

  it('never pays twice when approvals and payments race each other', async () => {
    const member = await createClaimMember(test.ctx, { exit: { exitedOn: '2026-10-01', reason: 'layoff' } });
    const officer = await staffActor(test.ctx);
    const claimId = await submittedClaim(test.ctx, member.personId, {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'layoff',
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2 === 0
          ? approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null)
          : payClaim(test.ctx, officer, claimId, null),
      ),
    );
    expect(results.some((result) => result.ok)).toBe(true);
    await payClaim(test.ctx, officer, claimId, null);
    expect(await payoutEntries(claimId)).toHaveLength(1);
    const balance = await getMemberBalances(test.ctx.db, member.personId);
    expect(balance.total.JHT.amountRupiah).toBe(0);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });
});
