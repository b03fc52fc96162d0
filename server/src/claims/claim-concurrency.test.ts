// Double payment is impossible: twenty approvals and twenty payments of one claim at once, a double
// open, a double submit, and a mixed race all end in exactly one claim and one payout entry.
//
// What each backend proves. PGlite has ONE connection: its transactions run one after another, so no
// two of them ever overlap and a missing row lock (FOR UPDATE) could not make these tests fail — on
// PGlite they prove only that the services are idempotent when repeated (the second approval sees
// 'approved', the second payment finds the paid claim, the unique indexes hold). The proof that the locks
// work needs TEST_DATABASE_URL (PostgreSQL, a pool of 25): the first test below then asserts that the
// parallel calls really run on separate server connections (distinct pg_backend_pid values held at the
// same time), so the calls after it overlap for real and only the row locks and unique indexes keep them
// to one outcome.
import { requiredClaimDocuments } from '@lumbung/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMemberBalances } from '../ledger/balance-queries';
import { verifyLedger } from '../ledger/ledger-verify';
import { createTestContext, type TestContext } from '../test/test-context';
import { testBackend } from '../test/test-database';
import { addClaimDocument } from './claim-document-service';
import { createClaimMember, SAMPLE_PDF } from './claim-fixtures';
import { setPayoutAccount } from './claim-payout-account-service';
import { payClaim } from './claim-payment-service';
import { approveClaim } from './claim-review-service';
import { openClaim, submitClaim } from './claim-submit-service';
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
  it.runIf(testBackend === 'postgresql')(
    'runs parallel calls on separate PostgreSQL connections at the same time',
    async () => {
      expect(test.ctx.backend).toBe('postgresql');
      // Each transaction holds its connection while it sleeps, so the pool must hand out distinct ones.
      const pids = await Promise.all(
        Array.from({ length: 5 }, () =>
          test.ctx.db.transaction().execute(async (trx) => {
            const row = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
            await sql`select pg_sleep(0.2)`.execute(trx);
            return Number(row.rows[0]?.pid);
          }),
        ),
      );
      expect(new Set(pids).size).toBe(5);
    },
  );

  it('submits once and pays once when the member sends the same claim twice at once', async () => {
    const member = await createClaimMember(test.ctx, {
      exit: { exitedOn: '2026-10-01', reason: 'resignation' },
    });
    const opened = await openClaim(test.ctx, member.personId, memberActor(), {
      kpj: member.kpj,
      programme: 'JHT',
      reason: 'resignation',
      idempotencyKey: 'double-submit-0001',
    });
    const claimId = opened.ok ? opened.value.claim.id : 0;
    for (const type of requiredClaimDocuments('JHT', 'resignation')) {
      await addClaimDocument(test.ctx, member.personId, claimId, memberActor(), {
        type,
        fileName: `${type}.pdf`,
        bytes: Buffer.concat([SAMPLE_PDF, Buffer.from(type)]),
      });
    }
    await setPayoutAccount(test.ctx, member.personId, claimId, {
      bankCode: '002',
      accountNumber: '0123456789012',
      holderName: 'Rina Wulandari',
    });
    const submits = await Promise.all([
      submitClaim(test.ctx, member.personId, claimId, memberActor()),
      submitClaim(test.ctx, member.personId, claimId, memberActor()),
    ]);
    expect(submits.map((result) => (result.ok ? result.value.status : result.code))).toEqual([
      'submitted',
      'submitted',
    ]);
    const events = await test.ctx.db
      .selectFrom('claim_status_events')
      .select('to_status')
      .where('claim_id', '=', claimId)
      .orderBy('event_id')
      .execute();
    expect(events.map((event) => event.to_status)).toEqual(['draft', 'submitted']);
    const claims = await test.ctx.db
      .selectFrom('claims')
      .select('claim_id')
      .where('person_id', '=', member.personId)
      .execute();
    expect(claims).toHaveLength(1);
    const officer = await staffActor(test.ctx);
    await approveClaim(test.ctx, officer, claimId, FULL_CHECKLIST, null);
    const payments = await Promise.all([
      payClaim(test.ctx, officer, claimId, 'TRX-A'),
      payClaim(test.ctx, officer, claimId, 'TRX-B'),
    ]);
    expect(payments.filter((result) => result.ok && !result.value.isDuplicate)).toHaveLength(1);
    expect(await payoutEntries(claimId)).toHaveLength(1);
    expect((await getMemberBalances(test.ctx.db, member.personId)).total.JHT.amountRupiah).toBe(0);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });

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
