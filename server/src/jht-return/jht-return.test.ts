import { calculateDevelopmentReturn } from '@lumbung/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMemberLedgerAccounts, fundAccountIds, memberAccountCode } from '../ledger/ledger-accounts';
import { createFixtureMember } from '../ledger/ledger-fixtures';
import { verifyLedger } from '../ledger/ledger-verify';
import { postEntries, type EntryInput } from '../ledger/posting-engine';
import { createTestContext, type TestContext } from '../test/test-context';
import { declareJhtReturn, getJhtReturnProgress, runJhtReturn } from './jht-return-service';

let test: TestContext;
const members: { accountId: number; personId: number; jht: number }[] = [];

beforeAll(async () => {
  test = await createTestContext({ now: '2026-11-22T03:00:00Z' });
  const bank = (await fundAccountIds(test.ctx.db))['fund:bank'];
  const entries: EntryInput[] = [];
  for (let m = 0; m < 3; m += 1) {
    const member = await createFixtureMember(test.ctx);
    const ids = await ensureMemberLedgerAccounts(test.ctx.db, [{ ...member, programme: 'JHT' }]);
    const jht = ids.get(memberAccountCode(member.accountId, 'JHT'))!;
    members.push({ ...member, jht });
    // Monthly contributions booked on the 10th, 2023-06 … 2024-12.
    for (let i = 0; i < 19; i += 1) {
      const month = 6 + i;
      const date = `${2023 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-10`;
      const amount = 100_000 * (m + 1);
      entries.push({
        idempotencyKey: `t:${m}:${i}`,
        source: 'contribution',
        period: date.slice(0, 7),
        bookedAt: new Date(`${date}T03:00:00Z`),
        personId: member.personId,
        postings: [
          { ledgerAccountId: bank, amountRupiah: -amount },
          { ledgerAccountId: jht, amountRupiah: amount, component: 'worker' },
        ],
      });
    }
  }
  await test.ctx.db.transaction().execute((trx) => postEntries(trx, entries));
});
afterAll(async () => test.close());

const creditCount = async () =>
  (
    await sql<{ n: number }>`select count(*) as n from journal_entries where source = 'jht_return'`.execute(
      test.ctx.db,
    )
  ).rows[0]?.n;

describe('yearly JHT return', () => {
  it('refuses a year not over, a bad rate and a second declaration', async () => {
    expect(
      await declareJhtReturn(test.ctx, { year: 2026, rateBasisPoints: 500, declaredBy: 't' }),
    ).toMatchObject({ code: 'jht_return_year_not_over' });
    expect(
      await declareJhtReturn(test.ctx, { year: 2023, rateBasisPoints: 10_001, declaredBy: 't' }),
    ).toMatchObject({ code: 'jht_return_rate_invalid' });
    expect(
      await declareJhtReturn(test.ctx, { year: 2023, rateBasisPoints: 563, declaredBy: 'operator' }),
    ).toMatchObject({ ok: true });
    expect(
      await declareJhtReturn(test.ctx, { year: 2023, rateBasisPoints: 563, declaredBy: 'operator' }),
    ).toMatchObject({ code: 'jht_return_already_declared' });
    expect(
      await declareJhtReturn(test.ctx, { year: 2023, rateBasisPoints: 600, declaredBy: 'operator' }),
    ).toMatchObject({
      code: 'jht_return_rate_conflict',
      params: { year: 2023, declaredBasisPoints: 563, requestedBasisPoints: 600 },
    });
  });

  it('resumes after a crash mid-run and credits every account exactly once', async () => {
    let crashed = false;
    await expect(
      runJhtReturn(test.ctx, 2023, {
        batchSize: 1,
        afterBatchPosted: async (batch) => {
          if (batch === 2 && !crashed) {
            crashed = true;
            throw new Error('crash');
          }
        },
      }),
    ).rejects.toThrow('crash');
    expect(await getJhtReturnProgress(test.ctx, 2023)).toMatchObject({
      ok: true,
      value: { status: 'running', accountsDone: 1, accountsTotal: 3 },
    });
    expect(await creditCount()).toBe(1);
    const seen: number[] = [];
    const done = await runJhtReturn(test.ctx, 2023, {
      batchSize: 1,
      onProgress: (p) => seen.push(p.accountsDone),
    });
    expect(seen).toEqual([2, 3, 3]);
    // 7 contributions in 2023 (June–December), earning (12 − month)/12 of 5.63%.
    const expected = members.map((_, m) => {
      const postings = Array.from({ length: 7 }, (_, i) => ({
        date: `2023-${String(6 + i).padStart(2, '0')}-10`,
        amountRupiah: 100_000 * (m + 1),
      }));
      const r = calculateDevelopmentReturn({
        year: 2023,
        openingBalanceRupiah: 0,
        postings,
        rateBasisPoints: 563,
      });
      return r.ok ? r.value.returnRupiah : -1;
    });
    expect(expected[0]).toBe(Math.floor((100_000 * (6 + 5 + 4 + 3 + 2 + 1 + 0) * 563) / 120_000));
    expect(done).toMatchObject({
      ok: true,
      value: {
        status: 'completed',
        accountsDone: 3,
        amountCreditedRupiah: expected.reduce((a, b) => a + b, 0),
      },
    });
    expect(await creditCount()).toBe(3);
    const returned = await test.ctx.db
      .selectFrom('balances')
      .select('return_amount')
      .where('ledger_account_id', '=', members[2]!.jht)
      .executeTakeFirstOrThrow();
    expect(returned.return_amount).toBe(expected[2]);
  });

  it('compounds: the next year opens with the earlier return; running again changes nothing', async () => {
    expect(
      await declareJhtReturn(test.ctx, {
        year: 2024,
        rateBasisPoints: 600,
        declaredBy: 'operator',
        isIllustrative: true,
      }),
    ).toMatchObject({ ok: true });
    const result = await runJhtReturn(test.ctx, 2024);
    const first = await test.ctx.db
      .selectFrom('jht_return_credits')
      .select(['year', 'amount'])
      .where('ledger_account_id', '=', members[0]!.jht)
      .orderBy('year')
      .execute();
    const opening = 700_000 + first[0]!.amount;
    const postings = Array.from({ length: 12 }, (_, i) => ({
      date: `2024-${String(i + 1).padStart(2, '0')}-10`,
      amountRupiah: 100_000,
    }));
    const expected = calculateDevelopmentReturn({
      year: 2024,
      openingBalanceRupiah: opening,
      postings,
      rateBasisPoints: 600,
    });
    expect(first[1]?.amount).toBe(expected.ok ? expected.value.returnRupiah : -1);
    expect(result).toMatchObject({ ok: true, value: { status: 'completed', accountsDone: 3 } });
    const before = await creditCount();
    await test.ctx.db
      .updateTable('jht_return_years')
      .set({ status: 'running', last_ledger_account_id: 0 })
      .where('year', '=', 2024)
      .execute();
    await runJhtReturn(test.ctx, 2024);
    expect(await creditCount()).toBe(before);
    expect((await verifyLedger(test.ctx.db)).isPassed).toBe(true);
  });
});
